// Requests pages: /events/:slug/requests lists meeting requests by status with one-click accept / decline and adds
// one; /requests/:id edits priority, status, session and note; removing a scheduled request asks first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventRow } from '../../../services/setup/index.js';
import { REQUEST_STATUSES, type RequestStatus } from '../../../services/requests/index.js';
import type { FormErrors } from '../../../domain/index.js';
import {
  removeRequest,
  requestById,
  requestsOverview,
  saveRequest,
  setRequestStatus,
  type RequestForm,
} from '../../../services/requests/index.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { errorTexts, eventOf, idParams, meetingTexts, nameIn, pageBase, slugParams } from './page-context.js';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

const requestBody = {
  type: 'object',
  properties: {
    requesterId: text(12),
    requestedId: text(12),
    priority: text(10),
    status: text(20),
    session: text(10),
    note: text(2000),
  },
} as const;

function listPage(
  request: FastifyRequest,
  reply: FastifyReply,
  event: EventRow,
  status: RequestStatus | undefined,
  form: RequestForm = {},
  errors: FormErrors = {},
) {
  const overview = requestsOverview(request.server.db, event.id, status);
  return reply.page('organizer/requests/index', {
    ...pageBase(request, event, 'requests', 'organizerData.requests.title'),
    status: status ?? null,
    statuses: REQUEST_STATUSES,
    counts: overview.counts,
    requests: overview.requests.map((r) => ({
      ...r,
      requesterName: request.lang === 'ko' ? r.requesterNameKo : r.requesterNameEn,
      requestedName: request.lang === 'ko' ? r.requestedNameKo : r.requestedNameEn,
    })),
    organizations: overview.organizations.map((o) => ({ id: o.id, label: `${o.code} ${nameIn(request, o)}` })),
    form,
    errors: errorTexts(request, errors),
    error: Object.keys(errors).length > 0 ? request.t('organizerData.form.notSaved') : null,
    notice: null,
  });
}

function editPage(request: FastifyRequest, reply: FastifyReply, event: EventRow, id: number, form?: RequestForm, errors: FormErrors = {}) {
  const found = requestById(request.server.db, event.id, id);
  if (!found) throw new DomainError('not_found', 'shell.error.notFound.body');
  return reply.page('organizer/requests/edit', {
    ...pageBase(request, event, 'requests', 'organizerData.requests.editTitle'),
    request: found,
    between: `${found.requesterCode} ${request.lang === 'ko' ? found.requesterNameKo : found.requesterNameEn} → ${found.requestedCode} ${
      request.lang === 'ko' ? found.requestedNameKo : found.requestedNameEn
    }`,
    form: form ?? { priority: String(found.priority), status: found.status, session: found.session ?? '', note: found.note },
    errors: errorTexts(request, errors),
    error: Object.keys(errors).length > 0 ? request.t('organizerData.form.notSaved') : null,
    notice: null,
  });
}

export default async function requestRoutes(app: FastifyInstance): Promise<void> {
  const guarded = { preHandler: requireOrganizer };
  const listUrl = (event: EventRow) => `/events/${encodeURIComponent(event.slug)}/requests`;

  app.get<{ Querystring: { status?: RequestStatus } }>(
    '/events/:slug/requests',
    {
      ...guarded,
      schema: { params: slugParams, querystring: { type: 'object', properties: { status: { type: 'string', enum: [...REQUEST_STATUSES] } } } },
    },
    async (request, reply) => listPage(request, reply, eventOf(request), request.query.status),
  );

  app.post<{ Body: RequestForm }>('/events/:slug/requests', { ...guarded, schema: { params: slugParams, body: requestBody } }, async (request, reply) => {
    const event = eventOf(request);
    const result = saveRequest(app.db, event.id, null, request.body);
    if (!result.ok) return listPage(request, reply.code(422), event, undefined, request.body, result.errors);
    return reply.redirect(listUrl(event), 303);
  });

  app.get<{ Params: { slug: string; id: number } }>('/events/:slug/requests/:id', { ...guarded, schema: { params: idParams } }, async (request, reply) =>
    editPage(request, reply, eventOf(request), request.params.id),
  );

  app.post<{ Params: { slug: string; id: number }; Body: RequestForm }>(
    '/events/:slug/requests/:id',
    { ...guarded, schema: { params: idParams, body: requestBody } },
    async (request, reply) => {
      const event = eventOf(request);
      const result = saveRequest(app.db, event.id, request.params.id, request.body);
      if (!result.ok) {
        if (result.errors.id) throw new DomainError('not_found', 'shell.error.notFound.body');
        return editPage(request, reply.code(422), event, request.params.id, request.body, result.errors);
      }
      return reply.redirect(listUrl(event), 303);
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: { status: RequestStatus; back?: string } }>(
    '/events/:slug/requests/:id/status',
    {
      ...guarded,
      schema: {
        params: idParams,
        body: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string', enum: [...REQUEST_STATUSES] }, back: { type: 'string', enum: ['', ...REQUEST_STATUSES] } },
        },
      },
    },
    async (request, reply) => {
      const event = eventOf(request);
      if (!setRequestStatus(app.db, event.id, request.params.id, request.body.status)) throw new DomainError('not_found', 'shell.error.notFound.body');
      const back = request.body.back ? `?status=${request.body.back}` : '';
      return reply.redirect(`${listUrl(event)}${back}`, 303);
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: { confirm?: string } }>(
    '/events/:slug/requests/:id/delete',
    { ...guarded, schema: { params: idParams, body: { type: 'object', properties: { confirm: { type: 'string', enum: ['yes'] } } } } },
    async (request, reply) => {
      const event = eventOf(request);
      const found = requestById(app.db, event.id, request.params.id);
      const result = removeRequest(app.db, event.id, request.params.id, request.body?.confirm === 'yes');
      if (!result || !found) throw new DomainError('not_found', 'shell.error.notFound.body');
      if (!result.removed) {
        return reply.page('organizer/participants/delete', {
          ...pageBase(request, event, 'requests', 'organizerData.requests.deleteTitle'),
          name: `${found.requesterCode} → ${found.requestedCode}`,
          action: `${listUrl(event)}/${found.id}/delete`,
          back: `${listUrl(event)}/${found.id}`,
          meetings: meetingTexts(request, result.meetings),
          error: null,
          notice: null,
        });
      }
      return reply.redirect(listUrl(event), 303);
    },
  );
}

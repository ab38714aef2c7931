// Participants pages: /events/:slug/participants lists organizations and adds one; /participants/:id edits it, its
// representatives and the slots it cannot meet in; removing it asks first when it has scheduled meetings.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventRow } from '../../../services/setup/index.js';
import type { FormErrors } from '../../../domain/index.js';
import {
  listParticipants,
  participantDetail,
  removeOrganization,
  removeRepresentative,
  saveOrganization,
  saveRepresentative,
  saveUnavailability,
  type OrganizationForm,
  type RepresentativeForm,
} from '../../../services/participants/index.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { errorTexts, eventOf, idParams, meetingTexts, nameIn, pageBase, slugParams } from './page-context.js';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

const organizationBody = {
  type: 'object',
  properties: {
    code: text(64),
    kind: text(20),
    nameKo: text(200),
    nameEn: text(200),
    sector: text(200),
    maxMeetings: text(10),
    maxMeetingsPerDay: text(10),
  },
} as const;

const representativeBody = {
  type: 'object',
  properties: { name: text(200), email: text(254), phone: text(50), title: text(200), language: text(10) },
} as const;

const representativeParams = {
  type: 'object',
  required: ['slug', 'id', 'representativeId'],
  properties: { ...idParams.properties, representativeId: { type: 'integer', minimum: 1 } },
} as const;

const stringList = { anyOf: [{ type: 'string', maxLength: 20 }, { type: 'array', maxItems: 2000, items: { type: 'string', maxLength: 20 } }] } as const;

function listPage(request: FastifyRequest, reply: FastifyReply, event: EventRow, form: OrganizationForm = {}, errors: FormErrors = {}) {
  const participants = listParticipants(request.server.db, event.id).map((p) => ({ ...p, name: nameIn(request, p) }));
  return reply.page('organizer/participants/index', {
    ...pageBase(request, event, 'participants', 'organizerData.participants.title'),
    participants,
    form,
    errors: errorTexts(request, errors),
    error: Object.keys(errors).length > 0 ? request.t('organizerData.form.notSaved') : null,
    notice: null,
  });
}

interface DetailState {
  readonly organizationForm?: OrganizationForm;
  readonly representativeForm?: RepresentativeForm & { id?: number };
  readonly errors?: FormErrors;
  readonly notice?: string;
}

function detailPage(request: FastifyRequest, reply: FastifyReply, event: EventRow, id: number, state: DetailState = {}) {
  const detail = participantDetail(request.server.db, event.id, id);
  if (!detail) throw new DomainError('not_found', 'shell.error.notFound.body');
  const { organization } = detail;
  const errors = state.errors ?? {};
  return reply.page('organizer/participants/edit', {
    ...pageBase(request, event, 'participants', 'organizerData.participants.editTitle'),
    detail,
    name: nameIn(request, organization),
    organizationForm: state.organizationForm ?? {
      code: organization.code,
      kind: organization.kind,
      nameKo: organization.nameKo,
      nameEn: organization.nameEn,
      sector: organization.sector,
      maxMeetings: organization.maxMeetings === null ? '' : String(organization.maxMeetings),
      maxMeetingsPerDay: organization.maxMeetingsPerDay === null ? '' : String(organization.maxMeetingsPerDay),
    },
    representativeForm: state.representativeForm ?? null,
    errors: errorTexts(request, errors),
    error: Object.keys(errors).length > 0 ? request.t('organizerData.form.notSaved') : null,
    notice: state.notice ?? null,
  });
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export default async function participantRoutes(app: FastifyInstance): Promise<void> {
  const guarded = { preHandler: requireOrganizer };

  app.get('/events/:slug/participants', { ...guarded, schema: { params: slugParams } }, async (request, reply) =>
    listPage(request, reply, eventOf(request)),
  );

  app.post<{ Body: OrganizationForm }>(
    '/events/:slug/participants',
    { ...guarded, schema: { params: slugParams, body: organizationBody } },
    async (request, reply) => {
      const event = eventOf(request);
      const result = saveOrganization(app.db, event.id, null, request.body);
      if (!result.ok) return listPage(request, reply.code(422), event, request.body, result.errors);
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/participants/${result.value}?saved=1`, 303);
    },
  );

  app.get<{ Params: { slug: string; id: number }; Querystring: { saved?: string } }>(
    '/events/:slug/participants/:id',
    { ...guarded, schema: { params: idParams } },
    async (request, reply) => {
      const notice = request.query.saved ? request.t('organizerData.form.saved') : undefined;
      return detailPage(request, reply, eventOf(request), request.params.id, notice ? { notice } : {});
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: OrganizationForm }>(
    '/events/:slug/participants/:id',
    { ...guarded, schema: { params: idParams, body: organizationBody } },
    async (request, reply) => {
      const event = eventOf(request);
      const result = saveOrganization(app.db, event.id, request.params.id, request.body);
      if (!result.ok) {
        if (result.errors.id) throw new DomainError('not_found', 'shell.error.notFound.body');
        return detailPage(request, reply.code(422), event, request.params.id, { organizationForm: request.body, errors: result.errors });
      }
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/participants/${result.value}?saved=1`, 303);
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: RepresentativeForm }>(
    '/events/:slug/participants/:id/representatives',
    { ...guarded, schema: { params: idParams, body: representativeBody } },
    async (request, reply) => {
      const event = eventOf(request);
      const result = saveRepresentative(app.db, event.id, request.params.id, null, request.body);
      if (!result.ok) {
        if (result.errors.organization) throw new DomainError('not_found', 'shell.error.notFound.body');
        return detailPage(request, reply.code(422), event, request.params.id, { representativeForm: request.body, errors: result.errors });
      }
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/participants/${request.params.id}?saved=1`, 303);
    },
  );

  app.post<{ Params: { slug: string; id: number; representativeId: number }; Body: RepresentativeForm }>(
    '/events/:slug/participants/:id/representatives/:representativeId',
    { ...guarded, schema: { params: representativeParams, body: representativeBody } },
    async (request, reply) => {
      const event = eventOf(request);
      const { id, representativeId } = request.params;
      const result = saveRepresentative(app.db, event.id, id, representativeId, request.body);
      if (!result.ok) {
        if (result.errors.organization || result.errors.id) throw new DomainError('not_found', 'shell.error.notFound.body');
        return detailPage(request, reply.code(422), event, id, {
          representativeForm: { ...request.body, id: representativeId },
          errors: result.errors,
        });
      }
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/participants/${id}?saved=1`, 303);
    },
  );

  app.post<{ Params: { slug: string; id: number; representativeId: number } }>(
    '/events/:slug/participants/:id/representatives/:representativeId/delete',
    { ...guarded, schema: { params: representativeParams } },
    async (request, reply) => {
      const event = eventOf(request);
      const { id, representativeId } = request.params;
      if (!removeRepresentative(app.db, event.id, id, representativeId)) throw new DomainError('not_found', 'shell.error.notFound.body');
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/participants/${id}?saved=1`, 303);
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: { slot?: string | string[]; halfDay?: string | string[] } }>(
    '/events/:slug/participants/:id/unavailability',
    { ...guarded, schema: { params: idParams, body: { type: 'object', properties: { slot: stringList, halfDay: stringList } } } },
    async (request, reply) => {
      const event = eventOf(request);
      const { id } = request.params;
      const result = saveUnavailability(app.db, event.id, id, listOf(request.body?.slot), listOf(request.body?.halfDay));
      if (!result.ok) {
        if (result.errors.organization) throw new DomainError('not_found', 'shell.error.notFound.body');
        return detailPage(request, reply.code(422), event, id, { errors: result.errors });
      }
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/participants/${id}?saved=1#unavailability`, 303);
    },
  );

  app.post<{ Params: { slug: string; id: number }; Body: { confirm?: string } }>(
    '/events/:slug/participants/:id/delete',
    { ...guarded, schema: { params: idParams, body: { type: 'object', properties: { confirm: { type: 'string', enum: ['yes'] } } } } },
    async (request, reply) => {
      const event = eventOf(request);
      const { id } = request.params;
      const detail = participantDetail(app.db, event.id, id);
      const result = removeOrganization(app.db, event.id, id, request.body?.confirm === 'yes');
      if (!result || !detail) throw new DomainError('not_found', 'shell.error.notFound.body');
      if (!result.removed) {
        return reply.page('organizer/participants/delete', {
          ...pageBase(request, event, 'participants', 'organizerData.participants.deleteTitle'),
          name: `${detail.organization.code} ${nameIn(request, detail.organization)}`,
          action: `/events/${encodeURIComponent(event.slug)}/participants/${id}/delete`,
          back: `/events/${encodeURIComponent(event.slug)}/participants/${id}`,
          meetings: meetingTexts(request, result.meetings),
          error: null,
          notice: null,
        });
      }
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/participants`, 303);
    },
  );
}

// Event set-up: /events/new creates an event; /events/:slug/setup edits its details, days (slot pattern with a
// preview of the generated slots), rooms, tables and booths, beside the capacity planner. Each form posts to its
// own URL; a rejected form shows the page again with the messages next to that form's fields and nothing saved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BlockingMeeting, DayDetail, EventRow } from '../../../services/setup/index.js';
import {
  breakRows,
  createEventFromForm,
  deleteDay,
  previewDay,
  removeRoom,
  removeTable,
  saveDay,
  saveRoom,
  saveTable,
  setupOverview,
  updateEventDetails,
  type Form,
  type SetupResult,
} from '../../../services/setup/index.js';
import type { FormErrors } from '../../../domain/index.js';
import type { PatternSlot } from '../../../domain/index.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { errorTexts, eventOf, meetingTexts, nameIn, pageBase, slugParams } from './page-context.js';
import { capacityView, roomsView } from '../../view-models/setup.js';

const formBody = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: 200 },
} as const;

const itemParams = {
  type: 'object',
  required: ['slug', 'itemId'],
  properties: { ...slugParams.properties, itemId: { type: 'integer', minimum: 1 } },
} as const;

interface SetupState {
  /** Which form the values and errors belong to: 'details', 'day-new', 'day-12', 'room-new', 'table-3', … */
  readonly form?: string;
  readonly values?: Form;
  readonly errors?: FormErrors;
  readonly preview?: readonly PatternSlot[];
  readonly blocking?: readonly BlockingMeeting[];
  readonly notice?: string;
  readonly confirmRoom?: { readonly id: number; readonly tables: number };
  readonly blockedRoom?: ReturnType<typeof meetingTexts>;
}

function setupPage(request: FastifyRequest, reply: FastifyReply, event: EventRow, state: SetupState = {}) {
  const overview = setupOverview(request.server.db, event.id);
  const errors = state.errors ?? {};
  const failed = Object.keys(errors).length > 0 || (state.blocking?.length ?? 0) > 0;
  return reply.page('organizer/setup/index', {
    ...pageBase(request, event, 'setup', 'organizerData.setup.title'),
    overview,
    capacity: capacityView(overview.capacity, request.lang),
    rooms: roomsView(overview.rooms, request.lang),
    days: overview.days.map((day) => ({ ...day, values: dayValues(day), breakRows: breakRows(day.breaks.length) })),
    details: {
      slug: event.slug,
      nameKo: event.nameKo,
      nameEn: event.nameEn,
      venue: event.venue,
      timezone: event.timezone,
      meetingMinutes: String(event.meetingMinutes),
      bufferMinutes: String(event.bufferMinutes),
    },
    organizations: overview.organizations.map((o) => ({ id: o.id, label: `${o.code} ${nameIn(request, o)}`, kind: o.kind })),
    breakRows: breakRows(0),
    state: {
      form: state.form ?? null,
      values: state.values ?? {},
      errors: errorTexts(request, errors),
      preview: state.preview ?? null,
      blocking: state.blocking ?? [],
      confirmRoom: state.confirmRoom ?? null,
      blockedRoom: state.blockedRoom ?? null,
    },
    error: failed ? request.t(state.blocking?.length ? 'organizerData.setup.blocked' : 'organizerData.form.notSaved') : null,
    notice: state.notice ?? null,
  });
}

function dayValues(day: DayDetail): Form {
  const values: Record<string, string> = {
    date: day.date,
    startTime: day.startTime,
    endTime: day.endTime,
    meetingMinutes: day.meetingMinutes === null ? '' : String(day.meetingMinutes),
    bufferMinutes: day.bufferMinutes === null ? '' : String(day.bufferMinutes),
    afternoonFrom: day.afternoonFrom,
  };
  day.breaks.forEach((pause, i) => {
    values[`break${i}Start`] = pause.startTime;
    values[`break${i}End`] = pause.endTime;
    values[`break${i}NameKo`] = pause.nameKo;
    values[`break${i}NameEn`] = pause.nameEn;
  });
  return values;
}

export default async function setupRoutes(app: FastifyInstance): Promise<void> {
  const guarded = { preHandler: requireOrganizer };
  const setupUrl = (event: EventRow, anchor = '') => `/events/${encodeURIComponent(event.slug)}/setup?saved=1${anchor}`;

  /** Saves with `work`; on success back to the page, else the page with the form's errors or blocking meetings. */
  function handle<T>(request: FastifyRequest, reply: FastifyReply, event: EventRow, form: string, work: () => SetupResult<T>, anchor: string) {
    const result = work();
    if (result.ok) return reply.redirect(setupUrl(event, anchor), 303);
    const values = request.body as Form;
    if ('blocking' in result) return setupPage(request, reply.code(409), event, { form, values, blocking: result.blocking });
    return setupPage(request, reply.code(422), event, { form, values, errors: result.errors });
  }

  app.get('/events/new', guarded, async (request, reply) =>
    reply.page('organizer/setup/new', { title: request.t('organizerData.setup.newTitle'), styles: ['/static/css/organizer-data.css'], values: { timezone: 'Asia/Seoul', meetingMinutes: '20', bufferMinutes: '5' }, errors: {}, error: null, notice: null }),
  );

  app.post<{ Body: Form }>('/events/new', { ...guarded, schema: { body: formBody } }, async (request, reply) => {
    const result = createEventFromForm(app.db, request.body);
    if (!result.ok) {
      return reply.code(422).page('organizer/setup/new', {
        title: request.t('organizerData.setup.newTitle'),
        styles: ['/static/css/organizer-data.css'],
        values: request.body,
        errors: errorTexts(request, result.errors),
        error: request.t('organizerData.form.notSaved'),
        notice: null,
      });
    }
    return reply.redirect(`/events/${encodeURIComponent(result.value.slug)}/setup`, 303);
  });

  app.get<{ Querystring: { saved?: string } }>('/events/:slug/setup', { ...guarded, schema: { params: slugParams } }, async (request, reply) =>
    setupPage(request, reply, eventOf(request), request.query.saved ? { notice: request.t('organizerData.form.saved') } : {}),
  );

  app.post<{ Body: Form }>('/events/:slug/setup/details', { ...guarded, schema: { params: slugParams, body: formBody } }, async (request, reply) => {
    const event = eventOf(request);
    const result = updateEventDetails(app.db, event.id, request.body);
    if (result.ok) return reply.redirect(`/events/${encodeURIComponent(result.value.slug)}/setup?saved=1`, 303);
    const state = 'blocking' in result ? { blocking: result.blocking } : { errors: result.errors };
    return setupPage(request, reply.code('blocking' in result ? 409 : 422), event, { form: 'details', values: request.body, ...state });
  });

  for (const path of ['/events/:slug/setup/days', '/events/:slug/setup/days/:itemId']) {
    const isNew = !path.endsWith(':itemId');
    app.post<{ Params: { slug: string; itemId?: number }; Body: Form }>(
      path,
      { ...guarded, schema: { params: isNew ? slugParams : itemParams, body: formBody } },
      async (request, reply) => {
        const event = eventOf(request);
        const dayId = request.params.itemId ?? null;
        const form = dayId === null ? 'day-new' : `day-${dayId}`;
        if (request.body.action === 'preview') {
          const preview = previewDay(event, request.body);
          if (!preview.ok) return setupPage(request, reply.code(422), event, { form, values: request.body, errors: preview.errors });
          return setupPage(request, reply, event, { form, values: request.body, preview: preview.value });
        }
        return handle(request, reply, event, form, () => saveDay(app.db, event.id, dayId, request.body), '#days');
      },
    );
  }

  app.post<{ Params: { slug: string; itemId: number } }>('/events/:slug/setup/days/:itemId/delete', { ...guarded, schema: { params: itemParams } }, async (request, reply) => {
    const event = eventOf(request);
    return handle(request, reply, event, `day-${request.params.itemId}`, () => deleteDay(app.db, event.id, request.params.itemId), '#days');
  });

  for (const path of ['/events/:slug/setup/rooms', '/events/:slug/setup/rooms/:itemId']) {
    const isNew = !path.endsWith(':itemId');
    app.post<{ Params: { slug: string; itemId?: number }; Body: Form }>(
      path,
      { ...guarded, schema: { params: isNew ? slugParams : itemParams, body: formBody } },
      async (request, reply) => {
        const event = eventOf(request);
        const roomId = request.params.itemId ?? null;
        return handle(request, reply, event, roomId === null ? 'room-new' : `room-${roomId}`, () => saveRoom(app.db, event.id, roomId, request.body), '#rooms');
      },
    );
  }

  app.post<{ Params: { slug: string; itemId: number }; Body: { confirm?: string } }>(
    '/events/:slug/setup/rooms/:itemId/delete',
    { ...guarded, schema: { params: itemParams, body: { type: 'object', properties: { confirm: { type: 'string', enum: ['yes'] } } } } },
    async (request, reply) => {
      const event = eventOf(request);
      const roomId = request.params.itemId;
      const result = removeRoom(app.db, event.id, roomId, request.body?.confirm === 'yes');
      if ('status' in result) {
        if (result.status === 'notFound') throw new DomainError('not_found', 'shell.error.notFound.body');
        if (result.status === 'removed') return reply.redirect(setupUrl(event, '#rooms'), 303);
        if (result.status === 'confirm') return setupPage(request, reply, event, { confirmRoom: { id: roomId, tables: result.tables.length } });
        return setupPage(request, reply.code(409), event, { blockedRoom: meetingTexts(request, result.meetings) });
      }
      return setupPage(request, reply.code(409), event, { form: `room-${roomId}`, errors: result.ok ? {} : result.errors });
    },
  );

  for (const path of ['/events/:slug/setup/tables', '/events/:slug/setup/tables/:itemId']) {
    const isNew = !path.endsWith(':itemId');
    app.post<{ Params: { slug: string; itemId?: number }; Body: Form }>(
      path,
      { ...guarded, schema: { params: isNew ? slugParams : itemParams, body: formBody } },
      async (request, reply) => {
        const event = eventOf(request);
        const tableId = request.params.itemId ?? null;
        const form = tableId === null ? `table-new-${request.body.roomId ?? ''}` : `table-${tableId}`;
        return handle(request, reply, event, form, () => saveTable(app.db, event.id, tableId, request.body), '#rooms');
      },
    );
  }

  app.post<{ Params: { slug: string; itemId: number } }>('/events/:slug/setup/tables/:itemId/delete', { ...guarded, schema: { params: itemParams } }, async (request, reply) => {
    const event = eventOf(request);
    return handle(request, reply, event, `table-${request.params.itemId}`, () => removeTable(app.db, event.id, request.params.itemId), '#rooms');
  });
}

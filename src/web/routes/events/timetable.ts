// /events/:slug/timetable: the grid per day with filters, the unscheduled meetings and each organization's load;
// edits are plain form posts (move, swap, place, lock, unlock, unschedule) that carry the version and revision the
// page showed, so a concurrent edit is refused as stale. ?select=<request> shows where a meeting may go;
// public/js/timetable.js does the same by click or drag using targets.json.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventRow } from '../../../services/setup/index.js';
import { allowedTargets, applyEdit, EditRefusedError, type MeetingEdit } from '../../../services/timetable/index.js';
import type { Conflict } from '../../../domain/index.js';
import { versionBelongsToEvent, workingVersion } from '../../../services/scheduling/index.js';
import { buildTimetable, type TimetableFilters } from '../../../services/timetable/index.js';
import type { Translator } from '../../../i18n/index.js';
import { refusalStatus } from '../../plugins/errors.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { actorOf, eventNav, eventOf, slugParams, type SlugParams } from './event-context.js';
import { timetableView } from '../../view-models/timetable.js';

interface FilterQuery {
  day?: number;
  room?: number;
  sector?: string;
  org?: number;
  select?: number;
  done?: string;
}

const id = { type: 'integer', minimum: 1 } as const;

const filterQuery = {
  type: 'object',
  properties: {
    day: id,
    room: id,
    sector: { type: 'string', maxLength: 100 },
    org: id,
    select: id,
    done: { type: 'string', enum: ['move', 'swap', 'place', 'lock', 'unlock', 'unschedule'] },
  },
} as const;

interface EditBody extends FilterQuery {
  kind: MeetingEdit['kind'];
  requestId: number;
  otherRequestId?: number;
  slotId?: number;
  tableId?: number;
  versionId: number;
  revision: number;
}

const editBody = {
  type: 'object',
  required: ['kind', 'requestId', 'versionId', 'revision'],
  properties: {
    ...filterQuery.properties,
    _csrf: { type: 'string' },
    kind: { type: 'string', enum: ['move', 'swap', 'place', 'lock', 'unlock', 'unschedule'] },
    requestId: id,
    otherRequestId: id,
    slotId: id,
    tableId: id,
    versionId: id,
    revision: { type: 'integer', minimum: 1 },
  },
} as const;

function filtersOf(query: FilterQuery): TimetableFilters {
  return {
    ...(query.day !== undefined ? { dayId: query.day } : {}),
    ...(query.room !== undefined ? { roomId: query.room } : {}),
    ...(query.sector ? { sector: query.sector } : {}),
    ...(query.org !== undefined ? { organizationId: query.org } : {}),
    ...(query.select !== undefined ? { selectRequestId: query.select } : {}),
  };
}

/** The filters as a query string, to come back to the same view after an edit. */
function filterSearch(query: FilterQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['day', 'room', 'sector', 'org'] as const) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function conflictText(t: Translator, conflict: Conflict): string {
  return t(`organizerSchedule.conflict.${conflict.code}`, conflict.params);
}

function editOf(body: EditBody): MeetingEdit {
  switch (body.kind) {
    case 'move':
    case 'place':
      if (body.slotId === undefined) throw new DomainError('invalid', 'organizerSchedule.timetable.fieldRequired', { field: 'slotId' }, 'slotId');
      if (body.tableId === undefined) throw new DomainError('invalid', 'organizerSchedule.timetable.fieldRequired', { field: 'tableId' }, 'tableId');
      return { kind: body.kind, requestId: body.requestId, slotId: body.slotId, tableId: body.tableId };
    case 'swap':
      if (body.otherRequestId === undefined) {
        throw new DomainError('invalid', 'organizerSchedule.timetable.fieldRequired', { field: 'otherRequestId' }, 'otherRequestId');
      }
      return { kind: 'swap', requestId: body.requestId, otherRequestId: body.otherRequestId };
    default:
      return { kind: body.kind, requestId: body.requestId };
  }
}

export default async function timetableRoutes(app: FastifyInstance): Promise<void> {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventRow,
    query: FilterQuery,
    messages: { error?: string; errors?: string[]; notice?: string } = {},
  ) {
    const model = buildTimetable(app.db, event, request.lang, filtersOf(query));
    const t = request.t;
    return reply.page('organizer/timetable/index', {
      title: t('organizerSchedule.timetable.title'),
      eventNav: eventNav(request, event, 'timetable'),
      slug: event.slug,
      model: timetableView(model),
      query,
      search: (extra: Record<string, string> = {}) => filterSearch(query, extra),
      conflictText: (conflict: Conflict) => conflictText(t, conflict),
      ...messages,
      styles: ['/static/css/timetable.css'],
      scripts: ['/static/js/timetable.js'],
    });
  }

  app.get<{ Params: SlugParams; Querystring: FilterQuery }>(
    '/events/:slug/timetable',
    { preHandler: requireOrganizer, schema: { params: slugParams, querystring: filterQuery } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const done = request.query.done;
      return render(request, reply, event, request.query, {
        ...(done ? { notice: request.t(`organizerSchedule.timetable.done.${done}`) } : {}),
      });
    },
  );

  app.get<{ Params: SlugParams; Querystring: { request: number } }>(
    '/events/:slug/timetable/targets.json',
    {
      preHandler: requireOrganizer,
      schema: {
        params: slugParams,
        querystring: { type: 'object', required: ['request'], properties: { request: id } },
      },
    },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const version = workingVersion(app.db, event.id);
      const targets = version ? allowedTargets(app.db, event, version, request.query.request) : null;
      if (!targets) throw new DomainError('not_found', 'shell.error.notFound.body');
      return reply.header('cache-control', 'no-store').send({
        ...targets,
        cells: targets.cells.map((cell) => ({
          slotId: cell.slotId,
          tableId: cell.tableId,
          swapWithRequestId: cell.swapWithRequestId,
          allowed: cell.conflicts.length === 0,
          reasons: cell.conflicts.map((conflict) => conflictText(request.t, conflict)),
        })),
      });
    },
  );

  app.post<{ Params: SlugParams; Body: EditBody }>(
    '/events/:slug/timetable/edit',
    { preHandler: requireOrganizer, schema: { params: slugParams, body: editBody } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const body = request.body;
      if (!versionBelongsToEvent(app.db, body.versionId, event.id)) throw new DomainError('not_found', 'shell.error.notFound.body');
      try {
        applyEdit(app.db, event, editOf(body), {
          versionId: body.versionId,
          revision: body.revision,
          actor: actorOf(request),
        });
      } catch (error) {
        if (!(error instanceof EditRefusedError)) throw error;
        const t = request.t;
        reply.code(refusalStatus(error));
        const query = { day: body.day, room: body.room, sector: body.sector, org: body.org };
        return render(request, reply, event, query, {
          error: t(error.key),
          errors: error.conflicts.map((conflict) => conflictText(t, conflict)),
        });
      }
      return reply.redirect(
        `/events/${encodeURIComponent(event.slug)}/timetable${filterSearch(body, { done: body.kind })}`,
        303,
      );
    },
  );
}

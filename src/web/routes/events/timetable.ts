// /events/:slug/timetable: the grid per day with filters, the unscheduled meetings and each organization's load;
// edits are plain form posts (move, swap, place, lock, unlock, unschedule) that carry the version and revision the
// page showed, so a concurrent edit is refused as stale. ?select=<request> shows where a meeting may go;
// public/js/timetable.js does the same by click or drag using targets.json.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { EventRow } from '../../../services/setup/index.js';
import { allowedTargets, applyEdit, EditRefusedError, type MeetingEdit } from '../../../services/timetable/index.js';
import type { Conflict } from '../../../domain/index.js';
import { versionBelongsToEvent, workingVersion } from '../../../services/scheduling/index.js';
import { buildTimetable, type TimetableFilters } from '../../../services/timetable/index.js';
import type { Translator } from '../../../i18n/index.js';
import { refusalStatus } from '../../plugins/errors.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { Csrf, Id, SlugParams, type Static, type TypedApp } from '../../schemas.js';
import { actorOf, eventNav, eventOf } from './event-context.js';
import { timetableView } from '../../view-models/timetable.js';

const EDIT_KINDS = ['move', 'swap', 'place', 'lock', 'unlock', 'unschedule'] as const;
const EditKind = Type.Union(EDIT_KINDS.map((kind) => Type.Literal(kind)));

/** The grid's filters and selection, kept across edits (a form post carries them back). */
const filterFields = {
  day: Type.Optional(Id),
  room: Type.Optional(Id),
  sector: Type.Optional(Type.String({ maxLength: 100 })),
  org: Type.Optional(Id),
  select: Type.Optional(Id),
  done: Type.Optional(EditKind),
};
const FilterQuery = Type.Object(filterFields);
type FilterQuery = Static<typeof FilterQuery>;

/** One edit of the draft, with the version and revision the page showed. */
const EditBody = Type.Object({
  ...filterFields,
  _csrf: Csrf,
  kind: EditKind,
  requestId: Id,
  otherRequestId: Type.Optional(Id),
  slotId: Type.Optional(Id),
  tableId: Type.Optional(Id),
  versionId: Id,
  revision: Id,
});
type EditBody = Static<typeof EditBody>;
const TargetsQuery = Type.Object({ request: Id });

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

export default async function timetableRoutes(app: TypedApp): Promise<void> {
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

  app.get(
    '/events/:slug/timetable',
    { preHandler: requireOrganizer, schema: { params: SlugParams, querystring: FilterQuery } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const done = request.query.done;
      return render(request, reply, event, request.query, {
        ...(done ? { notice: request.t(`organizerSchedule.timetable.done.${done}`) } : {}),
      });
    },
  );

  app.get(
    '/events/:slug/timetable/targets.json',
    { preHandler: requireOrganizer, schema: { params: SlugParams, querystring: TargetsQuery } },
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

  app.post(
    '/events/:slug/timetable/edit',
    { preHandler: requireOrganizer, schema: { params: SlugParams, body: EditBody } },
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

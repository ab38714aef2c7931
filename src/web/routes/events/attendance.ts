// Organizer pages of the event day: GET /events/:slug/attendance (rates, no-shows, staff links), its live feed
// GET /events/:slug/live (server-sent events, plugins/live-updates.ts), and
// GET/POST /events/:slug/refill/:meetingId (candidates for a slot a no-show freed; choosing one edits the draft,
// then the organizer publishes it from the publish page).
import type { FastifyInstance } from 'fastify';
import { buildAttendance } from '../../../services/staff/index.js';
import { refillCandidates, refillSlot, RefillError } from '../../../services/staff/index.js';
import { roomLabel, ensureStaffLinks } from '../../../services/links/index.js';
import { requireOrganizer } from '../../guards.js';
import { Slug, SlugParams } from '../../schemas.js';
import { DomainError } from '../../../domain/index.js';
import { actorOf, eventName, eventNav, eventOf } from './event-context.js';

interface RefillParams {
  readonly slug: string;
  readonly meetingId: number;
}

const slugProperty = Slug;
const refillParams = {
  type: 'object',
  required: ['slug', 'meetingId'],
  properties: { slug: slugProperty, meetingId: { type: 'integer', minimum: 1 } },
} as const;

export default async function attendanceRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { slug: string } }>(
    '/events/:slug/live',
    { preHandler: requireOrganizer, schema: { params: SlugParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      app.streamLiveUpdates(request, reply, { eventId: event.id, stillAllowed: () => true });
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { fragment?: '1' } }>(
    '/events/:slug/attendance',
    {
      preHandler: requireOrganizer,
      schema: {
        params: { type: 'object', required: ['slug'], properties: { slug: slugProperty } },
        querystring: { type: 'object', properties: { fragment: { type: 'string', enum: ['1'] } } },
      },
    },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const model = { attendance: buildAttendance(app.db, event.id, request.lang), slug: event.slug };
      if (request.query.fragment === '1') {
        const html = await reply.viewAsync('staff/partials/attendance-body', { ...model, t: request.t, lang: request.lang });
        return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
      }
      const links = ensureStaffLinks(app.db, event.id, app.config.publicUrl, actorOf(request)).map((link) => ({
        room: link.roomId === null ? null : roomLabel(link, request.lang),
        url: link.url,
      }));
      return reply.page('staff/attendance', {
        title: request.t('staff.attendance.title'),
        eventNav: eventNav(request, event, 'attendance'),
        eventTitle: eventName(request, event),
        ...model,
        links,
        styles: ['/static/css/staff.css'],
        scripts: ['/static/js/roster-live.js'],
      });
    },
  );

  app.get<{ Params: RefillParams }>(
    '/events/:slug/refill/:meetingId',
    { preHandler: requireOrganizer, schema: { params: refillParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const view = refillCandidates(app.db, event, request.params.meetingId, request.lang);
      return reply.page('staff/refill', {
        title: request.t('staff.refill.title', { start: `${view.meeting.date} ${view.meeting.startTime}`, table: view.meeting.tableLabel }),
        eventNav: eventNav(request, event, 'attendance'),
        refill: view,
        action: `/events/${encodeURIComponent(event.slug)}/refill/${view.meeting.id}`,
        styles: ['/static/css/staff.css'],
      });
    },
  );

  app.post<{ Params: RefillParams; Body: { requestId: number; tableId: number } }>(
    '/events/:slug/refill/:meetingId',
    {
      preHandler: requireOrganizer,
      schema: {
        params: refillParams,
        body: {
          type: 'object',
          required: ['requestId', 'tableId'],
          properties: { requestId: { type: 'integer', minimum: 1 }, tableId: { type: 'integer', minimum: 1 }, _csrf: { type: 'string' } },
        },
      },
    },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      try {
        refillSlot(app.db, event, { meetingId: request.params.meetingId, ...request.body }, actorOf(request));
      } catch (error) {
        if (!(error instanceof RefillError)) throw error;
        const reason = error.conflicts
          .map((conflict) => request.t(`organizerSchedule.conflict.${conflict.code}`, conflict.params))
          .join('; ');
        throw new DomainError(error.code, error.key, { ...error.params, reason });
      }
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/publish`, 303);
    },
  );
}

// Organizer pages of the event day: GET /events/:slug/attendance (rates, no-shows, staff links), its live feed
// GET /events/:slug/live (server-sent events, plugins/live-updates.ts), and
// GET/POST /events/:slug/refill/:meetingId (candidates for a slot a no-show freed; choosing one edits the draft,
// then the organizer publishes it from the publish page).
import { buildAttendance } from '../../../services/staff/index.js';
import { refillCandidates, refillSlot, RefillError } from '../../../services/staff/index.js';
import { roomLabel, ensureStaffLinks } from '../../../services/links/index.js';
import { requireOrganizer } from '../../guards.js';
import { Type } from 'typebox';
import { Csrf, FragmentQuery, Id, Slug, SlugParams, type TypedApp } from '../../schemas.js';
import { DomainError } from '../../../domain/index.js';
import { actorOf, eventName, eventNav, eventOf } from './event-context.js';

const RefillParams = Type.Object({ slug: Slug, meetingId: Id });
const RefillBody = Type.Object({ requestId: Id, tableId: Id, _csrf: Csrf });

export default async function attendanceRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/events/:slug/live',
    { preHandler: requireOrganizer, schema: { params: SlugParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      app.streamLiveUpdates(request, reply, { eventId: event.id, stillAllowed: () => true });
    },
  );

  app.get(
    '/events/:slug/attendance',
    {
      preHandler: requireOrganizer,
      schema: { params: SlugParams, querystring: FragmentQuery },
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

  app.get(
    '/events/:slug/refill/:meetingId',
    { preHandler: requireOrganizer, schema: { params: RefillParams } },
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

  app.post(
    '/events/:slug/refill/:meetingId',
    {
      preHandler: requireOrganizer,
      schema: { params: RefillParams, body: RefillBody },
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

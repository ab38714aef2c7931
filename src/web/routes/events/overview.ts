// GET /events/:slug: the event overview (dashboard) — requests, scheduled and unscheduled meetings, meetings per
// startup, table use per slot and breaks per participant.
import { buildAttendance } from '../../../services/staff/index.js';
import { buildDashboard } from '../../../services/setup/index.js';
import { requireOrganizer } from '../../guards.js';
import { eventName, eventNav, eventOf } from './event-context.js';
import { SlugParams, type TypedApp } from '../../schemas.js';

export default async function overviewRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/events/:slug',
    { preHandler: requireOrganizer, schema: { params: SlugParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      return reply.page('organizer/dashboard/index', {
        title: eventName(request, event),
        eventNav: eventNav(request, event, 'overview'),
        event: { slug: event.slug, venue: event.venue, timezone: event.timezone },
        dashboard: buildDashboard(app.db, event, request.lang),
        attendance: buildAttendance(app.db, event.id, request.lang),
        styles: ['/static/css/timetable.css'],
      });
    },
  );
}

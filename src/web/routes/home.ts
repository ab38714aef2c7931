// GET /: the organizer's list of events; visitors without a session go to the log-in page.
import type { FastifyInstance } from 'fastify';
import { allEvents } from '../../services/setup/index.js';
import { requireOrganizer } from '../guards.js';

export default async function home(app: FastifyInstance): Promise<void> {
  app.get('/', { preHandler: requireOrganizer }, async (request, reply) => {
    const events = allEvents(app.db).map((event) => ({
      slug: event.slug,
      name: request.lang === 'ko' ? event.nameKo : event.nameEn,
      venue: event.venue,
      dates:
        event.firstDate === null
          ? request.t('shell.home.noDates')
          : event.firstDate === event.lastDate
            ? event.firstDate
            : `${event.firstDate} – ${event.lastDate}`,
    }));
    return reply.page('home/index', { title: request.t('shell.home.title'), events });
  });
}

// Downloads of the timetable: export.csv (for Excel), export.problem.json (the event as meetgrid.problem/1) and
// export.schedule.json (the draft, or ?published=1 the published version, as meetgrid.schedule/1).
import type { FastifyInstance } from 'fastify';
import {
  problemFile,
  scheduleFile,
  timetableCsv,
} from '../../../../services/timetable/index.js';
import { requireOrganizer } from '../../../guards.js';
import { eventOf, slugParams, type SlugParams } from './event-context.js';

const publishedQuery = {
  type: 'object',
  properties: { published: { type: 'integer', enum: [0, 1] } },
} as const;

type ExportRequest = { Params: SlugParams; Querystring: { published?: number } };

export default async function exportRoutes(app: FastifyInstance): Promise<void> {
  const options = { preHandler: requireOrganizer, schema: { params: slugParams, querystring: publishedQuery } };

  app.get<ExportRequest>('/events/:slug/export.csv', options, async (request, reply) => {
    const event = eventOf(app, request.params.slug);
    const bytes = timetableCsv(app.db, event, request.lang, request.query.published === 1);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}-timetable.csv"`)
      .send(bytes);
  });

  app.get<ExportRequest>('/events/:slug/export.problem.json', options, async (request, reply) => {
    const event = eventOf(app, request.params.slug);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}.problem.json"`)
      .send(JSON.stringify(problemFile(app.db, event, request.query.published === 1), null, 2));
  });

  app.get<ExportRequest>('/events/:slug/export.schedule.json', options, async (request, reply) => {
    const event = eventOf(app, request.params.slug);
    const schedule = scheduleFile(app.db, event, request.query.published === 1);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}.schedule.json"`)
      .send(JSON.stringify(schedule, null, 2));
  });
}

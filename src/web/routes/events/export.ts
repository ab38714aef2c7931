// Downloads of the timetable: export.csv (for Excel), export.problem.json (the event as meetgrid.problem/1) and
// export.schedule.json (the draft, or ?published=1 the published version, as meetgrid.schedule/1).
import { Type } from 'typebox';
import {
  problemFile,
  scheduleFile,
  timetableCsv,
} from '../../../services/timetable/index.js';
import { requireOrganizer } from '../../guards.js';
import { eventOf } from './event-context.js';
import { SlugParams, type TypedApp } from '../../schemas.js';

const PublishedQuery = Type.Object({ published: Type.Optional(Type.Integer({ enum: [0, 1] })) });

export default async function exportRoutes(app: TypedApp): Promise<void> {
  const options = { preHandler: requireOrganizer, schema: { params: SlugParams, querystring: PublishedQuery } };

  app.get('/events/:slug/export.csv', options, async (request, reply) => {
    const event = eventOf(app, request.params.slug);
    const bytes = timetableCsv(app.db, event, request.lang, request.query.published === 1);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}-timetable.csv"`)
      .send(bytes);
  });

  app.get('/events/:slug/export.problem.json', options, async (request, reply) => {
    const event = eventOf(app, request.params.slug);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}.problem.json"`)
      .send(JSON.stringify(problemFile(app.db, event, request.query.published === 1), null, 2));
  });

  app.get('/events/:slug/export.schedule.json', options, async (request, reply) => {
    const event = eventOf(app, request.params.slug);
    const schedule = scheduleFile(app.db, event, request.query.published === 1);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}.schedule.json"`)
      .send(JSON.stringify(schedule, null, 2));
  });
}

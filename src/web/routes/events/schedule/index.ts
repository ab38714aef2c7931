// The organizer's scheduling pages of an event: overview (dashboard), schedule runs, timetable and its edits,
// publish, and the timetable downloads. Registered once in src/web/routes/index.ts.
import type { FastifyInstance } from 'fastify';
import exportRoutes from './export.js';
import overviewRoutes from './overview.js';
import publishRoutes from './publish.js';
import runRoutes from './run.js';
import timetableRoutes from './timetable.js';

export default async function organizerScheduleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(overviewRoutes);
  await app.register(runRoutes);
  await app.register(timetableRoutes);
  await app.register(publishRoutes);
  await app.register(exportRoutes);
}

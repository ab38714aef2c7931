// The organizer's pages of one event, one file per URL segment after /events/:slug: the overview (/events/:slug
// and /events/new with set-up), set-up, participants, requests, import, schedule runs, timetable, publish, export,
// outbox, links and the event day's attendance. Registered once in src/web/routes/index.ts.
import type { FastifyInstance } from 'fastify';
import attendanceRoutes from './attendance.js';
import exportRoutes from './export.js';
import importRoutes from './import.js';
import linkRoutes from './links.js';
import outboxRoutes from './outbox.js';
import overviewRoutes from './overview.js';
import participantRoutes from './participants.js';
import publishRoutes from './publish.js';
import requestRoutes from './requests.js';
import scheduleRoutes from './schedule.js';
import setupRoutes from './setup.js';
import timetableRoutes from './timetable.js';

export default async function eventRoutes(app: FastifyInstance): Promise<void> {
  await app.register(overviewRoutes);
  await app.register(setupRoutes);
  await app.register(participantRoutes);
  await app.register(requestRoutes);
  await app.register(importRoutes);
  await app.register(scheduleRoutes);
  await app.register(timetableRoutes);
  await app.register(publishRoutes);
  await app.register(exportRoutes);
  await app.register(outboxRoutes);
  await app.register(linkRoutes);
  await app.register(attendanceRoutes);
}

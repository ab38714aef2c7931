// On-site staff pages behind a staff link (event-wide or one room): pick a day and room, the room roster, the
// "now and next" help-desk view, check-ins, live updates (server-sent events), the door sheet and CSV; plus the
// organizer's attendance and refill pages. The live-update bus is the app's (plugins/live-updates.ts).
import type { FastifyInstance } from 'fastify';
import attendanceRoutes from './attendance.js';
import checkInRoutes from './check-ins.js';
import exportRoutes from './exports.js';
import liveRoutes from './live.js';
import pageRoutes from './pages.js';

export default async function staffRoutes(app: FastifyInstance): Promise<void> {
  await app.register(pageRoutes);
  await app.register(exportRoutes);
  await app.register(checkInRoutes);
  await app.register(liveRoutes);
  await app.register(attendanceRoutes);
}

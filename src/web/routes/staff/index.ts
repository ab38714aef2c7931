// On-site staff pages behind a staff link (event-wide or one room): pick a day and room, the room roster, the
// "now and next" help-desk view, check-ins, live updates (server-sent events), the door sheet and CSV. The
// live-update bus is the app's (plugins/live-updates.ts).
import type { FastifyInstance } from 'fastify';
import checkInRoutes from './check-ins.js';
import exportRoutes from './exports.js';
import eventRoutes from './events.js';
import pageRoutes from './pages.js';

export default async function staffRoutes(app: FastifyInstance): Promise<void> {
  await app.register(pageRoutes);
  await app.register(exportRoutes);
  await app.register(checkInRoutes);
  await app.register(eventRoutes);
}

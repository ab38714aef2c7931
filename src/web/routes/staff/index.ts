// On-site staff pages behind a staff link (event-wide or one room): pick a day and room, the room roster, the
// "now and next" help-desk view, check-ins, live updates (server-sent events), the door sheet and CSV; plus the
// organizer's attendance and refill pages. One live-update bus serves them all.
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { LiveUpdates } from '../../../services/staff/index.js';
import attendanceRoutes from './attendance.js';
import checkInRoutes from './check-ins.js';
import exportRoutes from './exports.js';
import liveRoutes from './live.js';
import pageRoutes from './pages.js';

export default async function staffRoutes(app: FastifyInstance): Promise<void> {
  const live = new LiveUpdates(app.db);
  app.addHook('onClose', async () => live.close());
  // A day's roster is 100+ kB of repetitive HTML, fetched again on every live update by phones on venue Wi-Fi;
  // gzip makes it a tenth of that. Only this plugin's pages (no compression plugin is part of the stack).
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (!accepts || typeof payload !== 'string' || payload.length < 1024 || !/^text\/(html|csv)/.test(type)) return payload;
    reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').removeHeader('content-length');
    return gzipSync(payload);
  });
  await app.register(pageRoutes);
  await app.register(exportRoutes);
  await app.register(checkInRoutes, { live });
  await app.register(liveRoutes, { live });
  await app.register(attendanceRoutes);
}

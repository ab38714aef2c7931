// GET /staff/:token/events: server-sent events for open rosters. Each check-in or newly published schedule of the
// event sends a `change` event (the page then fetches its roster again); a comment line every 15 s keeps proxies
// and phones from dropping an idle stream. When the link is revoked the stream says so and ends.
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { lookupAccessLink } from '../../../services/access-links.js';
import { requireAccessLink } from '../../guards.js';
import { scopeOf, tokenParams, type TokenParams } from './context.js';
import type { StaffRouteOptions } from './index.js';

const HEARTBEAT_MS = 15_000;

export default async function liveRoutes(app: FastifyInstance, options: StaffRouteOptions): Promise<void> {
  const open = new Set<ServerResponse>();
  // Streams never end by themselves; closing the server ends them so shutdown does not wait for phones.
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });

  app.get<{ Params: TokenParams }>(
    '/staff/:token/events',
    { preHandler: requireAccessLink('staff'), schema: { params: tokenParams } },
    async (request, reply) => {
      const scope = scopeOf(request);
      const token = request.params.token;
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      open.add(response);
      response.write('retry: 3000\n\n');

      let stop = () => {};
      let heartbeat: NodeJS.Timeout | undefined;
      const end = () => {
        stop();
        clearInterval(heartbeat);
        open.delete(response);
        if (!response.writableEnded) response.end();
      };
      const stillValid = () => {
        if (lookupAccessLink(app.db, token)) return true;
        response.write('event: revoked\ndata: {}\n\n');
        end();
        return false;
      };
      stop = options.live.subscribe(scope.eventId, (change) => {
        if (stillValid()) response.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
      });
      heartbeat = setInterval(() => {
        if (stillValid()) response.write(': heartbeat\n\n');
      }, HEARTBEAT_MS);
      heartbeat.unref();
      request.raw.on('close', end);
    },
  );
}

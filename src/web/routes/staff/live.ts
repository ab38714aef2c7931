// Server-sent events for open rosters (GET /staff/:token/events) and the organizer's attendance page
// (GET /events/:slug/live). Each check-in or newly published schedule of the event sends a `change` event (the page
// then fetches its live part again); a comment line every 15 s keeps proxies and phones from dropping an idle
// stream. A staff stream whose link is revoked says so and ends.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { lookupAccessLink } from '../../../services/links/index.js';
import { eventBySlug } from '../../../services/setup/index.js';
import type { LiveUpdates } from '../../../services/staff/index.js';
import { requireAccessLink, requireOrganizer } from '../../guards.js';
import { HttpError } from '../../http-error.js';
import { scopeOf, tokenParams, type StaffRouteOptions, type TokenParams } from './context.js';

const HEARTBEAT_MS = 15_000;

interface Stream {
  readonly live: LiveUpdates;
  readonly eventId: number;
  /** Asked before every write; false ends the stream with a `revoked` event. */
  readonly stillAllowed: () => boolean;
}

export default async function liveRoutes(app: FastifyInstance, options: StaffRouteOptions): Promise<void> {
  const open = new Set<ServerResponse>();
  // Streams never end by themselves; closing the server ends them so shutdown does not wait for phones.
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });

  function stream(request: FastifyRequest, reply: FastifyReply, { live, eventId, stillAllowed }: Stream): void {
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
    const allowed = () => {
      if (stillAllowed()) return true;
      response.write('event: revoked\ndata: {}\n\n');
      end();
      return false;
    };
    stop = live.subscribe(eventId, (change) => {
      if (allowed()) response.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
    });
    heartbeat = setInterval(() => {
      if (allowed()) response.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
    heartbeat.unref();
    request.raw.on('close', end);
  }

  app.get<{ Params: TokenParams }>(
    '/staff/:token/events',
    { preHandler: requireAccessLink('staff'), schema: { params: tokenParams } },
    async (request, reply) => {
      const token = request.params.token;
      stream(request, reply, {
        live: options.live,
        eventId: scopeOf(request).eventId,
        stillAllowed: () => lookupAccessLink(app.db, token) !== null,
      });
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/events/:slug/live',
    {
      preHandler: requireOrganizer,
      schema: { params: { type: 'object', required: ['slug'], properties: { slug: { type: 'string', maxLength: 100 } } } },
    },
    async (request, reply) => {
      const event = eventBySlug(app.db, request.params.slug);
      if (!event) throw new HttpError(404);
      stream(request, reply, { live: options.live, eventId: event.id, stillAllowed: () => true });
    },
  );
}

// Live updates as server-sent events: one bus per app (check-ins notify it, published schedules are watched) and
// the streams that carry its `change` events to open rosters and the organizer's attendance page. A comment line
// every 15 s keeps proxies and phones from dropping an idle stream; a stream whose access is withdrawn says so
// (`revoked`) and ends. Streams never end by themselves, so closing the app ends them and shutdown does not wait
// for phones.
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LiveUpdates } from '../../services/staff/index.js';

const HEARTBEAT_MS = 15_000;

export interface LiveStream {
  readonly eventId: number;
  /** Asked before every write; false ends the stream with a `revoked` event. */
  readonly stillAllowed: () => boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly liveUpdates: LiveUpdates;
    /** Turns the reply into an event stream of the event's changes (the reply is hijacked). */
    streamLiveUpdates(request: FastifyRequest, reply: FastifyReply, stream: LiveStream): void;
  }
}

export default fp(
  async (app) => {
    const live = new LiveUpdates(app.db);
    const open = new Set<ServerResponse>();
    app.decorate('liveUpdates', live);
    app.addHook('preClose', async () => {
      for (const response of open) response.end();
    });
    app.addHook('onClose', async () => live.close());

    app.decorate('streamLiveUpdates', (request: FastifyRequest, reply: FastifyReply, { eventId, stillAllowed }: LiveStream) => {
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
    });
  },
  { name: 'meetgrid-live-updates', dependencies: ['meetgrid-context'] },
);

// Live updates for open rosters and the attendance page, as server-sent events. One bus per app (check-ins notify
// it; a schedule published from the CLI is noticed by polling), and the streams it feeds: `reply.liveStream` turns a
// request into a stream of `change` events for one event, with a comment line every 15 s so that proxies and phones
// keep an idle stream open. A stream whose access is withdrawn meanwhile says `revoked` and ends; closing the app
// ends every stream, so a shutdown does not wait for phones.
import type { ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import { LiveUpdates } from '../../services/staff/index.js';

const HEARTBEAT_MS = 15_000;

export interface LiveStreamOptions {
  readonly eventId: number;
  /** Asked before every write; false ends the stream with a `revoked` event. */
  readonly stillAllowed: () => boolean | Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly liveUpdates: LiveUpdates;
  }
  interface FastifyReply {
    liveStream(options: LiveStreamOptions): void;
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

    app.decorateReply('liveStream', function (this, { eventId, stillAllowed }: LiveStreamOptions) {
      this.hijack();
      const response = this.raw;
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
      const whenAllowed = (write: () => void) => {
        void Promise.resolve(stillAllowed()).then(
          (allowed) => {
            if (response.writableEnded) return;
            if (allowed) return write();
            response.write('event: revoked\ndata: {}\n\n');
            end();
          },
          () => end(),
        );
      };
      stop = live.subscribe(eventId, (change) => {
        whenAllowed(() => response.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`));
      });
      heartbeat = setInterval(() => {
        whenAllowed(() => response.write(': heartbeat\n\n'));
      }, HEARTBEAT_MS);
      heartbeat.unref();
      this.request.raw.on('close', end);
    });
  },
  { name: 'live-updates', dependencies: ['meetgrid-context'] },
);

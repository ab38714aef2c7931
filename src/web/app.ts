// Builds the fastify application (no listening: see server.ts). Tests call buildApp with an in-memory database.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.js';
import type { Db, DbHandle } from '../db/index.js';
import security from './plugins/security.js';
import sessions from './plugins/sessions.js';
import i18n from './plugins/i18n.js';
import csrf from './plugins/csrf.js';
import views from './plugins/views.js';
import errors from './plugins/errors.js';
import compression from './plugins/compression.js';
import jobs from './plugins/jobs.js';
import outboxWorker from './plugins/outbox-worker.js';
import liveUpdates from './plugins/live-updates.js';
import routes from './routes/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    readonly db: Db;
    readonly dbHandle: DbHandle;
    readonly config: Config;
    /** The clock; tests pass their own. */
    now(): Date;
  }
}

export interface AppOptions {
  readonly db: DbHandle;
  readonly config: Config;
  readonly now?: () => Date;
  /** false (default) for tests; pino options for the server. */
  readonly logger?: boolean | Exclude<FastifyServerOptions['logger'], undefined>;
}

// src/web/ and dist/web/ both sit two folders below the project root.
export const PUBLIC_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

// Access tokens are path segments of 43 base64url characters; logs keep the route, never the token.
const TOKEN_IN_PATH = /\/[A-Za-z0-9_-]{43}(?=[/?.]|$)/g;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, '/[token]');
}

const context = fp(
  async (app, options: AppOptions) => {
    app.decorate('db', options.db.db);
    app.decorate('dbHandle', options.db);
    app.decorate('config', options.config);
    app.decorate('now', options.now ?? (() => new Date()));
    app.decorateRequest('accessLink', null);
  },
  { name: 'meetgrid-context' },
);

function loggerOptions(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    ...(logger === true ? {} : logger),
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    // Form posts and CSV uploads stay small; a generous cap still stops a runaway client.
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Route plugins load their modules on registration; under a TypeScript loader on a busy machine that alone can
    // exceed fastify's 10 s default, which would fail the start for no real fault.
    pluginTimeout: 120_000,
  });
  await app.register(context, options);
  await app.register(compression);
  await app.register(security);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  await app.register(sessions);
  await app.register(i18n);
  await app.register(csrf);
  await app.register(views);
  await app.register(errors);
  await app.register(jobs);
  await app.register(outboxWorker);
  await app.register(liveUpdates);
  await app.register(fastifyStatic, { root: PUBLIC_FOLDER, prefix: '/static/', maxAge: '1h' });
  await app.register(routes);
  return app;
}

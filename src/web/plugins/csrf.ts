// CSRF protection on every state-changing route (POST, PUT, PATCH, DELETE): the token travels in the `_csrf` form
// field (or `?_csrf=` for multipart uploads, or an X-CSRF-Token header) and is checked against a signed cookie.
// It runs in preHandler because in onRequest the form body is not parsed yet. A route opts out with
// `config: { csrf: false }` (only for non-browser clients that carry their own credential).
import fp from 'fastify-plugin';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as { _csrf?: unknown } | undefined;
  const query = request.query as { _csrf?: unknown } | undefined;
  const header = request.headers['x-csrf-token'];
  for (const candidate of [body?._csrf, query?._csrf, header]) {
    if (typeof candidate === 'string' && candidate) return candidate;
  }
  return undefined;
}

export default fp(
  async (app) => {
    await app.register(csrfProtection, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'mg_csrf',
      cookieOpts: {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        signed: true,
        secure: app.config.publicUrl.startsWith('https:'),
      },
      getToken: tokenOf,
    });
    app.addHook('preHandler', (request, reply, done) => {
      if (SAFE_METHODS.has(request.method) || request.is404 || request.routeOptions.config.csrf === false) {
        done();
        return;
      }
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'meetgrid-csrf', dependencies: ['meetgrid-sessions'] },
);

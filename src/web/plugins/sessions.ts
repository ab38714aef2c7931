// Signed cookies and organizer sessions: the cookie carries a random id, the database its sha256 and expiry.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieSecret } from '../../services/accounts/index.js';
import { mustChangePassword, resolveSession, type Organizer } from '../../services/accounts/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in organizer, or null. */
    user: Organizer | null;
    /** The organizer still has a generated password and must choose their own first. */
    mustChangePassword: boolean;
  }
}

const SESSION_COOKIE = 'mg_session';

export function sessionCookieValue(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}

export function setSessionCookie(reply: FastifyReply, value: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, value, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.server.config.publicUrl.startsWith('https:'),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export default fp(
  async (app) => {
    await app.register(cookie, { secret: cookieSecret(app.db, app.config.sessionSecret) });
    app.decorateRequest('user', null);
    app.decorateRequest('mustChangePassword', false);
    app.addHook('onRequest', async (request) => {
      const value = sessionCookieValue(request);
      if (value) request.user = resolveSession(app.db, value, app.now());
      if (request.user) request.mustChangePassword = mustChangePassword(app.db, request.user.id);
    });
  },
  { name: 'meetgrid-sessions', dependencies: ['meetgrid-context'] },
);

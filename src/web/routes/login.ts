// Organizer log-in and log-out. POST /login is rate-limited per address and answers every failure the same way.
import { Type } from 'typebox';
import { authenticate, endSession, startSession } from '../../services/accounts/index.js';
import { clearSessionCookie, sessionCookieValue, setSessionCookie } from '../plugins/sessions.js';
import { localPath } from '../safe-redirect.js';
import type { TypedApp } from '../schemas.js';

export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

/** Where to go after logging in: a path on this site only (safe-redirect.ts). */
const Next = Type.Optional(Type.String({ maxLength: 2000 }));
const LoginQuery = Type.Object({ next: Next, loggedOut: Type.Optional(Type.String()) });
const LoginBody = Type.Object({
  email: Type.String({ maxLength: 254 }),
  password: Type.String({ maxLength: 1024 }),
  next: Next,
});

export default async function login(app: TypedApp): Promise<void> {
  app.get(
    '/login',
    { schema: { querystring: LoginQuery } },
    async (request, reply) => {
      if (request.user) return reply.redirect(localPath(request.query.next));
      return reply.page('auth/login', {
        title: request.t('shell.login.title'),
        next: localPath(request.query.next),
        email: '',
        error: null,
        notice: request.query.loggedOut ? request.t('shell.login.loggedOut') : null,
      });
    },
  );

  app.post(
    '/login',
    {
      config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { body: LoginBody },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const next = localPath(request.body.next);
      const organizer = await authenticate(app.db, email, password, app.now());
      if (!organizer) {
        return reply.code(401).page('auth/login', {
          title: request.t('shell.login.title'),
          next,
          email,
          error: request.t('shell.login.failed'),
          notice: null,
        });
      }
      const previous = sessionCookieValue(request);
      if (previous) endSession(app.db, previous);
      const session = startSession(app.db, organizer.id, app.now());
      setSessionCookie(reply, session.value, session.expiresAt);
      return reply.redirect(next, 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    const value = sessionCookieValue(request);
    if (value) endSession(app.db, value);
    clearSessionCookie(reply);
    return reply.redirect('/login?loggedOut=1', 303);
  });
}

// Organizer log-in and log-out. POST /login is rate-limited per address and answers every failure the same way.
import type { FastifyInstance } from 'fastify';
import { authenticate, endSession, startSession } from '../../services/accounts/index.js';
import { clearSessionCookie, sessionCookieValue, setSessionCookie } from '../plugins/sessions.js';
import { localPath } from '../safe-redirect.js';

export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

interface LoginBody {
  email: string;
  password: string;
  next?: string;
}

export default async function login(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { next?: string; loggedOut?: string } }>(
    '/login',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { next: { type: 'string', maxLength: 2000 }, loggedOut: { type: 'string' } },
        },
      },
    },
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

  app.post<{ Body: LoginBody }>(
    '/login',
    {
      config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        body: {
          type: 'object',
          required: ['email', 'password'],
          properties: {
            email: { type: 'string', maxLength: 254 },
            password: { type: 'string', maxLength: 1024 },
            next: { type: 'string', maxLength: 2000 },
          },
        },
      },
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

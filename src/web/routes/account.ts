// The organizer's own account: change the password (the first one is printed once at first start).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountError, changePassword, startSession } from '../../services/accounts/index.js';
import { PASSWORD_PAGE, requireOrganizer } from '../guards.js';
import { setSessionCookie } from '../plugins/sessions.js';

interface PasswordBody {
  current: string;
  next: string;
  confirm: string;
}

const ERROR_KEYS: Readonly<Record<string, string>> = {
  current: 'shell.account.wrongCurrent',
  next: 'shell.account.tooShort',
  confirm: 'shell.account.mismatch',
};

function passwordPage(request: FastifyRequest, reply: FastifyReply, state: { error?: string; notice?: string; warning?: string }) {
  return reply.page('auth/password', {
    title: request.t('shell.account.title'),
    error: state.error ?? null,
    notice: state.notice ?? null,
    warning: state.warning ?? null,
  });
}

export default async function account(app: FastifyInstance): Promise<void> {
  app.get(PASSWORD_PAGE, { preHandler: requireOrganizer }, async (request, reply) => {
    const warning = request.mustChangePassword ? request.t('shell.account.mustChange') : undefined;
    return passwordPage(request, reply, warning ? { warning } : {});
  });

  app.post<{ Body: PasswordBody }>(
    PASSWORD_PAGE,
    {
      preHandler: requireOrganizer,
      schema: {
        body: {
          type: 'object',
          required: ['current', 'next', 'confirm'],
          properties: {
            current: { type: 'string', maxLength: 1024 },
            next: { type: 'string', maxLength: 1024 },
            confirm: { type: 'string', maxLength: 1024 },
          },
        },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      try {
        await changePassword(app.db, user.id, request.body);
      } catch (error) {
        if (!(error instanceof AccountError)) throw error;
        reply.code(422);
        const key = ERROR_KEYS[error.field] ?? 'shell.error.badRequest.body';
        return passwordPage(request, reply, { error: request.t(key) });
      }
      const session = startSession(app.db, user.id, app.now());
      setSessionCookie(reply, session.value, session.expiresAt);
      return passwordPage(request, reply, { notice: request.t('shell.account.changed') });
    },
  );
}

// The organizer's own account: change the password (the first one is printed once at first start).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AccountError, changePassword, startSession } from '../../services/accounts/index.js';
import { PASSWORD_PAGE, requireOrganizer } from '../guards.js';
import { setSessionCookie } from '../plugins/sessions.js';
import type { TypedApp } from '../schemas.js';

const Password = Type.String({ maxLength: 1024 });
const PasswordBody = Type.Object({ current: Password, next: Password, confirm: Password });

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

export default async function account(app: TypedApp): Promise<void> {
  app.get(PASSWORD_PAGE, { preHandler: requireOrganizer }, async (request, reply) => {
    const warning = request.mustChangePassword ? request.t('shell.account.mustChange') : undefined;
    return passwordPage(request, reply, warning ? { warning } : {});
  });

  app.post(
    PASSWORD_PAGE,
    { preHandler: requireOrganizer, schema: { body: PasswordBody } },
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

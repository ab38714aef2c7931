// Error and not-found pages in the visitor's language; JSON for clients that ask for JSON. The user never sees a
// stack trace: server errors are logged with their cause and shown as a short apology.
// Refusals arrive as DomainError (from services, guards and handlers alike); this is the one place that turns their
// code into an HTTP status. Schema failures become a 400 page naming the field.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type RefusalCode } from '../../domain/index.js';
import { translator } from '../../i18n/index.js';
import { DEFAULT_LANGUAGE, negotiateLanguage } from './i18n.js';

interface ErrorView {
  readonly status: number;
  readonly code: string;
  readonly titleKey: string;
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'shell.error.badInput.title',
  401: 'shell.error.forbidden.title',
  403: 'shell.error.forbidden.title',
  404: 'shell.error.notFound.title',
  409: 'shell.error.conflict.title',
  429: 'shell.error.tooMany.title',
};

const MESSAGES: Readonly<Record<number, string>> = {
  400: 'shell.error.badRequest.body',
  401: 'shell.error.loginRequired',
  403: 'shell.error.forbidden.body',
  404: 'shell.error.notFound.body',
  409: 'shell.error.conflict.body',
  429: 'shell.error.tooMany.body',
};

/** The HTTP status of each kind of refusal. `unavailable` (nothing published yet) is a state the client can wait out. */
export const REFUSAL_STATUS: Readonly<Record<RefusalCode, number>> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 409,
};

/** For a page that shows a refusal inline (the form again, with the reason) instead of the error page. */
export function refusalStatus(error: DomainError): number {
  return REFUSAL_STATUS[error.code];
}

/** A refusal that is about the session rather than the input: 401, to log in first. */
export class LoginRequiredError extends Error {
  override name = 'LoginRequiredError';
  readonly statusCode = 401;
  readonly code = 'LOGIN_REQUIRED';
  constructor() {
    super('login required');
  }
}

function fieldOf(error: FastifyError): string {
  const first = error.validation?.[0];
  const missing = (first?.params as { missingProperty?: unknown } | undefined)?.missingProperty;
  if (typeof missing === 'string') return missing;
  const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  return path || error.validationContext || 'input';
}

function describe(error: FastifyError | DomainError): ErrorView {
  if (error instanceof DomainError) {
    const status = REFUSAL_STATUS[error.code];
    return {
      status,
      code: error.code.toUpperCase(),
      titleKey: TITLES[status] ?? 'shell.error.badInput.title',
      messageKey: error.key,
      params: error.field && error.params.field === undefined ? { ...error.params, field: error.field } : error.params,
    };
  }
  if (error.code?.startsWith('FST_CSRF_')) {
    return { status: 403, code: 'CSRF', titleKey: 'shell.error.csrf.title', messageKey: 'shell.error.csrf.body' };
  }
  if (error.validation) {
    return {
      status: 400,
      code: 'VALIDATION',
      titleKey: 'shell.error.badInput.title',
      messageKey: 'shell.error.badInput.body',
      params: { field: fieldOf(error) },
    };
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) {
    return { status, code: 'SERVER', titleKey: 'shell.error.server.title', messageKey: 'shell.error.server.body' };
  }
  return {
    status,
    code: error.code ?? `HTTP_${status}`,
    titleKey: TITLES[status] ?? 'shell.error.badInput.title',
    messageKey: MESSAGES[status] ?? 'shell.error.badRequest.body',
  };
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

async function sendError(request: FastifyRequest, reply: FastifyReply, view: ErrorView): Promise<FastifyReply> {
  // Errors raised before the language hook ran (e.g. a malformed cookie header) still get a translated page.
  const t = request.t ?? translator(negotiateLanguage(request.headers['accept-language']) ?? DEFAULT_LANGUAGE);
  const message = t(view.messageKey, view.params);
  reply.code(view.status);
  if (wantsJson(request)) return reply.send({ statusCode: view.status, error: view.code, message });
  try {
    if (!request.t) request.t = t;
    return await reply.page('errors/error', { title: t(view.titleKey), message, status: view.status });
  } catch (renderError) {
    request.log.error({ err: renderError }, 'the error page failed to render');
    return reply.type('text/plain; charset=utf-8').send(`${view.status} ${t(view.titleKey)}\n${message}\n`);
  }
}

export default fp(
  async (app) => {
    app.setErrorHandler(async (error: FastifyError | DomainError, request, reply) => {
      const view = describe(error);
      if (view.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ status: view.status, code: view.code, reason: error.message }, 'request refused');
      return sendError(request, reply, view);
    });
    app.setNotFoundHandler(async (request, reply) =>
      sendError(request, reply, {
        status: 404,
        code: 'NOT_FOUND',
        titleKey: 'shell.error.notFound.title',
        messageKey: 'shell.error.notFound.body',
      }),
    );
  },
  { name: 'meetgrid-errors', dependencies: ['meetgrid-views'] },
);

// Error and not-found pages in the visitor's language; JSON for clients that ask for JSON. The user never sees a
// stack trace: server errors are logged with their cause and shown as a short apology.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../../i18n/index.js';
import { HttpError } from '../http-error.js';
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

function fieldOf(error: FastifyError): string {
  const first = error.validation?.[0];
  const missing = (first?.params as { missingProperty?: unknown } | undefined)?.missingProperty;
  if (typeof missing === 'string') return missing;
  const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  return path || error.validationContext || 'input';
}

function describe(error: FastifyError | HttpError): ErrorView {
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      code: `HTTP_${error.statusCode}`,
      titleKey: TITLES[error.statusCode] ?? 'shell.error.server.title',
      messageKey: error.messageKey ?? MESSAGES[error.statusCode] ?? 'shell.error.server.body',
      params: error.messageParams,
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
    app.setErrorHandler(async (error: FastifyError | HttpError, request, reply) => {
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

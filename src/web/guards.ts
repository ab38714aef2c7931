// preHandlers that decide who may see a route: an organizer session, or a participant/staff access link.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import {
  type AccessLink,
  type AccessTokenKind,
  lookupAccessLink,
  markAccessLinkUsed,
} from '../services/links/index.js';
import { DomainError } from '../domain/index.js';
import { LoginRequiredError } from './plugins/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The access link of a `:token` route guarded by `requireAccessLink`, else null. */
    accessLink: AccessLink | null;
  }
}

export const PASSWORD_PAGE = '/account/password';

/**
 * Organizer pages: a visitor without a session is sent to /login (and back afterwards); an organizer who still
 * has a generated password is sent to choose their own first.
 */
export async function requireOrganizer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (!request.user) {
    if (!reading) throw new LoginRequiredError();
    await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
    return;
  }
  if (request.mustChangePassword && request.routeOptions.url !== PASSWORD_PAGE) {
    if (!reading) throw new DomainError('forbidden', 'shell.account.mustChange');
    await reply.redirect(PASSWORD_PAGE);
  }
}

/**
 * Routes with a `:token` parameter: unknown, malformed and revoked tokens get the 404 page (nothing tells a
 * guesser a token exists); a live token of the other kind gets 403. Puts the link on `request.accessLink`.
 */
export function requireAccessLink(kind: AccessTokenKind): preHandlerAsyncHookHandler {
  return async function accessLinkGuard(request) {
    const token = (request.params as { token?: unknown }).token;
    const link = typeof token === 'string' ? lookupAccessLink(request.server.db, token) : null;
    if (!link) throw new DomainError('not_found', 'shell.error.linkInvalid');
    if (link.kind !== kind) throw new DomainError('forbidden', 'shell.error.linkWrongKind');
    markAccessLinkUsed(request.server.db, link, request.server.now());
    request.accessLink = link;
  };
}

// preHandlers that decide who may see a route: an organizer session, or a participant/staff access link.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AccessTokenKind } from '../db/schema.js';
import { lookupAccessLink, markAccessLinkUsed, type AccessLink } from '../services/access-links.js';
import { HttpError } from './http-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The access link of a `:token` route guarded by `requireAccessLink`, else null. */
    accessLink: AccessLink | null;
  }
}

/** Organizer pages: a visitor without a session is sent to /login (and back afterwards). */
export async function requireOrganizer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.user) return;
  if (request.method === 'GET' || request.method === 'HEAD') {
    await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
    return;
  }
  throw new HttpError(401, 'shell.error.loginRequired');
}

/**
 * Routes with a `:token` parameter: unknown, malformed and revoked tokens get the 404 page (nothing tells a
 * guesser a token exists); a live token of the other kind gets 403. Puts the link on `request.accessLink`.
 */
export function requireAccessLink(kind: AccessTokenKind): preHandlerAsyncHookHandler {
  return async function accessLinkGuard(request) {
    const token = (request.params as { token?: unknown }).token;
    const link = typeof token === 'string' ? lookupAccessLink(request.server.db, token) : null;
    if (!link) throw new HttpError(404, 'shell.error.linkInvalid');
    if (link.kind !== kind) throw new HttpError(403, 'shell.error.linkWrongKind');
    markAccessLinkUsed(request.server.db, link, request.server.now());
    request.accessLink = link;
  };
}

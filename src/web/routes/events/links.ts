// The organizers' page of an event's private links (agenda and staff), and revoking one. A revoked link answers 404
// at once; the next one for that person or room is issued by the next invitation or the staff links page.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { eventLinks, revokeEventLink, type ManagedLink } from '../../../services/links/index.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import {
  actorOf,
  eventName,
  eventNav,
  eventOf,
  momentLabel,
} from './event-context.js';
import { SlugIdParams, SlugParams, type TypedApp } from '../../schemas.js';

const OUTCOMES = ['revoked', 'already_revoked'] as const;

function linkRow(request: FastifyRequest, timezone: string, link: ManagedLink) {
  const lang = request.lang;
  const when = (at: Date): string => momentLabel(request, timezone, at);
  return {
    id: link.id,
    holder: link.holder ? link.holder[lang] : request.t('links.wholeEvent'),
    organization: link.organization ? link.organization[lang] : '',
    created: when(link.createdAt),
    lastUsed: link.lastUsedAt ? when(link.lastUsedAt) : request.t('links.neverUsed'),
    revoked: link.revokedAt ? request.t('links.revokedAt', { when: when(link.revokedAt) }) : '',
  };
}

const LinksQuery = Type.Object({ done: Type.Optional(Type.Union(OUTCOMES.map((outcome) => Type.Literal(outcome)))) });

export default async function linkRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/events/:slug/links',
    { preHandler: requireOrganizer, schema: { params: SlugParams, querystring: LinksQuery } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const links = eventLinks(app.db, event.id);
      const done = request.query.done;
      return reply.page('organizer/links/index', {
        title: request.t('links.title'),
        eventName: eventName(request, event),
        eventNav: eventNav(request, event, 'links'),
        slug: event.slug,
        notice: done === 'revoked' ? request.t('links.revokedNotice') : undefined,
        error: done === 'already_revoked' ? request.t('links.alreadyRevoked') : undefined,
        participant: links.participant.map((link) => linkRow(request, event.timezone, link)),
        staff: links.staff.map((link) => linkRow(request, event.timezone, link)),
      });
    },
  );

  app.post(
    '/events/:slug/links/:id/revoke',
    { preHandler: requireOrganizer, schema: { params: SlugIdParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const outcome = revokeEventLink(app.db, { eventId: event.id, linkId: request.params.id, actor: actorOf(request) });
      if (outcome === 'not_found') throw new DomainError('not_found', 'shell.error.notFound.body');
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/links?done=${outcome}`, 303);
    },
  );
}

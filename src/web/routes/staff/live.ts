// Server-sent events for open rosters (GET /staff/:token/events) and the organizer's attendance page
// (GET /events/:slug/live). Each check-in or newly published schedule of the event sends a `change` event (the page
// then fetches its live part again); the streams themselves are plugins/live-updates.ts. A staff stream whose link
// is revoked says so and ends.
import { lookupAccessLink } from '../../../services/links/index.js';
import { eventBySlug } from '../../../services/setup/index.js';
import { requireAccessLink, requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { SlugParams, TokenParams, type TypedApp } from '../../schemas.js';
import { scopeOf } from './context.js';

export default async function liveRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/staff/:token/events',
    { preHandler: requireAccessLink('staff'), schema: { params: TokenParams } },
    async (request, reply) => {
      const token = request.params.token;
      app.streamLiveUpdates(request, reply, {
        eventId: scopeOf(request).eventId,
        stillAllowed: () => lookupAccessLink(app.db, token) !== null,
      });
    },
  );

  app.get(
    '/events/:slug/live',
    {
      preHandler: requireOrganizer,
      schema: { params: SlugParams },
    },
    async (request, reply) => {
      const event = eventBySlug(app.db, request.params.slug);
      if (!event) throw new DomainError('not_found', 'shell.error.notFound.body');
      app.streamLiveUpdates(request, reply, { eventId: event.id, stillAllowed: () => true });
    },
  );
}

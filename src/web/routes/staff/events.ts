// GET /staff/:token/events: server-sent events for open rosters. Each check-in or newly published schedule of the
// event sends a `change` event (the page then fetches its live part again); the streams themselves are
// plugins/live-updates.ts. A stream whose link is revoked says so and ends.
import { lookupAccessLink } from '../../../services/links/index.js';
import { requireAccessLink } from '../../guards.js';
import { TokenParams, type TypedApp } from '../../schemas.js';
import { scopeOf } from './context.js';

export default async function staffEventRoutes(app: TypedApp): Promise<void> {
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
}

// /events/:slug/publish: what publishing the draft changes for participants (moved, added, cancelled meetings and
// who is affected), then a confirm form carrying the draft's version and revision: a draft edited after the
// preview was shown is refused, and the new preview is shown instead.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { EventRow } from '../../../services/setup/index.js';
import { previewPublish, publishDraft, PublishError } from '../../../services/publishing/index.js';
import { refusalStatus } from '../../plugins/errors.js';
import { requireOrganizer } from '../../guards.js';
import { Csrf, Id, SlugParams, type TypedApp } from '../../schemas.js';
import { actorOf, eventNav, eventOf } from './event-context.js';
import { publishView } from '../../view-models/publish.js';

/** The draft as the preview showed it: a draft edited since is refused. */
const ConfirmBody = Type.Object({ _csrf: Csrf, versionId: Id, revision: Id });
/** After a publish: the version now published and how many messages went to the outbox. */
const PublishedQuery = Type.Object({
  published: Type.Optional(Id),
  messages: Type.Optional(Type.Integer({ minimum: 0 })),
});

export default async function publishRoutes(app: TypedApp): Promise<void> {
  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventRow,
    messages: { error?: string; notice?: string } = {},
  ) {
    return reply.page('organizer/publish/index', {
      title: request.t('organizerSchedule.publish.title'),
      eventNav: eventNav(request, event, 'publish'),
      slug: event.slug,
      preview: publishView(previewPublish(app.db, event.id), request.lang),
      ...messages,
      styles: ['/static/css/timetable.css'],
    });
  }

  app.get(
    '/events/:slug/publish',
    { preHandler: requireOrganizer, schema: { params: SlugParams, querystring: PublishedQuery } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const { published, messages } = request.query;
      return render(request, reply, event, {
        ...(published !== undefined
          ? { notice: request.t('organizerSchedule.publish.done', { number: published, messages: messages ?? 0 }) }
          : {}),
      });
    },
  );

  app.post(
    '/events/:slug/publish',
    { preHandler: requireOrganizer, schema: { params: SlugParams, body: ConfirmBody } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      try {
        const result = publishDraft(app.db, event.id, {
          actor: actorOf(request),
          expected: { versionId: request.body.versionId, revision: request.body.revision },
          now: () => app.now(),
          invitations: {
            publicUrl: app.config.publicUrl,
            ...(app.config.smtp ? { from: app.config.smtp.from } : {}),
          },
        });
        const search = new URLSearchParams({
          published: String(result.version.number),
          messages: String(result.invitations?.enqueued ?? 0),
        });
        return reply.redirect(`/events/${encodeURIComponent(event.slug)}/publish?${search}`, 303);
      } catch (error) {
        if (!(error instanceof PublishError)) throw error;
        reply.code(refusalStatus(error));
        return render(request, reply, event, { error: request.t(error.key) });
      }
    },
  );
}

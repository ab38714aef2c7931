// /events/:slug/publish: what publishing the draft changes for participants (moved, added, cancelled meetings and
// who is affected), then a confirm form carrying the draft's version and revision: a draft edited after the
// preview was shown is refused, and the new preview is shown instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventRow } from '../../../services/setup/index.js';
import { previewPublish, publishDraft, PublishError } from '../../../services/publishing/index.js';
import { refusalStatus } from '../../plugins/errors.js';
import { requireOrganizer } from '../../guards.js';
import { actorOf, eventNav, eventOf, slugParams, type SlugParams } from './event-context.js';
import { publishView } from '../../view-models/publish.js';

const confirmBody = {
  type: 'object',
  required: ['versionId', 'revision'],
  properties: {
    _csrf: { type: 'string' },
    versionId: { type: 'integer', minimum: 1 },
    revision: { type: 'integer', minimum: 1 },
  },
} as const;

export default async function publishRoutes(app: FastifyInstance): Promise<void> {
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

  app.get<{ Params: SlugParams; Querystring: { published?: number; messages?: number } }>(
    '/events/:slug/publish',
    {
      preHandler: requireOrganizer,
      schema: {
        params: slugParams,
        querystring: {
          type: 'object',
          properties: { published: { type: 'integer', minimum: 1 }, messages: { type: 'integer', minimum: 0 } },
        },
      },
    },
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

  app.post<{ Params: SlugParams; Body: { versionId: number; revision: number } }>(
    '/events/:slug/publish',
    { preHandler: requireOrganizer, schema: { params: slugParams, body: confirmBody } },
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

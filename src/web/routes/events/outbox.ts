// The organizers' view of the e-mail outbox: what waits, what went out, what failed and why; any message can be
// downloaded as .eml (the way out when no SMTP server is configured), and a failed one can be sent again.
import { Type } from 'typebox';
import {
  DEFAULT_FROM,
  outboxEml,
  outboxOverview,
  retryOutboxMessage,
} from '../../../services/mail/index.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { momentLabel } from './event-context.js';
import { Slug, SlugIdParams, SlugParams, type TypedApp } from '../../schemas.js';

const OutboxQuery = Type.Object({ retried: Type.Optional(Type.String()), refused: Type.Optional(Type.String()) });
const MessageFileParams = Type.Object({ slug: Slug, file: Type.String({ pattern: '^[0-9]{1,12}\\.eml$' }) });


export default async function outboxRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/events/:slug/outbox',
    {
      preHandler: requireOrganizer,
      schema: { params: SlugParams, querystring: OutboxQuery },
    },
    async (request, reply) => {
      const overview = outboxOverview(app.db, request.params.slug);
      if (!overview) throw new DomainError('not_found', 'shell.error.notFound.body');
      const t = request.t;
      return reply.page('organizer/outbox/index', {
        title: t('participants.outbox.title'),
        slug: request.params.slug,
        eventName: overview.eventName[request.lang],
        eventNav: { slug: request.params.slug, name: overview.eventName[request.lang], current: 'outbox' },
        smtpConfigured: app.config.smtp !== null,
        counts: t('participants.outbox.counts', overview.counts),
        notice: request.query.retried !== undefined ? t('participants.outbox.retried') : undefined,
        error: request.query.refused !== undefined ? t('participants.outbox.notRetriable') : undefined,
        messages: overview.messages.map((message) => ({
          ...message,
          statusLabel: t(`participants.outbox.status.${message.status}`),
          created: momentLabel(request, overview.timezone, message.createdAt),
          retriable: message.status === 'failed' || message.status === 'pending',
        })),
      });
    },
  );

  app.get(
    '/events/:slug/outbox/:file',
    {
      preHandler: requireOrganizer,
      schema: { params: MessageFileParams },
    },
    async (request, reply) => {
      const id = Number(request.params.file.slice(0, -4));
      const eml = await outboxEml(app.db, request.params.slug, id, app.config.smtp?.from ?? DEFAULT_FROM);
      if (!eml) throw new DomainError('not_found', 'shell.error.notFound.body');
      return reply
        .header('content-disposition', `attachment; filename="message-${id}.eml"`)
        .header('cache-control', 'no-store')
        .type('message/rfc822')
        .send(eml);
    },
  );

  app.post(
    '/events/:slug/outbox/:id/retry',
    { preHandler: requireOrganizer, schema: { params: SlugIdParams } },
    async (request, reply) => {
      const outcome = retryOutboxMessage(app.db, request.params.slug, request.params.id);
      if (outcome === 'not_found') throw new DomainError('not_found', 'shell.error.notFound.body');
      const base = `/events/${encodeURIComponent(request.params.slug)}/outbox`;
      return reply.redirect(outcome === 'requeued' ? `${base}?retried` : `${base}?refused`, 303);
    },
  );
}

// What every organizer scheduling page needs: the event from the URL (404 when unknown), the organizer as the actor
// of audited changes, and the model of the event navigation (views/organizer/partials/event-nav.eta).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { eventBySlug, type EventRow } from '../../../services/setup/index.js';
import type { Actor } from '../../../domain/index.js';
import { DomainError } from '../../../domain/index.js';

export { SlugParams as slugParams, SlugIdParams as slugIdParams } from '../../schemas.js';
export type { SlugParams, SlugIdParams } from '../../schemas.js';

export function eventOf(app: FastifyInstance, slug: string): EventRow {
  const event = eventBySlug(app.db, slug);
  if (!event) throw new DomainError('not_found', 'shell.error.notFound.body');
  return event;
}

export function actorOf(request: FastifyRequest): Actor {
  const userId = request.user?.id ?? null;
  return { label: userId === null ? 'system' : `user:${userId}`, userId };
}

/** The model `views/organizer/partials/event-nav.eta` reads from `it.eventNav`. */
export function eventNav(request: FastifyRequest, event: EventRow, current: string) {
  return { slug: event.slug, name: request.lang === 'ko' ? event.nameKo : event.nameEn, current };
}

/** A moment (a link issued, a message queued) as organizers read it: in the event's time zone, the page's language. */
export function momentLabel(request: FastifyRequest, timezone: string, at: Date): string {
  return DateTime.fromJSDate(at, { zone: timezone })
    .setLocale(request.lang === 'ko' ? 'ko-KR' : 'en-GB')
    .toLocaleString(DateTime.DATETIME_SHORT);
}

export function eventName(request: FastifyRequest, event: EventRow): string {
  return request.lang === 'ko' ? event.nameKo || event.nameEn : event.nameEn || event.nameKo;
}

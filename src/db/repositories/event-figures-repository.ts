// Counts that describe an event at a glance (the demo command prints them), and whether any event exists at all.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { events, organizations, representatives, requests, rooms, slots, tables } from '../schema/index.js';

export interface EventFigures {
  readonly slug: string;
  readonly corporates: number;
  readonly startups: number;
  readonly representatives: number;
  readonly requests: number;
  readonly acceptedRequests: number;
  readonly slots: number;
  readonly rooms: number;
  readonly tables: number;
}

export function hasAnyEvent(db: Db): boolean {
  return db.select({ id: events.id }).from(events).limit(1).get() !== undefined;
}

export function eventFigures(db: Db, eventId: number): EventFigures {
  const kinds = db
    .select({ kind: organizations.kind, n: count() })
    .from(organizations)
    .where(eq(organizations.eventId, eventId))
    .groupBy(organizations.kind)
    .all();
  const organizationIds = db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.eventId, eventId))
    .all()
    .map((row) => row.id);
  const countOf = (query: { get(): { n: number } | undefined }) => query.get()?.n ?? 0;
  return {
    slug: db.select({ slug: events.slug }).from(events).where(eq(events.id, eventId)).get()!.slug,
    corporates: kinds.find((row) => row.kind === 'corporate')?.n ?? 0,
    startups: kinds.find((row) => row.kind === 'startup')?.n ?? 0,
    representatives: countOf(
      db.select({ n: count() }).from(representatives).where(inArray(representatives.organizationId, organizationIds)),
    ),
    requests: countOf(db.select({ n: count() }).from(requests).where(eq(requests.eventId, eventId))),
    acceptedRequests: countOf(
      db
        .select({ n: count() })
        .from(requests)
        .where(and(eq(requests.eventId, eventId), eq(requests.status, 'accepted'))),
    ),
    slots: countOf(db.select({ n: count() }).from(slots).where(eq(slots.eventId, eventId))),
    rooms: countOf(db.select({ n: count() }).from(rooms).where(eq(rooms.eventId, eventId))),
    tables: countOf(db.select({ n: count() }).from(tables).where(eq(tables.eventId, eventId))),
  };
}

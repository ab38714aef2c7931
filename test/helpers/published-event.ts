// The small test event with a published schedule: every accepted request placed greedily at the corporate's booth
// (version 1), and a way to publish a changed copy (moved or dropped meetings) as the next version.
import type { Db } from '../../src/db/client.js';
import { meetings, scheduleVersions } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { createSmallEvent, type SmallEvent, type SmallEventOptions } from './event-fixture.js';

export interface PlacedMeeting {
  readonly requestId: number;
  readonly slotId: number;
  readonly tableId: number;
}

export interface PublishedEvent extends SmallEvent {
  readonly versionId: number;
  readonly placed: readonly PlacedMeeting[];
}

export interface VersionChanges {
  /** requestId → new slot. */
  readonly move?: ReadonlyMap<number, number>;
  readonly drop?: readonly number[];
}

export function createPublishedEvent(db: Db, options: SmallEventOptions = {}): PublishedEvent {
  const event = createSmallEvent(db, options);
  const requests = db.query.requests
    .findMany({ where: (r, { and, eq: is }) => and(is(r.eventId, event.eventId), is(r.status, 'accepted')) })
    .sync();
  const busy = new Set<string>();
  const placed: PlacedMeeting[] = [];
  for (const request of requests) {
    const corporate = event.corporateIds.includes(request.requesterId) ? request.requesterId : request.requestedId;
    const slotId = event.slotIds.find(
      (slot) => !busy.has(`${request.requesterId}:${slot}`) && !busy.has(`${request.requestedId}:${slot}`),
    );
    if (slotId === undefined) throw new Error('fixture: no free slot');
    busy.add(`${request.requesterId}:${slotId}`);
    busy.add(`${request.requestedId}:${slotId}`);
    placed.push({ requestId: request.id, slotId, tableId: event.boothTableIds[event.corporateIds.indexOf(corporate)]! });
  }
  const versionId = insertPublishedVersion(db, event.eventId, 1, placed, null);
  return { ...event, versionId, placed };
}

/** Publishes the next version: the given meetings with changes applied; the previous one becomes superseded. */
export function publishChangedVersion(
  db: Db,
  eventId: number,
  previous: { versionId: number; placed: readonly PlacedMeeting[] },
  changes: VersionChanges,
): { versionId: number; placed: PlacedMeeting[] } {
  const number =
    db.select({ number: scheduleVersions.number }).from(scheduleVersions).where(eq(scheduleVersions.id, previous.versionId)).get()!
      .number + 1;
  const placed = previous.placed
    .filter((meeting) => !(changes.drop ?? []).includes(meeting.requestId))
    .map((meeting) => ({ ...meeting, slotId: changes.move?.get(meeting.requestId) ?? meeting.slotId }));
  db.update(scheduleVersions).set({ status: 'superseded' }).where(eq(scheduleVersions.id, previous.versionId)).run();
  const versionId = insertPublishedVersion(db, eventId, number, placed, previous.versionId);
  return { versionId, placed };
}

/** A draft version (never shown to participants). */
export function insertDraftVersion(db: Db, eventId: number, number: number, placed: readonly PlacedMeeting[]): number {
  const version = db
    .insert(scheduleVersions)
    .values({ eventId, number, status: 'draft' })
    .returning({ id: scheduleVersions.id })
    .get();
  if (placed.length > 0) db.insert(meetings).values(placed.map((m) => ({ ...m, versionId: version.id }))).run();
  return version.id;
}

function insertPublishedVersion(
  db: Db,
  eventId: number,
  number: number,
  placed: readonly PlacedMeeting[],
  basedOn: number | null,
): number {
  const version = db
    .insert(scheduleVersions)
    .values({
      eventId,
      number,
      status: 'published',
      basedOnVersionId: basedOn,
      publishedAt: new Date(Date.UTC(2025, 5, 1, number)),
    })
    .returning({ id: scheduleVersions.id })
    .get();
  if (placed.length > 0) db.insert(meetings).values(placed.map((m) => ({ ...m, versionId: version.id }))).run();
  return version.id;
}

// Calendar entries: one per request across schedule versions, with the UID that never changes and the SEQUENCE
// that rises when what a calendar shows changes.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { calendarEntries } from '../schema/index.js';
import { perDatabase } from '../internals/per-database.js';

const prepared = perDatabase((db: Db) => ({
  // A publish writes one calendar entry per meeting: thousands of rows at a large event.
  insert: db
    .insert(calendarEntries)
    .values({
      requestId: sql.placeholder('requestId'),
      eventId: sql.placeholder('eventId'),
      uid: sql.placeholder('uid'),
      fingerprint: sql.placeholder('fingerprint'),
      sequence: 0,
      cancelled: false,
    })
    .prepare(),
  update: db
    .update(calendarEntries)
    // set() takes no bare placeholders; these bind the stored forms (0/1, epoch milliseconds).
    .set({
      sequence: sql`${sql.placeholder('sequence')}`,
      fingerprint: sql`${sql.placeholder('fingerprint')}`,
      cancelled: sql`${sql.placeholder('cancelled')}`,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
    })
    .where(eq(calendarEntries.requestId, sql.placeholder('requestId')))
    .prepare(),
}));

export interface CalendarEntryRow {
  readonly requestId: number;
  readonly uid: string;
  readonly sequence: number;
  readonly fingerprint: string;
  readonly cancelled: boolean;
}

export function calendarEntriesOfEvent(db: Db, eventId: number): CalendarEntryRow[] {
  return db
    .select({
      requestId: calendarEntries.requestId,
      uid: calendarEntries.uid,
      sequence: calendarEntries.sequence,
      fingerprint: calendarEntries.fingerprint,
      cancelled: calendarEntries.cancelled,
    })
    .from(calendarEntries)
    .where(eq(calendarEntries.eventId, eventId))
    .all();
}

export function insertCalendarEntry(
  db: Db,
  entry: { requestId: number; eventId: number; uid: string; fingerprint: string },
): void {
  prepared(db).insert.run(entry);
}

export function updateCalendarEntry(
  db: Db,
  requestId: number,
  change: { sequence: number; fingerprint: string; cancelled: boolean; updatedAt: Date },
): void {
  prepared(db).update.run({
    requestId,
    sequence: change.sequence,
    fingerprint: change.fingerprint,
    cancelled: change.cancelled ? 1 : 0,
    updatedAt: change.updatedAt.getTime(),
  });
}

// Check-ins recorded on the event day: a representative arrived (once per day), a meeting held or a no-show (once per
// meeting). The partial unique indexes of check_ins make a repeated insert a no-op, so a tap sent twice counts once.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { checkIns, meetings, type CheckInKind } from '../schema/index.js';

export interface Recorder {
  readonly accessTokenId: number | null;
  readonly userId: number | null;
}

export interface ArrivalRow {
  readonly representativeId: number;
  readonly dayId: number;
  readonly createdAt: Date;
}

/** A held / no-show check-in with the meeting it was recorded against (request and slot identify the meeting). */
export interface OutcomeRow {
  readonly id: number;
  readonly kind: Exclude<CheckInKind, 'arrived'>;
  readonly meetingId: number;
  readonly requestId: number;
  readonly slotId: number;
  readonly dayId: number;
  readonly createdAt: Date;
}

/** True when this call recorded the arrival, false when it was already recorded. */
export function insertArrival(
  db: Db,
  values: { eventId: number; dayId: number; representativeId: number } & Recorder,
): boolean {
  return db.insert(checkIns).values({ ...values, kind: 'arrived' }).onConflictDoNothing().run().changes === 1;
}

/** True when this call recorded the outcome, false when the meeting already had one. */
export function insertOutcome(
  db: Db,
  values: { eventId: number; dayId: number; meetingId: number; kind: 'held' | 'no_show' } & Recorder,
): boolean {
  return db.insert(checkIns).values(values).onConflictDoNothing().run().changes === 1;
}

export function arrivalsOfEvent(db: Db, eventId: number): ArrivalRow[] {
  return db
    .select({ representativeId: checkIns.representativeId, dayId: checkIns.dayId, createdAt: checkIns.createdAt })
    .from(checkIns)
    .where(and(eq(checkIns.eventId, eventId), eq(checkIns.kind, 'arrived'), isNotNull(checkIns.representativeId)))
    .all()
    .map((row) => ({ ...row, representativeId: row.representativeId! }));
}

/** Every held / no-show check-in of the event, whichever schedule version its meeting belongs to. */
export function outcomesOfEvent(db: Db, eventId: number): OutcomeRow[] {
  return db
    .select({
      id: checkIns.id,
      kind: checkIns.kind,
      meetingId: meetings.id,
      requestId: meetings.requestId,
      slotId: meetings.slotId,
      dayId: checkIns.dayId,
      createdAt: checkIns.createdAt,
    })
    .from(checkIns)
    .innerJoin(meetings, eq(meetings.id, checkIns.meetingId))
    .where(eq(checkIns.eventId, eventId))
    .all()
    .filter((row): row is OutcomeRow => row.kind !== 'arrived');
}

export function setMeetingStatus(db: Db, meetingId: number, status: 'held' | 'no_show'): void {
  db.update(meetings).set({ status, updatedAt: new Date() }).where(eq(meetings.id, meetingId)).run();
}

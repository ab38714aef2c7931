// Regenerating a day's slots from its pattern. Slots whose start and end stay keep their row (and so their meetings
// and unavailability); the others are removed or added. Codes ('d1-03') follow the day's chronological index, so
// they are rewritten whenever days are added, moved or removed.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { eventDays, meetings, scheduleVersions, slots } from '../schema/index.js';
import { generateSlots, slotCode, type PatternSlot } from '../../domain/index.js';

type DayRow = typeof eventDays.$inferSelect;
type SlotRow = typeof slots.$inferSelect;

export interface BlockingMeeting {
  readonly meetingId: number;
  readonly versionId: number;
  readonly versionNumber: number;
  readonly versionStatus: 'draft' | 'published' | 'superseded';
  readonly requestId: number;
  readonly slotId: number;
  readonly slotCode: string;
  readonly startTime: string;
  readonly endTime: string;
}

export interface DayPlan {
  readonly dayId: number;
  readonly eventId: number;
  readonly pattern: readonly PatternSlot[];
  readonly kept: ReadonlyMap<number, SlotRow>; // pattern position → existing slot
  readonly vanishing: readonly SlotRow[];
  readonly blocking: readonly BlockingMeeting[];
}

export function planDay(
  db: Db,
  day: Pick<DayRow, 'id' | 'eventId' | 'startTime' | 'endTime' | 'afternoonFrom' | 'meetingMinutes' | 'bufferMinutes'>,
  breaks: readonly { startTime: string; endTime: string }[],
  event: { meetingMinutes: number; bufferMinutes: number },
): DayPlan {
  const pattern = generateSlots({
    startTime: day.startTime,
    endTime: day.endTime,
    meetingMinutes: day.meetingMinutes ?? event.meetingMinutes,
    bufferMinutes: day.bufferMinutes ?? event.bufferMinutes,
    afternoonFrom: day.afternoonFrom,
    breaks,
  });
  const existing = db.select().from(slots).where(eq(slots.dayId, day.id)).all();
  const byTimes = new Map(existing.map((slot) => [`${slot.startTime}-${slot.endTime}`, slot]));
  const kept = new Map<number, SlotRow>();
  for (const slot of pattern) {
    const match = byTimes.get(`${slot.startTime}-${slot.endTime}`);
    if (match) kept.set(slot.position, match);
  }
  const keptIds = new Set([...kept.values()].map((slot) => slot.id));
  const vanishing = existing.filter((slot) => !keptIds.has(slot.id));
  return { dayId: day.id, eventId: day.eventId, pattern, kept, vanishing, blocking: blockingMeetings(db, vanishing) };
}

export function applyPlan(db: Db, plan: DayPlan): void {
  removeSlots(db, plan.vanishing);
  // Positions and codes are unique, so kept slots step aside (negative position, temporary code) first.
  for (const slot of plan.kept.values()) {
    db.update(slots).set({ position: -slot.id, code: `~${slot.id}` }).where(eq(slots.id, slot.id)).run();
  }
  for (const slot of plan.pattern) {
    const match = plan.kept.get(slot.position);
    if (match) {
      db.update(slots).set({ position: slot.position, session: slot.session }).where(eq(slots.id, match.id)).run();
    } else {
      const code = `~${plan.dayId}-${slot.position}`;
      db.insert(slots).values({ eventId: plan.eventId, dayId: plan.dayId, code, ...slot }).run();
    }
  }
}

/** Meetings that would be lost with these slots: not cancelled, in a draft or published version. */
export function blockingMeetings(db: Db, vanishing: readonly SlotRow[]): BlockingMeeting[] {
  if (vanishing.length === 0) return [];
  return db
    .select({
      meetingId: meetings.id,
      versionId: scheduleVersions.id,
      versionNumber: scheduleVersions.number,
      versionStatus: scheduleVersions.status,
      requestId: meetings.requestId,
      slotId: slots.id,
      slotCode: slots.code,
      startTime: slots.startTime,
      endTime: slots.endTime,
    })
    .from(meetings)
    .innerJoin(scheduleVersions, eq(scheduleVersions.id, meetings.versionId))
    .innerJoin(slots, eq(slots.id, meetings.slotId))
    .where(
      and(
        inArray(
          meetings.slotId,
          vanishing.map((slot) => slot.id),
        ),
        ne(scheduleVersions.status, 'superseded'),
        ne(meetings.status, 'cancelled'),
      ),
    )
    .orderBy(asc(scheduleVersions.number), asc(slots.position), asc(meetings.id))
    .all();
}

// Superseded versions and cancelled meetings keep no claim on a slot; their rows go with it.
export function removeSlots(db: Db, vanishing: readonly SlotRow[]): void {
  if (vanishing.length === 0) return;
  const ids = vanishing.map((slot) => slot.id);
  db.delete(meetings).where(inArray(meetings.slotId, ids)).run();
  db.delete(slots).where(inArray(slots.id, ids)).run();
}

/** Gives every slot its code from the day's chronological index and its position. */
export function recodeSlots(db: Db, eventId: number): void {
  const wanted = listDayRows(db, eventId).flatMap((day, index) =>
    db
      .select({ id: slots.id, code: slots.code, position: slots.position })
      .from(slots)
      .where(eq(slots.dayId, day.id))
      .all()
      .map((slot) => ({ ...slot, next: slotCode(index + 1, slot.position) })),
  );
  const changed = wanted.filter((slot) => slot.code !== slot.next);
  for (const slot of changed) db.update(slots).set({ code: `~${slot.id}` }).where(eq(slots.id, slot.id)).run();
  for (const slot of changed) db.update(slots).set({ code: slot.next }).where(eq(slots.id, slot.id)).run();
}

export function listDayRows(db: Db, eventId: number): DayRow[] {
  return db.select().from(eventDays).where(eq(eventDays.eventId, eventId)).orderBy(asc(eventDays.date)).all();
}

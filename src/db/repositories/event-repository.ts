// Events and their structure: days (with breaks and generated slots), rooms, tables, booths, table unavailability.
// Bad input throws an EventSetupError naming the field (checks in event-validation.ts). Changing a day's times
// regenerates its slots in one transaction (slot-regeneration.ts); when scheduled meetings of a draft or published
// version sit in slots that would vanish, nothing changes and the result lists those meetings instead. Functions may
// run inside a caller's `db.transaction(() => …)`: better-sqlite3 nests them as savepoints.
import { and, asc, count, eq, inArray, max, min } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  dayBreaks,
  eventDays,
  events,
  organizations,
  representatives,
  requests,
  rooms,
  scheduleVersions,
  slots,
  tables,
} from '../schema/index.js';
import { EventSetupError } from '../../domain/index.js';
import {
  checkBreakNames,
  checkDay,
  checkEvent,
  requireRow,
  type BreakInput,
  type DayInput,
  type EventInput,
  type RoomInput,
  type TableInput,
} from '../internals/event-validation.js';
import {
  applyPlan,
  blockingMeetings,
  listDayRows,
  planDay,
  recodeSlots,
  removeSlots,
  type BlockingMeeting,
} from '../internals/slot-regeneration.js';

export type { BlockingMeeting, BreakInput, DayInput, EventInput, RoomInput, TableInput };

export type EventRow = typeof events.$inferSelect;

/** What lists and pages show of an event: its names, place and time zone. */
export const eventColumns = {
  id: events.id,
  slug: events.slug,
  nameKo: events.nameKo,
  nameEn: events.nameEn,
  venue: events.venue,
  timezone: events.timezone,
};
export type DayRow = typeof eventDays.$inferSelect;
export type BreakRow = typeof dayBreaks.$inferSelect;
export type SlotRow = typeof slots.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type TableRow = typeof tables.$inferSelect;

export interface EventSummary {
  readonly id: number;
  readonly slug: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly venue: string;
  readonly timezone: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly dayCount: number;
}

export interface DayDetail extends DayRow {
  /** 1 for the earliest day of the event; the `d1` of slot codes. */
  readonly index: number;
  readonly breaks: readonly BreakRow[];
  readonly slots: readonly SlotRow[];
}

/** The outcome of a change that regenerates slots. */
export type SlotChange<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly blockingMeetings: readonly BlockingMeeting[] };

// ---- events ----

export function createEvent(db: Db, input: EventInput): EventRow {
  const values = checkEvent(input);
  return db.transaction(() => {
    if (getEventBySlug(db, values.slug)) {
      throw new EventSetupError('slug', 'eventSetup.error.slugTaken', { value: values.slug });
    }
    return db.insert(events).values(values).returning().get();
  });
}

export function getEvent(db: Db, id: number): EventRow | null {
  return db.select().from(events).where(eq(events.id, id)).get() ?? null;
}

export function getEventBySlug(db: Db, slug: string): EventRow | null {
  return db.select().from(events).where(eq(events.slug, slug)).get() ?? null;
}

/** Every event with its first and last date, earliest first (events without days last). */
export function listEvents(db: Db): EventSummary[] {
  const rows = db
    .select({
      ...eventColumns,
      firstDate: min(eventDays.date),
      lastDate: max(eventDays.date),
      dayCount: count(eventDays.id),
    })
    .from(events)
    .leftJoin(eventDays, eq(eventDays.eventId, events.id))
    .groupBy(events.id)
    .all();
  return rows.sort(
    (a, b) => (a.firstDate ?? '9999').localeCompare(b.firstDate ?? '9999') || a.id - b.id,
  );
}

/** Changing the default meeting or buffer minutes regenerates the slots of days that use them. */
export function updateEvent(db: Db, id: number, patch: Partial<EventInput>): SlotChange<EventRow> {
  const current = requireRow(getEvent(db, id), 'eventId', id);
  const merged = checkEvent({ ...current, ...patch });
  return db.transaction(() => {
    const other = getEventBySlug(db, merged.slug);
    if (other && other.id !== id) {
      throw new EventSetupError('slug', 'eventSetup.error.slugTaken', { value: merged.slug });
    }
    const plans = listDayRows(db, id)
      .filter((day) => day.meetingMinutes === null || day.bufferMinutes === null)
      .map((day) => planDay(db, day, breaksOf(db, day.id), merged));
    const blocking = plans.flatMap((plan) => plan.blocking);
    if (blocking.length > 0) return { ok: false, blockingMeetings: blocking };
    const row = db
      .update(events)
      .set({ ...merged, updatedAt: new Date() })
      .where(eq(events.id, id))
      .returning()
      .get();
    for (const plan of plans) applyPlan(db, plan);
    recodeSlots(db, id);
    return { ok: true, value: row };
  });
}

/** Deletes the event and everything under it. */
export function deleteEvent(db: Db, id: number): boolean {
  return db.transaction(() => {
    // Meetings and tables hold their slots, tables and rooms with RESTRICT, so children go first.
    db.delete(scheduleVersions).where(eq(scheduleVersions.eventId, id)).run();
    db.delete(tables).where(eq(tables.eventId, id)).run();
    return db.delete(events).where(eq(events.id, id)).run().changes > 0;
  });
}

// ---- days, breaks, slots ----

export function listDays(db: Db, eventId: number): DayDetail[] {
  return listDayRows(db, eventId).map((day, index) => ({
    ...day,
    index: index + 1,
    breaks: breaksOf(db, day.id),
    slots: db.select().from(slots).where(eq(slots.dayId, day.id)).orderBy(asc(slots.position)).all(),
  }));
}

export function getDay(db: Db, dayId: number): DayDetail | null {
  const row = db.select().from(eventDays).where(eq(eventDays.id, dayId)).get();
  return row ? (listDays(db, row.eventId).find((day) => day.id === dayId) ?? null) : null;
}

/** All slots of the event in chronological order, with their date. */
export function listSlots(db: Db, eventId: number): (SlotRow & { date: string })[] {
  return db
    .select({ slot: slots, date: eventDays.date })
    .from(slots)
    .innerJoin(eventDays, eq(eventDays.id, slots.dayId))
    .where(eq(slots.eventId, eventId))
    .orderBy(asc(eventDays.date), asc(slots.position))
    .all()
    .map(({ slot, date }) => ({ ...slot, date }));
}

export function addDay(db: Db, eventId: number, input: DayInput): DayDetail {
  const event = requireRow(getEvent(db, eventId), 'eventId', eventId);
  const values = checkDay(input);
  const breaks = checkBreakNames(input.breaks ?? []);
  return db.transaction(() => {
    refuseTakenDate(db, eventId, values.date, null);
    const day = db.insert(eventDays).values({ eventId, ...values }).returning().get();
    for (const window of breaks) db.insert(dayBreaks).values({ dayId: day.id, ...window }).run();
    applyPlan(db, planDay(db, day, breaks, event));
    recodeSlots(db, eventId);
    return getDay(db, day.id)!;
  });
}

export function updateDay(db: Db, dayId: number, patch: Partial<DayInput>): SlotChange<DayDetail> {
  const current = requireRow(getDay(db, dayId), 'dayId', dayId);
  const event = getEvent(db, current.eventId)!;
  const values = checkDay({ ...current, ...patch });
  const breaks = patch.breaks ? checkBreakNames(patch.breaks) : current.breaks;
  return db.transaction(() => {
    refuseTakenDate(db, current.eventId, values.date, dayId);
    const plan = planDay(db, { ...current, ...values }, breaks, event);
    if (plan.blocking.length > 0) return { ok: false, blockingMeetings: plan.blocking };
    db.update(eventDays).set(values).where(eq(eventDays.id, dayId)).run();
    if (patch.breaks) {
      db.delete(dayBreaks).where(eq(dayBreaks.dayId, dayId)).run();
      for (const window of breaks) {
        const { nameKo, nameEn, startTime, endTime } = window;
        db.insert(dayBreaks).values({ dayId, nameKo, nameEn, startTime, endTime }).run();
      }
    }
    applyPlan(db, plan);
    recodeSlots(db, current.eventId);
    return { ok: true, value: getDay(db, dayId)! };
  });
}

export function removeDay(db: Db, dayId: number): SlotChange<null> {
  const day = requireRow(getDay(db, dayId), 'dayId', dayId);
  return db.transaction(() => {
    const blocking = blockingMeetings(db, day.slots);
    if (blocking.length > 0) return { ok: false, blockingMeetings: blocking };
    removeSlots(db, day.slots);
    db.delete(eventDays).where(eq(eventDays.id, dayId)).run();
    recodeSlots(db, day.eventId);
    return { ok: true, value: null };
  });
}

function breaksOf(db: Db, dayId: number): BreakRow[] {
  return db.select().from(dayBreaks).where(eq(dayBreaks.dayId, dayId)).orderBy(asc(dayBreaks.startTime)).all();
}

function refuseTakenDate(db: Db, eventId: number, date: string, exceptDayId: number | null): void {
  const other = db
    .select({ id: eventDays.id })
    .from(eventDays)
    .where(and(eq(eventDays.eventId, eventId), eq(eventDays.date, date)))
    .get();
  if (other && other.id !== exceptDayId) {
    throw new EventSetupError('date', 'eventSetup.error.dateTaken', { value: date });
  }
}

// Counts that describe an event at a glance (the demo command prints them), and whether any event exists at all.
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

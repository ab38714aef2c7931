// Events and their structure: days (with breaks and generated slots), rooms, tables, booths, table unavailability.
// Bad input throws an EventSetupError naming the field. Changing a day's times regenerates its slots in one
// transaction; slots whose start and end stay the same keep their id (and so their meetings and unavailability).
// When scheduled meetings of a draft or published version sit in slots that would vanish, nothing changes and the
// result lists those meetings instead. Functions may run inside a caller's `db.transaction(() => …)`: better-sqlite3
// nests them as savepoints.
import { and, asc, count, eq, inArray, max, min, ne } from 'drizzle-orm';
import { IANAZone, DateTime } from 'luxon';
import type { Db } from './client.js';
import {
  dayBreaks,
  eventDays,
  events,
  meetings,
  organizations,
  rooms,
  scheduleVersions,
  slots,
  tableUnavailability,
  tables,
} from './schema.js';
import {
  EventSetupError,
  checkWholeNumber,
  generateSlots,
  slotCode,
  type PatternSlot,
} from '../services/slot-pattern.js';

export type EventRow = typeof events.$inferSelect;
export type DayRow = typeof eventDays.$inferSelect;
export type BreakRow = typeof dayBreaks.$inferSelect;
export type SlotRow = typeof slots.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type TableRow = typeof tables.$inferSelect;

export interface EventInput {
  readonly slug: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly venue?: string;
  readonly timezone?: string;
  readonly meetingMinutes?: number;
  readonly bufferMinutes?: number;
  readonly maxBreaksPerOrganization?: number | null;
}

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

export interface BreakInput {
  readonly nameKo: string;
  readonly nameEn: string;
  readonly startTime: string;
  readonly endTime: string;
}

export interface DayInput {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  /** Null or absent: the event's default. */
  readonly meetingMinutes?: number | null;
  readonly bufferMinutes?: number | null;
  readonly afternoonFrom?: string;
  /** Replaces all breaks of the day when given. */
  readonly breaks?: readonly BreakInput[];
}

export interface DayDetail extends DayRow {
  /** 1 for the earliest day of the event; the `d1` of slot codes. */
  readonly index: number;
  readonly breaks: readonly BreakRow[];
  readonly slots: readonly SlotRow[];
}

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

/** The outcome of a change that regenerates slots. */
export type SlotChange<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly blockingMeetings: readonly BlockingMeeting[] };

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
      id: events.id,
      slug: events.slug,
      nameKo: events.nameKo,
      nameEn: events.nameEn,
      venue: events.venue,
      timezone: events.timezone,
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

interface DayPlan {
  readonly dayId: number;
  readonly eventId: number;
  readonly pattern: readonly PatternSlot[];
  readonly kept: ReadonlyMap<number, SlotRow>; // pattern position → existing slot
  readonly vanishing: readonly SlotRow[];
  readonly blocking: readonly BlockingMeeting[];
}

function planDay(
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

function applyPlan(db: Db, plan: DayPlan): void {
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
function blockingMeetings(db: Db, vanishing: readonly SlotRow[]): BlockingMeeting[] {
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
function removeSlots(db: Db, vanishing: readonly SlotRow[]): void {
  if (vanishing.length === 0) return;
  const ids = vanishing.map((slot) => slot.id);
  db.delete(meetings).where(inArray(meetings.slotId, ids)).run();
  db.delete(slots).where(inArray(slots.id, ids)).run();
}

/** Gives every slot its code from the day's chronological index and its position. */
function recodeSlots(db: Db, eventId: number): void {
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

function listDayRows(db: Db, eventId: number): DayRow[] {
  return db.select().from(eventDays).where(eq(eventDays.eventId, eventId)).orderBy(asc(eventDays.date)).all();
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

// ---- rooms ----

export interface RoomInput {
  readonly nameKo: string;
  readonly nameEn: string;
  readonly position?: number;
}

export function createRoom(db: Db, eventId: number, input: RoomInput): RoomRow {
  requireRow(getEvent(db, eventId), 'eventId', eventId);
  return db.insert(rooms).values({ eventId, ...checkRoom(input) }).returning().get();
}

export function updateRoom(db: Db, roomId: number, patch: Partial<RoomInput>): RoomRow {
  const current = requireRow(db.select().from(rooms).where(eq(rooms.id, roomId)).get(), 'roomId', roomId);
  return db.update(rooms).set(checkRoom({ ...current, ...patch })).where(eq(rooms.id, roomId)).returning().get();
}

/** Refuses a room that still has tables. */
export function deleteRoom(db: Db, roomId: number): void {
  db.transaction(() => {
    const held = db.select({ n: count() }).from(tables).where(eq(tables.roomId, roomId)).get()?.n ?? 0;
    if (held > 0) throw new EventSetupError('roomId', 'eventSetup.error.roomHasTables', { count: held });
    db.delete(rooms).where(eq(rooms.id, roomId)).run();
  });
}

/** Rooms in order, each with its tables in order. */
export function listRooms(db: Db, eventId: number): (RoomRow & { tables: TableRow[] })[] {
  const all = listTables(db, eventId);
  return db
    .select()
    .from(rooms)
    .where(eq(rooms.eventId, eventId))
    .orderBy(asc(rooms.position), asc(rooms.id))
    .all()
    .map((room) => ({ ...room, tables: all.filter((table) => table.roomId === room.id) }));
}

// ---- tables and booths ----

export interface TableInput {
  readonly roomId: number;
  readonly label: string;
  readonly position?: number;
  /** The organization whose booth this is; null for a shared table. */
  readonly boothOrganizationId?: number | null;
}

export function listTables(db: Db, eventId: number): TableRow[] {
  return db
    .select()
    .from(tables)
    .where(eq(tables.eventId, eventId))
    .orderBy(asc(tables.position), asc(tables.label))
    .all();
}

export function createTable(db: Db, eventId: number, input: TableInput): TableRow {
  requireRow(getEvent(db, eventId), 'eventId', eventId);
  return db.transaction(() => {
    const values = checkTable(db, eventId, null, input);
    return db.insert(tables).values({ eventId, ...values }).returning().get();
  });
}

/** Also assigns or clears a booth: `{ boothOrganizationId: id | null }`. */
export function updateTable(db: Db, tableId: number, patch: Partial<TableInput>): TableRow {
  const current = requireRow(db.select().from(tables).where(eq(tables.id, tableId)).get(), 'tableId', tableId);
  return db.transaction(() => {
    const values = checkTable(db, current.eventId, tableId, { ...current, ...patch });
    return db.update(tables).set(values).where(eq(tables.id, tableId)).returning().get();
  });
}

/** Refuses a table that holds meetings in any version. */
export function deleteTable(db: Db, tableId: number): void {
  db.transaction(() => {
    const held = db.select({ n: count() }).from(meetings).where(eq(meetings.tableId, tableId)).get()?.n ?? 0;
    if (held > 0) throw new EventSetupError('tableId', 'eventSetup.error.tableInUse', { count: held });
    db.delete(tables).where(eq(tables.id, tableId)).run();
  });
}

export function tableUnavailableSlotIds(db: Db, tableId: number): number[] {
  return db
    .select({ slotId: tableUnavailability.slotId })
    .from(tableUnavailability)
    .innerJoin(slots, eq(slots.id, tableUnavailability.slotId))
    .where(eq(tableUnavailability.tableId, tableId))
    .orderBy(asc(slots.id))
    .all()
    .map((row) => row.slotId);
}

/** Replaces the table's unavailable slots; every slot must belong to the table's event. */
export function setTableUnavailability(db: Db, tableId: number, slotIds: readonly number[]): void {
  const table = requireRow(db.select().from(tables).where(eq(tables.id, tableId)).get(), 'tableId', tableId);
  const unique = [...new Set(slotIds)];
  db.transaction(() => {
    if (unique.length > 0) {
      const known = new Set(
        db
          .select({ id: slots.id })
          .from(slots)
          .where(and(eq(slots.eventId, table.eventId), inArray(slots.id, unique)))
          .all()
          .map((row) => row.id),
      );
      const index = slotIds.findIndex((id) => !known.has(id));
      if (index >= 0) {
        throw new EventSetupError(`slotIds[${index}]`, 'eventSetup.error.otherEvent', { id: slotIds[index]! });
      }
    }
    db.delete(tableUnavailability).where(eq(tableUnavailability.tableId, tableId)).run();
    for (const slotId of unique) db.insert(tableUnavailability).values({ tableId, slotId }).run();
  });
}

// ---- validation ----

function checkEvent(input: EventInput) {
  const slug = String(input.slug ?? '');
  if (!SLUG.test(slug)) throw new EventSetupError('slug', 'eventSetup.error.slug', { value: slug });
  const timezone = input.timezone ?? 'Asia/Seoul';
  if (!IANAZone.isValidZone(timezone)) {
    throw new EventSetupError('timezone', 'eventSetup.error.timezone', { value: timezone });
  }
  const maxBreaks = input.maxBreaksPerOrganization ?? null;
  return {
    slug,
    nameKo: checkText(input.nameKo, 'nameKo', 200, true),
    nameEn: checkText(input.nameEn, 'nameEn', 200, true),
    venue: checkText(input.venue ?? '', 'venue', 200, false),
    timezone,
    meetingMinutes: checkWholeNumber(input.meetingMinutes ?? 20, 'meetingMinutes', 5, 240),
    bufferMinutes: checkWholeNumber(input.bufferMinutes ?? 5, 'bufferMinutes', 0, 120),
    maxBreaksPerOrganization:
      maxBreaks === null ? null : checkWholeNumber(maxBreaks, 'maxBreaksPerOrganization', 0, 100),
  };
}

function checkDay(input: DayInput) {
  const date = String(input.date ?? '');
  if (!DATE.test(date) || !DateTime.fromISO(date, { zone: 'utc' }).isValid) {
    throw new EventSetupError('date', 'eventSetup.error.date', { value: date });
  }
  const meetingMinutes = input.meetingMinutes ?? null;
  const bufferMinutes = input.bufferMinutes ?? null;
  return {
    date,
    startTime: input.startTime,
    endTime: input.endTime,
    afternoonFrom: input.afternoonFrom ?? '12:00',
    meetingMinutes: meetingMinutes === null ? null : checkWholeNumber(meetingMinutes, 'meetingMinutes', 5, 240),
    bufferMinutes: bufferMinutes === null ? null : checkWholeNumber(bufferMinutes, 'bufferMinutes', 0, 120),
  };
}

/** Times are checked by the slot pattern; names here. */
function checkBreakNames(breaks: readonly BreakInput[]): BreakInput[] {
  return breaks.map((window, index) => ({
    nameKo: checkText(window.nameKo, `breaks[${index}].nameKo`, 100, true),
    nameEn: checkText(window.nameEn, `breaks[${index}].nameEn`, 100, true),
    startTime: window.startTime,
    endTime: window.endTime,
  }));
}

function checkRoom(input: RoomInput) {
  return {
    nameKo: checkText(input.nameKo, 'nameKo', 100, true),
    nameEn: checkText(input.nameEn, 'nameEn', 100, true),
    position: checkWholeNumber(input.position ?? 0, 'position', 0, 10_000),
  };
}

function checkTable(db: Db, eventId: number, tableId: number | null, input: TableInput) {
  const label = checkText(input.label, 'label', 40, true);
  const room = db.select({ eventId: rooms.eventId }).from(rooms).where(eq(rooms.id, input.roomId)).get();
  if (room?.eventId !== eventId) {
    throw new EventSetupError('roomId', 'eventSetup.error.otherEvent', { id: String(input.roomId) });
  }
  const sameLabel = db
    .select({ id: tables.id })
    .from(tables)
    .where(and(eq(tables.eventId, eventId), eq(tables.label, label)))
    .get();
  if (sameLabel && sameLabel.id !== tableId) {
    throw new EventSetupError('label', 'eventSetup.error.labelTaken', { value: label });
  }
  const booth = input.boothOrganizationId ?? null;
  if (booth !== null) {
    const organization = db
      .select({ eventId: organizations.eventId })
      .from(organizations)
      .where(eq(organizations.id, booth))
      .get();
    if (organization?.eventId !== eventId) {
      throw new EventSetupError('boothOrganizationId', 'eventSetup.error.otherEvent', { id: String(booth) });
    }
    const owned = db.select().from(tables).where(eq(tables.boothOrganizationId, booth)).get();
    if (owned && owned.id !== tableId) {
      throw new EventSetupError('boothOrganizationId', 'eventSetup.error.boothTaken', { label: owned.label });
    }
  }
  return {
    roomId: input.roomId,
    label,
    position: checkWholeNumber(input.position ?? 0, 'position', 0, 10_000),
    boothOrganizationId: booth,
  };
}

function checkText(value: unknown, field: string, maxLength: number, required: boolean): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (required && text.length === 0) throw new EventSetupError(field, 'eventSetup.error.required');
  if (text.length > maxLength) throw new EventSetupError(field, 'eventSetup.error.tooLong', { max: maxLength });
  return text;
}

function requireRow<T>(row: T | null | undefined, field: string, id: number): T {
  if (row === null || row === undefined) throw new EventSetupError(field, 'eventSetup.error.notFound', { id });
  return row;
}

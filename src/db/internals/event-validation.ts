// Checks of organizer input for the event's structure; every failure is an EventSetupError naming the field.
// Times of days and breaks are checked where the slots are generated (services/slot-pattern.ts).
import { and, eq } from 'drizzle-orm';
import { IANAZone, DateTime } from 'luxon';
import type { Db } from '../client.js';
import { organizations, rooms, tables } from '../schema/index.js';
import { EventSetupError, checkWholeNumber } from '../../domain/index.js';

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

export interface RoomInput {
  readonly nameKo: string;
  readonly nameEn: string;
  readonly position?: number;
}

export interface TableInput {
  readonly roomId: number;
  readonly label: string;
  readonly position?: number;
  /** The organization whose booth this is; null for a shared table. */
  readonly boothOrganizationId?: number | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkEvent(input: EventInput) {
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

export function checkDay(input: DayInput) {
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
export function checkBreakNames(breaks: readonly BreakInput[]): BreakInput[] {
  return breaks.map((window, index) => ({
    nameKo: checkText(window.nameKo, `breaks[${index}].nameKo`, 100, true),
    nameEn: checkText(window.nameEn, `breaks[${index}].nameEn`, 100, true),
    startTime: window.startTime,
    endTime: window.endTime,
  }));
}

export function checkRoom(input: RoomInput) {
  return {
    nameKo: checkText(input.nameKo, 'nameKo', 100, true),
    nameEn: checkText(input.nameEn, 'nameEn', 100, true),
    position: checkWholeNumber(input.position ?? 0, 'position', 0, 10_000),
  };
}

export function checkTable(db: Db, eventId: number, tableId: number | null, input: TableInput) {
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

export function checkText(value: unknown, field: string, maxLength: number, required: boolean): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (required && text.length === 0) throw new EventSetupError(field, 'eventSetup.error.required');
  if (text.length > maxLength) throw new EventSetupError(field, 'eventSetup.error.tooLong', { max: maxLength });
  return text;
}

export function requireRow<T>(row: T | null | undefined, field: string, id: number): T {
  if (row === null || row === undefined) throw new EventSetupError(field, 'eventSetup.error.notFound', { id });
  return row;
}

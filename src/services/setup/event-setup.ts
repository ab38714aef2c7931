// Use cases of the event set-up pages: event details, days with their slot pattern (and a preview of it), rooms,
// tables and booths. The event repository checks every value and throws an EventSetupError naming the field;
// here those become form errors, and changes that would drop scheduled meetings are reported, not made.
import type { Db } from '../../db/index.js';
import {
  addDay,
  createEvent,
  createRoom,
  createTable,
  deleteRoom,
  deleteTable,
  getEventBySlug,
  listEvents,
  type EventSummary,
  listDays,
  listRooms,
  listTables,
  removeDay,
  updateDay,
  updateEvent,
  updateRoom,
  updateTable,
  type BlockingMeeting,
  type DayDetail,
  type DayInput,
  type EventInput,
  type EventRow,
  type RoomRow,
  type TableRow,
} from '../../db/index.js';
import { listOrganizations, type OrganizationRecord } from '../../db/index.js';
import { affectedMeetings, type AffectedMeeting } from './affected-meetings.js';
import { capacityOf, type CapacityPlan } from './capacity-planner.js';
import type { FormErrors, FormResult } from '../../domain/index.js';
import { EventSetupError, generateSlots, type PatternSlot } from '../../domain/index.js';

export type Form = Readonly<Record<string, string | undefined>>;

export type SetupResult<T> = FormResult<T> | { readonly ok: false; readonly blocking: readonly BlockingMeeting[] };

function attempt<T>(work: () => T): FormResult<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof EventSetupError) return { ok: false, errors: { [error.field ?? 'form']: { key: error.key, params: error.params } } };
    throw error;
  }
}

function text(form: Form, name: string): string {
  return (form[name] ?? '').trim();
}

/** A whole number, or the text itself so the repository's check names it in its message. */
function number(form: Form, name: string): number | undefined {
  const raw = text(form, name);
  if (raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : (raw as unknown as number);
}

export function eventBySlug(db: Db, slug: string): EventRow | null {
  return getEventBySlug(db, slug);
}

/** Every event, for the organizer's list. */
export function allEvents(db: Db): EventSummary[] {
  return listEvents(db);
}

function eventInput(form: Form): EventInput {
  return {
    slug: text(form, 'slug'),
    nameKo: text(form, 'nameKo'),
    nameEn: text(form, 'nameEn') || text(form, 'nameKo'),
    venue: text(form, 'venue'),
    timezone: text(form, 'timezone') || 'Asia/Seoul',
    meetingMinutes: number(form, 'meetingMinutes') ?? 20,
    bufferMinutes: number(form, 'bufferMinutes') ?? 5,
  };
}

export function createEventFromForm(db: Db, form: Form): FormResult<EventRow> {
  return attempt(() => createEvent(db, eventInput(form)));
}

export function updateEventDetails(db: Db, eventId: number, form: Form): SetupResult<EventRow> {
  const result = attempt(() => updateEvent(db, eventId, eventInput(form)));
  if (!result.ok) return result;
  return result.value.ok ? { ok: true, value: result.value.value } : { ok: false, blocking: result.value.blockingMeetings };
}

export interface SetupOverview {
  readonly days: readonly DayDetail[];
  readonly rooms: readonly (RoomRow & { tables: TableRow[] })[];
  readonly organizations: readonly OrganizationRecord[];
  readonly capacity: CapacityPlan;
}

export function setupOverview(db: Db, eventId: number): SetupOverview {
  return {
    days: listDays(db, eventId),
    rooms: listRooms(db, eventId),
    organizations: listOrganizations(db, eventId),
    capacity: capacityOf(db, eventId),
  };
}

/** Break rows the day form offers: one more than the day has, and at least two. */
export function breakRows(breakCount: number): number {
  return Math.max(2, breakCount + 1);
}

const MAX_BREAKS = 20;

/** The day form: date, hours, optional meeting/buffer minutes (empty: the event's), and named breaks. */
function dayInput(form: Form): DayInput {
  const breaks = [];
  for (let i = 0; i < MAX_BREAKS; i += 1) {
    const startTime = text(form, `break${i}Start`);
    const endTime = text(form, `break${i}End`);
    if (startTime === '' && endTime === '') continue;
    const nameKo = text(form, `break${i}NameKo`) || '휴식';
    breaks.push({ nameKo, nameEn: text(form, `break${i}NameEn`) || 'Break', startTime, endTime });
  }
  return {
    date: text(form, 'date'),
    startTime: text(form, 'startTime'),
    endTime: text(form, 'endTime'),
    meetingMinutes: number(form, 'meetingMinutes') ?? null,
    bufferMinutes: number(form, 'bufferMinutes') ?? null,
    afternoonFrom: text(form, 'afternoonFrom') || '12:00',
    breaks,
  };
}

/** The slots the day form would generate, without saving anything. */
export function previewDay(event: EventRow, form: Form): FormResult<PatternSlot[]> {
  const input = dayInput(form);
  return attempt(() =>
    generateSlots({
      startTime: input.startTime,
      endTime: input.endTime,
      meetingMinutes: input.meetingMinutes ?? event.meetingMinutes,
      bufferMinutes: input.bufferMinutes ?? event.bufferMinutes,
      afternoonFrom: input.afternoonFrom ?? '12:00',
      breaks: input.breaks ?? [],
    }),
  );
}

export function saveDay(db: Db, eventId: number, dayId: number | null, form: Form): SetupResult<DayDetail> {
  if (dayId === null) return attempt(() => addDay(db, eventId, dayInput(form)));
  if (!listDays(db, eventId).some((day) => day.id === dayId)) return notFound('dayId');
  const result = attempt(() => updateDay(db, dayId, dayInput(form)));
  if (!result.ok) return result;
  return result.value.ok ? { ok: true, value: result.value.value } : { ok: false, blocking: result.value.blockingMeetings };
}

export function deleteDay(db: Db, eventId: number, dayId: number): SetupResult<null> {
  if (!listDays(db, eventId).some((day) => day.id === dayId)) return notFound('dayId');
  const result = removeDay(db, dayId);
  return result.ok ? { ok: true, value: null } : { ok: false, blocking: result.blockingMeetings };
}

function notFound(field: string): { ok: false; errors: FormErrors } {
  return { ok: false, errors: { [field]: { key: 'organizerData.participants.notFound', params: {} } } };
}

export function saveRoom(db: Db, eventId: number, roomId: number | null, form: Form): FormResult<RoomRow> {
  const input = { nameKo: text(form, 'nameKo'), nameEn: text(form, 'nameEn') || text(form, 'nameKo'), position: number(form, 'position') ?? 0 };
  if (roomId === null) return attempt(() => createRoom(db, eventId, input));
  if (!listRooms(db, eventId).some((room) => room.id === roomId)) return notFound('roomId');
  return attempt(() => updateRoom(db, roomId, input));
}

export type RoomRemoval =
  | { readonly status: 'removed' }
  | { readonly status: 'confirm'; readonly tables: readonly TableRow[] }
  | { readonly status: 'blocked'; readonly meetings: readonly AffectedMeeting[] }
  | { readonly status: 'notFound' };

/**
 * A room whose tables hold meetings of the draft or published schedule is not removed: the page lists those
 * meetings. Otherwise the organizer confirms, and the room goes with its tables in one transaction.
 */
export function removeRoom(db: Db, eventId: number, roomId: number, confirmed: boolean): RoomRemoval | FormResult<null> {
  const room = listRooms(db, eventId).find((r) => r.id === roomId);
  if (!room) return { status: 'notFound' };
  const meetings = affectedMeetings(db, eventId, (meeting) => meeting.roomId === roomId);
  if (meetings.length > 0) return { status: 'blocked', meetings };
  if (!confirmed && room.tables.length > 0) return { status: 'confirm', tables: room.tables };
  const result = attempt(() =>
    db.transaction(() => {
      for (const table of room.tables) deleteTable(db, table.id);
      deleteRoom(db, roomId);
      return null;
    }),
  );
  return result.ok ? { status: 'removed' } : result;
}

export function saveTable(db: Db, eventId: number, tableId: number | null, form: Form): FormResult<TableRow> {
  const booth = text(form, 'boothOrganizationId');
  const input = {
    roomId: Number(text(form, 'roomId')),
    label: text(form, 'label'),
    position: number(form, 'position') ?? 0,
    boothOrganizationId: booth === '' ? null : Number(booth),
  };
  if (tableId === null) return attempt(() => createTable(db, eventId, input));
  if (!listTables(db, eventId).some((table) => table.id === tableId)) return notFound('tableId');
  return attempt(() => updateTable(db, tableId, input));
}

export function removeTable(db: Db, eventId: number, tableId: number): FormResult<null> {
  if (!listTables(db, eventId).some((table) => table.id === tableId)) return notFound('tableId');
  return attempt(() => {
    deleteTable(db, tableId);
    return null;
  });
}

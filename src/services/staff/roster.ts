// Room rosters for on-site staff, from the PUBLISHED version only: for a day and a room, every slot with each table,
// the pair meeting there, their representatives (arrived or not) and the meeting's status; the current and next slot
// are marked from the event-zone clock. The "now" view shows only the current and next slots of every room.
import type { Db } from '../../db/index.js';
import { arrivalsOfEvent, outcomesOfEvent } from '../../db/index.js';
import { getEvent, type EventRow } from '../../db/index.js';
import { listRepresentatives } from '../../db/index.js';
import { rosterFrame, type FrameSlot, type RosterFrame } from '../../db/index.js';
import {
  meetingsOfVersion,
  publishedVersion,
  type MeetingOrganization,
  type VersionMeeting,
} from '../../db/index.js';
import type { Language } from '../../db/index.js';
import { nowAndNext, type ClockPhase } from '../../domain/index.js';

export type RosterStatus = 'scheduled' | 'held' | 'no_show' | 'cancelled';

export interface RosterRepresentative {
  readonly id: number;
  readonly name: string;
  readonly title: string;
  readonly arrived: boolean;
}

export interface RosterParty {
  readonly organizationId: number;
  readonly code: string;
  readonly kind: 'corporate' | 'startup';
  readonly name: string;
  readonly representatives: readonly RosterRepresentative[];
  /** At least one representative checked in today. */
  readonly present: boolean;
}

export interface RosterMeeting {
  readonly id: number;
  readonly requestId: number;
  readonly versionId: number;
  readonly slotId: number;
  readonly tableId: number;
  readonly dayId: number;
  readonly status: RosterStatus;
  readonly parties: readonly [RosterParty, RosterParty];
}

export interface RosterCell {
  readonly tableId: number;
  readonly tableLabel: string;
  readonly meeting: RosterMeeting | null;
}

export interface RosterSlot {
  readonly id: number;
  readonly code: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly highlight: 'current' | 'next' | null;
  readonly cells: readonly RosterCell[];
}

export interface ClockView {
  readonly localDate: string;
  readonly localTime: string;
  readonly phase: ClockPhase;
}

export interface StaffScope {
  readonly eventId: number;
  /** A per-room staff link sees only its room; null: every room. */
  readonly roomId: number | null;
}

export interface RosterEvent {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly timezone: string;
}

export interface RoomChoice {
  readonly id: number;
  readonly name: string;
}

export interface StaffHome {
  readonly event: RosterEvent;
  readonly published: { readonly number: number } | null;
  readonly days: readonly { readonly id: number; readonly date: string; readonly today: boolean }[];
  readonly rooms: readonly RoomChoice[];
  readonly clock: ClockView;
}

export interface RosterView {
  readonly event: RosterEvent;
  readonly version: { readonly id: number; readonly number: number } | null;
  readonly day: { readonly id: number; readonly date: string };
  readonly room: RoomChoice;
  readonly clock: ClockView;
  readonly slots: readonly RosterSlot[];
}

export interface NowBlock {
  readonly slot: FrameSlot;
  readonly rooms: readonly { readonly room: RoomChoice; readonly cells: readonly RosterCell[] }[];
}

export interface NowView {
  readonly event: RosterEvent;
  readonly version: { readonly id: number; readonly number: number } | null;
  readonly clock: ClockView;
  readonly current: NowBlock | null;
  readonly next: NowBlock | null;
}

interface Loaded {
  readonly event: EventRow;
  readonly frame: RosterFrame;
  readonly version: { id: number; number: number } | null;
  readonly meetings: readonly RosterMeeting[];
  readonly language: Language;
}

function localized(row: { nameKo: string; nameEn: string }, language: Language): string {
  return language === 'ko' ? row.nameKo || row.nameEn : row.nameEn || row.nameKo;
}

function rosterEvent(event: EventRow, language: Language): RosterEvent {
  return { id: event.id, slug: event.slug, name: localized(event, language), timezone: event.timezone };
}

function visibleRooms(frame: RosterFrame, scope: StaffScope, language: Language): RoomChoice[] {
  return frame.rooms
    .filter((room) => scope.roomId === null || room.id === scope.roomId)
    .map((room) => ({ id: room.id, name: localized(room, language) }));
}

function clockOf(event: EventRow, frame: RosterFrame, now: Date) {
  return nowAndNext(frame.slots, event.timezone, now);
}

/** The status staff see: a recorded held / no-show for this request in this slot wins, whatever version it was on. */
function load(db: Db, scope: StaffScope, language: Language): Loaded | null {
  const event = getEvent(db, scope.eventId);
  if (!event) return null;
  const frame = rosterFrame(db, event.id);
  const published = publishedVersion(db, event.id);
  if (!published) return { event, frame, version: null, meetings: [], language };

  const arrivals = new Set(arrivalsOfEvent(db, event.id).map((row) => `${row.dayId}:${row.representativeId}`));
  const outcomes = new Map(outcomesOfEvent(db, event.id).map((row) => [`${row.requestId}:${row.slotId}`, row.kind]));
  const people = listRepresentatives(db, event.id);
  const party = (organization: MeetingOrganization, dayId: number): RosterParty => {
    const representatives = people
      .filter((person) => person.organizationId === organization.id)
      .map((person) => ({
        id: person.id,
        name: person.name,
        title: person.title,
        arrived: arrivals.has(`${dayId}:${person.id}`),
      }));
    return {
      organizationId: organization.id,
      code: organization.code,
      kind: organization.kind,
      name: localized(organization, language),
      representatives,
      present: representatives.some((person) => person.arrived),
    };
  };
  const meetings = meetingsOfVersion(db, published.id).map(
    (meeting: VersionMeeting): RosterMeeting => ({
      id: meeting.id,
      requestId: meeting.requestId,
      versionId: meeting.versionId,
      slotId: meeting.slotId,
      tableId: meeting.tableId,
      dayId: meeting.dayId,
      status:
        meeting.status === 'cancelled' ? 'cancelled' : (outcomes.get(`${meeting.requestId}:${meeting.slotId}`) ?? meeting.status),
      parties: corporateFirst(party(meeting.requester, meeting.dayId), party(meeting.requested, meeting.dayId)),
    }),
  );
  return { event, frame, version: { id: published.id, number: published.number }, meetings, language };
}

/** Rosters and door sheets list the corporate first, whoever asked for the meeting. */
function corporateFirst(a: RosterParty, b: RosterParty): readonly [RosterParty, RosterParty] {
  return b.kind === 'corporate' && a.kind !== 'corporate' ? [b, a] : [a, b];
}

function cellsOf(loaded: Loaded, slotId: number, roomId: number): RosterCell[] {
  return loaded.frame.tables
    .filter((table) => table.roomId === roomId)
    .map((table) => ({
      tableId: table.id,
      tableLabel: table.label,
      meeting: loaded.meetings.find((meeting) => meeting.slotId === slotId && meeting.tableId === table.id) ?? null,
    }));
}

/** The pick-a-day-and-room page of a staff link. */
export function loadStaffHome(db: Db, scope: StaffScope, language: Language, now: Date): StaffHome | null {
  const event = getEvent(db, scope.eventId);
  if (!event) return null;
  const frame = rosterFrame(db, event.id);
  const clock = clockOf(event, frame, now);
  const published = publishedVersion(db, event.id);
  return {
    event: rosterEvent(event, language),
    published: published ? { number: published.number } : null,
    days: frame.days.map((day) => ({ ...day, today: day.date === clock.localDate })),
    rooms: visibleRooms(frame, scope, language),
    clock: { localDate: clock.localDate, localTime: clock.localTime, phase: clock.phase },
  };
}

/** One room's roster for one day, or null when the day or room is not this link's to see. */
export function loadRoster(
  db: Db,
  scope: StaffScope,
  input: { roomId: number; date: string; language: Language; now: Date },
): RosterView | null {
  if (scope.roomId !== null && scope.roomId !== input.roomId) return null;
  const loaded = load(db, scope, input.language);
  if (!loaded) return null;
  const day = loaded.frame.days.find((row) => row.date === input.date);
  const room = visibleRooms(loaded.frame, scope, input.language).find((row) => row.id === input.roomId);
  if (!day || !room) return null;
  const clock = clockOf(loaded.event, loaded.frame, input.now);
  return {
    event: rosterEvent(loaded.event, input.language),
    version: loaded.version,
    day,
    room,
    clock: { localDate: clock.localDate, localTime: clock.localTime, phase: clock.phase },
    slots: loaded.frame.slots
      .filter((slot) => slot.dayId === day.id)
      .map((slot) => ({
        id: slot.id,
        code: slot.code,
        date: slot.date,
        startTime: slot.startTime,
        endTime: slot.endTime,
        highlight: slot.id === clock.current?.id ? 'current' : slot.id === clock.next?.id ? 'next' : null,
        cells: cellsOf(loaded, slot.id, room.id),
      })),
  };
}

/** The help desk's view: the current and the next slot of every room the link may see. */
export function loadNow(db: Db, scope: StaffScope, language: Language, now: Date): NowView | null {
  const loaded = load(db, scope, language);
  if (!loaded) return null;
  const clock = clockOf(loaded.event, loaded.frame, now);
  const rooms = visibleRooms(loaded.frame, scope, language);
  const block = (slot: FrameSlot | null): NowBlock | null =>
    slot ? { slot, rooms: rooms.map((room) => ({ room, cells: cellsOf(loaded, slot.id, room.id) })) } : null;
  return {
    event: rosterEvent(loaded.event, language),
    version: loaded.version,
    clock: { localDate: clock.localDate, localTime: clock.localTime, phase: clock.phase },
    current: block(clock.current),
    next: block(clock.next),
  };
}

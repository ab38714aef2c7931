// The organizer's timetable as a view model: per day a grid of tables (grouped by room) × slots with each meeting's
// pair, the unscheduled meetings with the engine's reasons, each organization's load and breaks, and filters by
// room, sector and organization (a filter keeps the grid's shape and marks the meetings that match).
import type { Db } from '../../db/index.js';
import type { Language } from '../../db/index.js';
import {
  meetingsOfVersion,
  publishedVersion,
  schedulingInputs,
  unscheduledOfVersion,
  type MeetingOrganization,
  type VersionRow,
} from '../../db/index.js';
import { countBreaks } from '../../engine/index.js';
import { allowedTargets, type Targets } from './edit-targets.js';
import type { Conflict } from '../../domain/index.js';
import { meetingIdOf, type EventRow } from '../scheduling/index.js';
import { workingVersion } from '../scheduling/index.js';
import { localizedReason, type ReasonNames } from '../scheduling/index.js';

export interface TimetableFilters {
  readonly dayId?: number;
  readonly roomId?: number;
  readonly sector?: string;
  readonly organizationId?: number;
  /** A meeting (by request) chosen to be moved: the grid shows where it may go. */
  readonly selectRequestId?: number;
}

export interface OrganizationLabel {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: 'corporate' | 'startup';
}

export interface CellMeeting {
  readonly requestId: number;
  readonly locked: boolean;
  readonly corporate: OrganizationLabel;
  readonly startup: OrganizationLabel;
  /** Matches the sector and organization filters (always true without them). */
  readonly match: boolean;
}

export interface CellTarget {
  readonly allowed: boolean;
  readonly swapWithRequestId: number | null;
  readonly conflicts: readonly Conflict[];
}

export interface GridCell {
  readonly tableId: number;
  readonly meeting: CellMeeting | null;
  readonly unavailable: boolean;
  /** Only while a meeting is selected for a move. */
  readonly target: CellTarget | null;
}

export interface GridRow {
  readonly slotId: number;
  readonly code: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly session: 'am' | 'pm';
  readonly cells: readonly GridCell[];
}

export interface GridRoom {
  readonly id: number;
  readonly name: string;
  readonly tables: readonly { id: number; label: string; booth: string | null }[];
}

export interface LoadRow {
  readonly organization: OrganizationLabel;
  readonly sector: string;
  readonly meetings: number;
  readonly breaks: number;
  readonly perDay: readonly { date: string; meetings: number; breaks: number }[];
}

export interface TimetableModel {
  readonly version: VersionRow | null;
  readonly published: VersionRow | null;
  readonly days: readonly { id: number; date: string }[];
  readonly dayId: number | null;
  readonly rooms: readonly GridRoom[];
  readonly rows: readonly GridRow[];
  readonly unscheduled: readonly {
    requestId: number;
    corporate: OrganizationLabel;
    startup: OrganizationLabel;
    priority: number;
    code: string;
    /** In the page's language when the explanation's params were kept, else the stored English. */
    reason: string;
  }[];
  readonly load: readonly LoadRow[];
  readonly options: {
    readonly rooms: readonly { id: number; name: string }[];
    readonly sectors: readonly string[];
    readonly organizations: readonly OrganizationLabel[];
  };
  readonly filters: TimetableFilters;
  readonly selected: (Targets & { corporate: OrganizationLabel; startup: OrganizationLabel }) | null;
}

export function buildTimetable(
  db: Db,
  event: EventRow,
  language: Language,
  filters: TimetableFilters = {},
): TimetableModel {
  const version = workingVersion(db, event.id);
  const published = publishedVersion(db, event.id);
  const inputs = schedulingInputs(db, event.id);
  const name = (ko: string, en: string) => (language === 'ko' ? ko || en : en || ko);
  const label = (org: MeetingOrganization): OrganizationLabel => ({
    id: org.id,
    code: org.code,
    name: name(org.nameKo, org.nameEn),
    kind: org.kind,
  });
  // The corporate first, whoever asked for the meeting.
  const pair = (a: MeetingOrganization, b: MeetingOrganization) =>
    a.kind === 'startup' && b.kind === 'corporate'
      ? { corporate: label(b), startup: label(a) }
      : { corporate: label(a), startup: label(b) };

  const days = [...new Map(inputs.slots.map((slot) => [slot.dayId, { id: slot.dayId, date: slot.date }])).values()];
  const dayId = days.some((day) => day.id === filters.dayId) ? filters.dayId! : (days[0]?.id ?? null);
  const organizations = inputs.organizations.map((org) => ({
    ...label({ ...org }),
    sector: org.sector,
  }));
  const sectorOf = new Map(organizations.map((org) => [org.id, org.sector]));
  const matches = (a: MeetingOrganization, b: MeetingOrganization) =>
    (filters.sector === undefined || sectorOf.get(a.id) === filters.sector || sectorOf.get(b.id) === filters.sector) &&
    (filters.organizationId === undefined || a.id === filters.organizationId || b.id === filters.organizationId);

  const roomsById = new Map<number, GridRoom & { tables: GridRoom['tables'][number][] }>();
  const boothName = new Map(organizations.map((org) => [org.id, org.name]));
  for (const table of inputs.tables) {
    if (filters.roomId !== undefined && table.roomId !== filters.roomId) continue;
    const room = roomsById.get(table.roomId) ?? {
      id: table.roomId,
      name: name(table.roomNameKo, table.roomNameEn),
      tables: [],
    };
    room.tables.push({
      id: table.id,
      label: table.label,
      booth: table.boothOrganizationId === null ? null : (boothName.get(table.boothOrganizationId) ?? null),
    });
    roomsById.set(table.roomId, room);
  }
  const rooms = [...roomsById.values()];
  const gridTables = rooms.flatMap((room) => room.tables);

  const meetings = version ? meetingsOfVersion(db, version.id).filter((m) => m.status !== 'cancelled') : [];
  const at = new Map(meetings.map((m) => [`${m.slotId}:${m.tableId}`, m]));
  const unavailable = new Set(inputs.tableUnavailability.map((row) => `${row.slotId}:${row.tableId}`));
  const targets =
    version && filters.selectRequestId !== undefined
      ? allowedTargets(db, event, version, filters.selectRequestId)
      : null;
  const targetAt = new Map(targets?.cells.map((cell) => [`${cell.slotId}:${cell.tableId}`, cell]));

  const rows: GridRow[] = inputs.slots
    .filter((slot) => slot.dayId === dayId)
    .map((slot) => ({
      slotId: slot.id,
      code: slot.code,
      startTime: slot.startTime,
      endTime: slot.endTime,
      session: slot.session,
      cells: gridTables.map((table) => {
        const key = `${slot.id}:${table.id}`;
        const meeting = at.get(key);
        const target = targetAt.get(key);
        return {
          tableId: table.id,
          unavailable: unavailable.has(key),
          meeting: meeting
            ? {
                requestId: meeting.requestId,
                locked: meeting.locked,
                ...pair(meeting.requester, meeting.requested),
                match: matches(meeting.requester, meeting.requested),
              }
            : null,
          target: target
            ? {
                allowed: target.conflicts.length === 0 && meeting?.requestId !== filters.selectRequestId,
                swapWithRequestId: target.swapWithRequestId,
                conflicts: target.conflicts,
              }
            : null,
        };
      }),
    }));

  const left = version ? unscheduledOfVersion(db, version.id) : [];
  const orgName = new Map(organizations.map((org) => [org.code, org.name]));
  const pairName = new Map(
    [...meetings, ...left].map((m) => {
      const { corporate, startup } = pair(m.requester, m.requested);
      return [meetingIdOf(m.requestId), `${corporate.name} – ${startup.name}`];
    }),
  );
  const names: ReasonNames = {
    organization: (code) => orgName.get(code) ?? code,
    meeting: (id) => pairName.get(id) ?? id,
  };
  const unscheduled = left
    .filter((row) => matches(row.requester, row.requested))
    .map((row) => ({
      requestId: row.requestId,
      ...pair(row.requester, row.requested),
      priority: row.priority,
      code: row.code,
      reason: localizedReason(language, row, names),
    }));

  const selectedMeeting =
    targets &&
    (meetings.find((m) => m.requestId === targets.requestId) ?? left.find((row) => row.requestId === targets.requestId));

  return {
    version,
    published,
    days,
    dayId,
    rooms,
    rows,
    unscheduled,
    load: loadOf(inputs.slots, meetings, organizations, filters),
    options: {
      rooms: [...new Map(inputs.tables.map((t) => [t.roomId, { id: t.roomId, name: name(t.roomNameKo, t.roomNameEn) }])).values()],
      sectors: [...new Set(organizations.map((org) => org.sector).filter((sector) => sector !== ''))].sort(),
      organizations: organizations.map(({ id, code, name: orgName, kind }) => ({ id, code, name: orgName, kind })),
    },
    filters,
    selected:
      targets && selectedMeeting ? { ...targets, ...pair(selectedMeeting.requester, selectedMeeting.requested) } : null,
  };
}

function loadOf(
  slots: readonly { id: number; date: string }[],
  meetings: readonly { slotId: number; requester: MeetingOrganization; requested: MeetingOrganization }[],
  organizations: readonly (OrganizationLabel & { sector: string })[],
  filters: TimetableFilters,
): LoadRow[] {
  const slotIndex = new Map(slots.map((slot, index) => [slot.id, index]));
  const dayOfSlot = slots.map((slot) => slot.date);
  const dates = [...new Set(dayOfSlot)];
  const slotsOf = new Map<number, number[]>();
  for (const meeting of meetings) {
    for (const org of [meeting.requester, meeting.requested]) {
      const list = slotsOf.get(org.id) ?? [];
      list.push(slotIndex.get(meeting.slotId)!);
      slotsOf.set(org.id, list);
    }
  }
  return organizations
    .filter(
      (org) =>
        (filters.sector === undefined || org.sector === filters.sector) &&
        (filters.organizationId === undefined || org.id === filters.organizationId),
    )
    .map((org) => {
      const taken = slotsOf.get(org.id) ?? [];
      const perDay = dates.map((date) => {
        const today = taken.filter((slot) => dayOfSlot[slot] === date);
        return { date, meetings: today.length, breaks: countBreaks(today, dayOfSlot) };
      });
      const { sector, ...organization } = org;
      return {
        organization,
        sector,
        meetings: taken.length,
        breaks: countBreaks(taken, dayOfSlot),
        perDay,
      };
    });
}

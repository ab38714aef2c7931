// The event in the database as the engine's `meetgrid.problem/1` input, plus the maps to read a schedule back.
// External ids are the ones organizers see in CSV files: organization codes, slot codes, table labels; a meeting is
// the accepted request it comes from, `r-<requestId>`.
import type { Db } from '../../db/index.js';
import type { events } from '../../db/index.js';
import { meetingsOfVersion, schedulingInputs, type SchedulingInputs } from '../../db/index.js';
import type {
  Problem,
  ProblemMeeting,
  ProblemParticipant,
  ProblemSlot,
  ProblemTable,
} from '../../engine/index.js';

export type EventRow = typeof events.$inferSelect;

export interface BuiltProblem {
  readonly problem: Problem;
  readonly inputs: SchedulingInputs;
  readonly slotIdByCode: ReadonlyMap<string, number>;
  readonly tableIdByLabel: ReadonlyMap<string, number>;
}

export function meetingIdOf(requestId: number): string {
  return `r-${requestId}`;
}

/** The request behind a problem meeting id, or null when the id is not one of ours. */
export function requestIdOf(meetingId: string): number | null {
  const match = /^r-(\d+)$/.exec(meetingId);
  return match ? Number(match[1]) : null;
}

export interface BuildOptions {
  /** Locked meetings of this version become pins (slot and table) of the problem. */
  readonly pinsFromVersionId?: number | null;
}

export function buildProblem(db: Db, event: EventRow, options: BuildOptions = {}): BuiltProblem {
  const inputs = schedulingInputs(db, event.id);
  const slotCode = new Map(inputs.slots.map((slot) => [slot.id, slot.code]));
  const unavailableTables = groupSlotCodes(inputs.tableUnavailability, (row) => row.tableId, slotCode);
  const unavailableOrganizations = groupSlotCodes(
    inputs.organizationUnavailability,
    (row) => row.organizationId,
    slotCode,
  );

  const problemSlots: ProblemSlot[] = inputs.slots.map((slot) => ({
    id: slot.code,
    day: slot.date,
    start: slot.startTime,
    end: slot.endTime,
    session: slot.session,
  }));

  const tableLabel = new Map(inputs.tables.map((table) => [table.id, table.label]));
  const problemTables: ProblemTable[] = inputs.tables.map((table) => {
    const unavailable = unavailableTables.get(table.id) ?? [];
    return {
      id: table.label,
      room: table.roomNameEn || table.roomNameKo,
      ...(unavailable.length > 0 ? { unavailable } : {}),
    };
  });

  const boothOf = new Map<number, string>();
  for (const table of inputs.tables) {
    if (table.boothOrganizationId !== null) boothOf.set(table.boothOrganizationId, table.label);
  }
  const codeOf = new Map(inputs.organizations.map((org) => [org.id, org.code]));
  const participants: ProblemParticipant[] = inputs.organizations.map((org) => {
    const unavailable = unavailableOrganizations.get(org.id) ?? [];
    const booth = boothOf.get(org.id);
    return {
      id: org.code,
      name: org.nameEn || org.nameKo,
      role: org.kind,
      ...(booth !== undefined ? { table: booth } : {}),
      ...(unavailable.length > 0 ? { unavailable } : {}),
      ...(org.maxMeetings !== null ? { maxMeetings: org.maxMeetings } : {}),
      ...(org.maxMeetingsPerDay !== null ? { maxMeetingsPerDay: org.maxMeetingsPerDay } : {}),
    };
  });

  const pins = new Map<number, { slot: string; table: string }>();
  if (options.pinsFromVersionId != null) {
    for (const meeting of meetingsOfVersion(db, options.pinsFromVersionId)) {
      if (meeting.locked && meeting.status !== 'cancelled') {
        pins.set(meeting.requestId, { slot: meeting.slotCode, table: meeting.tableLabel });
      }
    }
  }

  const problemMeetings: ProblemMeeting[] = inputs.acceptedRequests.map((request) => {
    const pin = pins.get(request.id);
    return {
      id: meetingIdOf(request.id),
      between: [codeOf.get(request.requesterId) ?? '', codeOf.get(request.requestedId) ?? ''] as const,
      priority: request.priority,
      ...(request.session !== null ? { session: request.session } : {}),
      ...(pin ?? {}),
    };
  });

  const problem: Problem = {
    format: 'meetgrid.problem/1',
    name: event.nameEn || event.nameKo,
    timezone: event.timezone,
    slots: problemSlots,
    tables: problemTables,
    participants,
    meetings: problemMeetings,
    ...(event.maxBreaksPerOrganization !== null
      ? { rules: { maxBreaksPerParticipant: event.maxBreaksPerOrganization } }
      : {}),
  };
  return {
    problem,
    inputs,
    slotIdByCode: new Map(inputs.slots.map((slot) => [slot.code, slot.id])),
    tableIdByLabel: new Map([...tableLabel].map(([id, label]) => [label, id])),
  };
}

function groupSlotCodes<T extends { slotId: number }>(
  rows: readonly T[],
  keyOf: (row: T) => number,
  slotCode: ReadonlyMap<number, string>,
): Map<number, string[]> {
  const grouped = new Map<number, string[]>();
  for (const row of rows) {
    const code = slotCode.get(row.slotId);
    if (code === undefined) continue;
    const list = grouped.get(keyOf(row)) ?? [];
    list.push(code);
    grouped.set(keyOf(row), list);
  }
  return grouped;
}

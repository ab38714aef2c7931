// Where a meeting of the working version may go, cell by cell, with the reasons a cell is refused: what the timetable
// page shows when an organizer picks a meeting up (the edits themselves are in meeting-edits.ts).
import type { Db } from '../../db/index.js';
import { meetingsOfVersion, type VersionRow } from '../../db/index.js';
import { Placements, type Conflict } from '../../domain/index.js';
import { buildProblem, meetingIdOf, requestIdOf, type EventRow } from '../scheduling/index.js';
import { versionAsSchedule } from '../scheduling/index.js';

export interface TargetCell {
  readonly slotId: number;
  readonly tableId: number;
  /** The meeting a drop here would swap with, if the cell is taken. */
  readonly swapWithRequestId: number | null;
  readonly conflicts: readonly Conflict[];
}

export interface Targets {
  readonly requestId: number;
  readonly versionId: number;
  readonly revision: number;
  readonly locked: boolean;
  readonly cells: readonly TargetCell[];
}

/**
 * Where a meeting may go, cell by cell, in the working version: an empty cell is a move (or a placement of an
 * unscheduled meeting), a taken one a swap. Each refused cell carries its reasons.
 */
export function allowedTargets(db: Db, event: EventRow, version: VersionRow, requestId: number): Targets | null {
  const built = buildProblem(db, event, { pinsFromVersionId: version.id });
  const id = meetingIdOf(requestId);
  const placements = new Placements(built.problem, versionAsSchedule(db, built, version.id));
  if (!placements.meetings.has(id)) return null;
  const lockedRequests = new Set(
    meetingsOfVersion(db, version.id)
      .filter((row) => row.locked)
      .map((row) => meetingIdOf(row.requestId)),
  );
  const homeSlot = placements.slotOf(id);
  const homeTable = placements.tableOf(id);
  placements.remove(id);
  const cells: TargetCell[] = [];
  for (const slot of built.inputs.slots) {
    for (const table of built.inputs.tables) {
      const occupant = placements.meetingAt(slot.code, table.label);
      const swap = occupant !== null && homeSlot !== null && homeTable !== null;
      cells.push({
        slotId: slot.id,
        tableId: table.id,
        swapWithRequestId: swap ? requestIdOf(occupant)! : null,
        conflicts: !swap
          ? placements.conflicts(id, slot.code, table.label)
          : lockedRequests.has(occupant)
            ? [{ code: 'lockedOther', params: { other: pairOf(placements, occupant) } }]
            : swapConflicts(placements, id, occupant, { slot: slot.code, table: table.label }, { slot: homeSlot, table: homeTable }),
      });
    }
  }
  return { requestId, versionId: version.id, revision: version.revision, locked: lockedRequests.has(id), cells };
}

function pairOf(placements: Placements, meetingId: string): string {
  return placements.meetings.get(meetingId)?.between.join(' – ') ?? meetingId;
}

/** Conflicts of exchanging two meetings' places; leaves `placements` as it found it. */
function swapConflicts(
  placements: Placements,
  id: string,
  other: string,
  there: { slot: string; table: string },
  home: { slot: string; table: string },
): Conflict[] {
  placements.remove(other);
  const first = placements.conflicts(id, there.slot, there.table);
  placements.add(id, there.slot, there.table);
  const second = placements.conflicts(other, home.slot, home.table);
  placements.remove(id);
  placements.add(other, there.slot, there.table);
  return [...first, ...second];
}

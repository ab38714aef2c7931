// A deterministic draft timetable for tests of editing and publishing, without the solver: each accepted request
// in id order goes to the first slot and table the placement rules allow.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { insertDraftVersion, insertMeetings, insertUnscheduled, type VersionRow } from '../../src/db/repositories/schedule-repository.js';
import { events } from '../../src/db/schema/index.js';
import { Placements } from '../../src/domain/placement-rules.js';
import { buildProblem, requestIdOf, type EventRow } from '../../src/services/scheduling/problem-builder.js';

export function eventRow(db: Db, eventId: number): EventRow {
  return db.select().from(events).where(eq(events.id, eventId)).get()!;
}

export function saveGreedyDraft(db: Db, eventId: number, skip: readonly number[] = []): VersionRow {
  const built = buildProblem(db, eventRow(db, eventId));
  const placements = new Placements(built.problem, { assignments: [] });
  const left: number[] = [];
  for (const meeting of built.problem.meetings) {
    const requestId = requestIdOf(meeting.id)!;
    if (skip.includes(requestId)) {
      left.push(requestId);
      continue;
    }
    const cell = built.inputs.slots
      .flatMap((slot) => built.inputs.tables.map((table) => ({ slot: slot.code, table: table.label })))
      .find((place) => placements.conflicts(meeting.id, place.slot, place.table).length === 0);
    if (cell) placements.add(meeting.id, cell.slot, cell.table);
    else left.push(requestId);
  }
  return db.transaction(() => {
    const version = insertDraftVersion(db, {
      eventId,
      basedOnVersionId: null,
      engineStatus: left.length > 0 ? 'partial' : 'feasible',
      statsJson: '{}',
      note: 'test',
      createdByUserId: null,
    });
    insertMeetings(
      db,
      version.id,
      placements.assignments.map((a) => ({
        requestId: requestIdOf(a.meeting)!,
        slotId: built.slotIdByCode.get(a.slot)!,
        tableId: built.tableIdByLabel.get(a.table)!,
        locked: false,
      })),
    );
    insertUnscheduled(
      db,
      version.id,
      left.map((requestId) => ({ requestId, code: 'TEST', reason: 'left out by the test' })),
    );
    return version;
  });
}

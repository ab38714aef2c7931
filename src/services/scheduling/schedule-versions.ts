// The life of schedule versions: the draft organizers work on, the published one everyone else sees, and a
// version read back as a `meetgrid.schedule/1` file (for re-planning, checking and export).
import type { Db } from '../../db/index.js';
import {
  draftVersion,
  meetingsOfVersion,
  publishedVersion,
  unscheduledOfVersion,
  versionById,
  type VersionRow,
} from '../../db/index.js';
import { checkSchedule, type CheckReport, type Violation } from '../../engine/index.js';
import type { Assignment, Schedule, ScheduleStatus, Unscheduled } from '../../engine/index.js';
import type { Actor } from '../../domain/index.js';
import { meetingIdOf, type BuiltProblem } from './problem-builder.js';
import { storedParams } from './unscheduled-reasons.js';

/** The version organizers look at and edit: the draft if there is one, else the published version. */
export function workingVersion(db: Db, eventId: number): VersionRow | null {
  return draftVersion(db, eventId) ?? publishedVersion(db, eventId);
}

/** Code given to accepted requests that a version never considered (accepted after it was made). */
const NOT_PLANNED = 'NOT_PLANNED';

/**
 * A stored version as a schedule of the current problem: its meetings become assignments, every other accepted
 * request is unscheduled (with the stored reason, or NOT_PLANNED). Meetings whose request is no longer accepted are
 * left out, as they are not part of the problem any more. Stats are recomputed by the independent checker.
 */
export function versionAsSchedule(db: Db, built: BuiltProblem, versionId: number): Schedule {
  const wanted = new Set(built.problem.meetings.map((meeting) => meeting.id));
  const assignments: Assignment[] = [];
  for (const meeting of meetingsOfVersion(db, versionId)) {
    const id = meetingIdOf(meeting.requestId);
    if (meeting.status === 'cancelled' || !wanted.has(id)) continue;
    assignments.push({ meeting: id, slot: meeting.slotCode, table: meeting.tableLabel });
    wanted.delete(id);
  }
  const stored = new Map(unscheduledOfVersion(db, versionId).map((row) => [meetingIdOf(row.requestId), row]));
  const unscheduled: Unscheduled[] = [...wanted].map((id) => {
    const row = stored.get(id);
    const params = row ? storedParams(row.params) : null;
    return row
      ? { meeting: id, code: row.code, reason: row.reason, ...(params ? { params: params as Unscheduled['params'] } : {}) }
      : { meeting: id, code: NOT_PLANNED, reason: 'accepted after this version was made; re-plan to place it' };
  });
  return withCheckedStats(built, assignments, unscheduled);
}

/** A schedule whose stats are the checker's figures, so `meetgrid check` agrees with it. */
function withCheckedStats(
  built: BuiltProblem,
  assignments: readonly Assignment[],
  unscheduled: readonly Unscheduled[],
): Schedule {
  const status: ScheduleStatus = unscheduled.length > 0 ? 'partial' : 'feasible';
  const draft: Schedule = {
    format: 'meetgrid.schedule/1',
    status,
    assignments,
    unscheduled,
    stats: { meetings: built.problem.meetings.length, scheduled: assignments.length, breaks: 0, tableChanges: 0, elapsedMs: 0 },
  };
  const { figures } = checkSchedule(built.problem, draft);
  return { ...draft, stats: { ...draft.stats, breaks: figures.breaks, tableChanges: figures.tableChanges } };
}

/** Violations of the spec's hard rules; a schedule's own stats or status label disagreeing is not one. */
export function hardViolations(report: CheckReport): Violation[] {
  return report.violations.filter((violation) => !SOFT_CODES.has(violation.code));
}

const SOFT_CODES = new Set(['STATS_MISMATCH', 'STATUS_MISMATCH']);

/** Whether the schedule version exists and belongs to the event (a form may carry any version id). */
export function versionBelongsToEvent(db: Db, versionId: number, eventId: number): boolean {
  return versionById(db, versionId)?.eventId === eventId;
}

// Manual edits of the draft timetable: move, swap, lock, unlock, unschedule, and place an unscheduled meeting.
// Every edit names the version and revision its form was rendered with; an edit made meanwhile by someone else
// raised the revision, so the late one is refused as stale instead of overwriting it. Hard rules are checked
// placement by placement (with the reason shown to the organizer) and then by the independent checker on the whole
// edited schedule. An edit of a published timetable starts a new draft; nobody else sees it until it is published.
import { DomainError } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import {
  bumpRevision,
  copyVersionContents,
  deleteMeeting,
  deleteUnscheduled,
  draftVersion,
  insertDraftVersion,
  insertMeetings,
  insertUnscheduled,
  meetingsOfVersion,
  setMeetingLocked,
  updateMeetingPlace,
  versionById,
  type VersionMeeting,
  type VersionRow,
} from '../../db/index.js';
import { checkSchedule } from '../../engine/index.js';
import { recordAudit } from '../audit/index.js';
import { Placements, type Conflict } from '../../domain/index.js';
import { buildProblem, meetingIdOf, type BuiltProblem, type EventRow } from '../scheduling/index.js';
import type { Actor } from '../../domain/index.js';
import { hardViolations, versionAsSchedule } from '../scheduling/index.js';

export type MeetingEdit =
  | { readonly kind: 'move'; readonly requestId: number; readonly slotId: number; readonly tableId: number }
  | { readonly kind: 'place'; readonly requestId: number; readonly slotId: number; readonly tableId: number }
  | { readonly kind: 'swap'; readonly requestId: number; readonly otherRequestId: number }
  | { readonly kind: 'lock' | 'unlock' | 'unschedule'; readonly requestId: number };

export type EditRefusal = 'STALE' | 'NOT_FOUND' | 'LOCKED' | 'CONFLICT';

/** An edit that was not applied; nothing was written. `conflicts` name each broken rule. */
export class EditRefusedError extends DomainError {
  override name = 'EditRefusedError';
  constructor(
    readonly reason: EditRefusal,
    readonly conflicts: readonly Conflict[] = [],
  ) {
    super(reason === 'NOT_FOUND' ? 'not_found' : 'conflict', `organizerSchedule.refused.${reason}`);
    this.message = `edit refused (${reason})${conflicts.length > 0 ? `: ${conflicts.map((c) => `${c.code} ${JSON.stringify(c.params)}`).join('; ')}` : ''}`;
  }
}

export interface EditContext {
  readonly versionId: number;
  readonly revision: number;
  readonly actor: Actor;
}

export interface EditResult {
  readonly version: VersionRow;
}

/** Unscheduling by hand is recorded with this code, so the list of unscheduled meetings says why. */
export const MANUAL_UNSCHEDULE = 'MANUAL';

export function applyEdit(db: Db, event: EventRow, edit: MeetingEdit, context: EditContext): EditResult {
  return db.transaction(() => {
    const draft = claimDraft(db, event.id, context);
    const built = buildProblem(db, event, { pinsFromVersionId: draft.id });
    const byRequest = new Map(meetingsOfVersion(db, draft.id).map((meeting) => [meeting.requestId, meeting]));
    const placements = new Placements(built.problem, versionAsSchedule(db, built, draft.id));
    const details = applyToDraft(db, built, placements, byRequest, draft, edit);

    const assignments = placements.assignments;
    const placed = new Set(assignments.map((assignment) => assignment.meeting));
    const schedule = {
      format: 'meetgrid.schedule/1' as const,
      status: 'partial' as const,
      assignments,
      unscheduled: built.problem.meetings
        .filter((meeting) => !placed.has(meeting.id))
        .map((meeting) => ({ meeting: meeting.id, code: MANUAL_UNSCHEDULE, reason: 'not placed' })),
      stats: { meetings: 0, scheduled: 0, breaks: 0, tableChanges: 0, elapsedMs: 0 },
    };
    // The placement rules already refused what they know; this is the engine's own judge, on the whole schedule,
    // limited to the meetings this edit touched (older problems of the draft are not this edit's fault).
    const touched = new Set(details.touched.map(meetingIdOf));
    const broken = hardViolations(checkSchedule(built.problem, schedule)).filter(
      (violation) =>
        (violation.meetings ?? (violation.meeting === undefined ? [] : [violation.meeting])).some((id) =>
          touched.has(id),
        ),
    );
    if (broken.length > 0) {
      throw new EditRefusedError(
        'CONFLICT',
        broken.map((violation) => ({ code: 'rule', params: { message: violation.message } })),
      );
    }
    recordAudit(db, {
      eventId: event.id,
      userId: context.actor.userId,
      actor: context.actor.label,
      action: `meeting.${edit.kind}`,
      subject: `request:${edit.requestId}`,
      details: { version: draft.number, ...details.audit },
    });
    return { version: versionById(db, draft.id)! };
  });
}

/**
 * The draft this edit may change. The form's version must be the current draft at the same revision, or the
 * published version while no draft exists (then a draft is copied from it).
 */
function claimDraft(db: Db, eventId: number, context: EditContext): VersionRow {
  const seen = versionById(db, context.versionId);
  if (!seen || seen.eventId !== eventId) throw new EditRefusedError('NOT_FOUND');
  if (seen.status === 'draft') {
    if (!bumpRevision(db, seen.id, context.revision)) throw new EditRefusedError('STALE');
    return versionById(db, seen.id)!;
  }
  if (seen.status !== 'published' || seen.revision !== context.revision || draftVersion(db, eventId)) {
    throw new EditRefusedError('STALE');
  }
  const draft = insertDraftVersion(db, {
    eventId,
    basedOnVersionId: seen.id,
    engineStatus: seen.engineStatus,
    statsJson: seen.statsJson,
    note: '',
    createdByUserId: context.actor.userId,
  });
  copyVersionContents(db, seen.id, draft.id);
  bumpRevision(db, draft.id, draft.revision);
  return versionById(db, draft.id)!;
}

interface Applied {
  readonly touched: readonly number[];
  readonly audit: Readonly<Record<string, unknown>>;
}

function applyToDraft(
  db: Db,
  built: BuiltProblem,
  placements: Placements,
  byRequest: ReadonlyMap<number, VersionMeeting>,
  draft: VersionRow,
  edit: MeetingEdit,
): Applied {
  const scheduled = (requestId: number): VersionMeeting => {
    const meeting = byRequest.get(requestId);
    if (!meeting || !placements.meetings.has(meetingIdOf(requestId))) throw new EditRefusedError('NOT_FOUND');
    return meeting;
  };
  const movable = (requestId: number): VersionMeeting => {
    const meeting = scheduled(requestId);
    if (meeting.locked) throw new EditRefusedError('LOCKED');
    return meeting;
  };
  const placeIds = (slotId: number, tableId: number) => {
    const slot = built.inputs.slots.find((row) => row.id === slotId);
    const table = built.inputs.tables.find((row) => row.id === tableId);
    if (!slot || !table) throw new EditRefusedError('NOT_FOUND');
    return { slot: slot.code, table: table.label };
  };
  const tryPlace = (requestId: number, slot: string, table: string) => {
    const id = meetingIdOf(requestId);
    const conflicts = placements.conflicts(id, slot, table);
    if (conflicts.length > 0) throw new EditRefusedError('CONFLICT', conflicts);
    placements.add(id, slot, table);
  };

  switch (edit.kind) {
    case 'move': {
      const meeting = movable(edit.requestId);
      const target = placeIds(edit.slotId, edit.tableId);
      placements.remove(meetingIdOf(edit.requestId));
      tryPlace(edit.requestId, target.slot, target.table);
      updateMeetingPlace(db, meeting.id, edit.slotId, edit.tableId);
      return {
        touched: [edit.requestId],
        audit: { from: { slot: meeting.slotCode, table: meeting.tableLabel }, to: target },
      };
    }
    case 'swap': {
      const first = movable(edit.requestId);
      const second = movable(edit.otherRequestId);
      if (first.id === second.id) throw new EditRefusedError('NOT_FOUND');
      placements.remove(meetingIdOf(first.requestId));
      placements.remove(meetingIdOf(second.requestId));
      tryPlace(first.requestId, second.slotCode, second.tableLabel);
      tryPlace(second.requestId, first.slotCode, first.tableLabel);
      updateMeetingPlace(db, first.id, second.slotId, second.tableId);
      updateMeetingPlace(db, second.id, first.slotId, first.tableId);
      return {
        touched: [first.requestId, second.requestId],
        audit: {
          other: second.requestId,
          first: { slot: second.slotCode, table: second.tableLabel },
          second: { slot: first.slotCode, table: first.tableLabel },
        },
      };
    }
    case 'lock':
    case 'unlock': {
      const meeting = scheduled(edit.requestId);
      setMeetingLocked(db, meeting.id, edit.kind === 'lock');
      return { touched: [], audit: { slot: meeting.slotCode, table: meeting.tableLabel } };
    }
    case 'unschedule': {
      const meeting = movable(edit.requestId);
      placements.remove(meetingIdOf(edit.requestId));
      deleteMeeting(db, meeting.id);
      insertUnscheduled(db, draft.id, [
        // The page words it from the code (params are empty); the English reason is for schedule files.
        { requestId: edit.requestId, code: MANUAL_UNSCHEDULE, reason: 'unscheduled by an organizer', params: '{}' },
      ]);
      return { touched: [], audit: { slot: meeting.slotCode, table: meeting.tableLabel } };
    }
    case 'place': {
      const id = meetingIdOf(edit.requestId);
      if (!placements.meetings.has(id) || byRequest.has(edit.requestId)) throw new EditRefusedError('NOT_FOUND');
      const target = placeIds(edit.slotId, edit.tableId);
      tryPlace(edit.requestId, target.slot, target.table);
      deleteUnscheduled(db, draft.id, edit.requestId);
      insertMeetings(db, draft.id, [
        { requestId: edit.requestId, slotId: edit.slotId, tableId: edit.tableId, locked: false },
      ]);
      return { touched: [edit.requestId], audit: { to: target } };
    }
  }
}

// Refilling a slot freed by a no-show. Candidates are accepted requests left out of the published schedule that
// involve the party who came (both parties while nobody has checked in), whose other party is free in that slot;
// each is asked of the engine's hard rules (booths, tables, availability, caps) with the no-show's place freed,
// and ranked by priority. Confirming one edits the working draft through the timetable's edit service (the no-show
// is unscheduled, the candidate placed), so the organizer reviews the change and publishes it like any other.
import { DomainError, type MessageParams } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import { arrivalsOfEvent, outcomesOfEvent } from '../../db/index.js';
import { listRepresentatives } from '../../db/index.js';
import { meetingsOfVersion, publishedVersion, type VersionMeeting } from '../../db/index.js';
import type { Language } from '../../db/index.js';
import { applyEdit, EditRefusedError, type MeetingEdit } from '../timetable/index.js';
import { Placements, type Conflict } from '../../domain/index.js';
import { buildProblem, meetingIdOf, type EventRow } from '../scheduling/index.js';
import type { Actor } from '../../domain/index.js';
import { versionAsSchedule, workingVersion } from '../scheduling/index.js';

export interface RefillCandidate {
  readonly requestId: number;
  readonly priority: number;
  readonly pair: string;
  /** The table it would take: the freed one when the rules allow, else another free one in the slot. */
  readonly tableId: number;
  readonly tableLabel: string;
}

export interface RefillView {
  readonly meeting: {
    readonly id: number;
    readonly date: string;
    readonly startTime: string;
    readonly tableLabel: string;
    readonly pair: string;
  };
  /** Names of the organizations that checked in that day; empty when nobody did. */
  readonly present: readonly string[];
  readonly candidates: readonly RefillCandidate[];
}

/** A refused refill; `conflicts` name the rules the chosen meeting would break. */
export class RefillError extends DomainError {
  override name = 'RefillError';
  constructor(
    code: 'not_found' | 'conflict',
    key: string,
    params: MessageParams = {},
    readonly conflicts: readonly Conflict[] = [],
  ) {
    super(code, key, params);
  }
}

function localized(row: { nameKo: string; nameEn: string }, language: Language): string {
  return language === 'ko' ? row.nameKo || row.nameEn : row.nameEn || row.nameKo;
}

interface NoShow {
  readonly meeting: VersionMeeting;
  readonly live: readonly VersionMeeting[];
}

/** The published meeting, which must be recorded as a no-show. */
function noShowOf(db: Db, eventId: number, meetingId: number): NoShow {
  const published = publishedVersion(db, eventId);
  const live = published ? meetingsOfVersion(db, published.id).filter((m) => m.status !== 'cancelled') : [];
  const meeting = live.find((row) => row.id === meetingId);
  if (!meeting) throw new RefillError('not_found', 'staff.refill.stale');
  const noShow = outcomesOfEvent(db, eventId).some(
    (row) => row.kind === 'no_show' && row.requestId === meeting.requestId && row.slotId === meeting.slotId,
  );
  if (!noShow) throw new RefillError('conflict', 'staff.refill.notNoShow');
  return { meeting, live };
}

export function refillCandidates(db: Db, event: EventRow, meetingId: number, language: Language): RefillView {
  const { meeting, live } = noShowOf(db, event.id, meetingId);
  const published = publishedVersion(db, event.id)!;
  const built = buildProblem(db, event, { pinsFromVersionId: published.id });
  const placements = new Placements(built.problem, versionAsSchedule(db, built, published.id));
  placements.remove(meetingIdOf(meeting.requestId));

  const organizationOf = new Map(listRepresentatives(db, event.id).map((person) => [person.id, person.organizationId]));
  const arrivedOrganizations = new Set(
    arrivalsOfEvent(db, event.id)
      .filter((row) => row.dayId === meeting.dayId)
      .map((row) => organizationOf.get(row.representativeId)),
  );
  const parties = [meeting.requester, meeting.requested];
  const present = parties.filter((party) => arrivedOrganizations.has(party.id));
  const anchors = new Set((present.length > 0 ? present : parties).map((party) => party.id));

  const scheduled = new Set(live.map((row) => row.requestId));
  const slot = built.inputs.slots.find((row) => row.id === meeting.slotId)!;
  const tables = [
    ...built.inputs.tables.filter((table) => table.id === meeting.tableId),
    ...built.inputs.tables.filter((table) => table.id !== meeting.tableId),
  ];
  const organizations = new Map(built.inputs.organizations.map((org) => [org.id, org]));
  const candidates: RefillCandidate[] = [];
  for (const request of built.inputs.acceptedRequests) {
    if (scheduled.has(request.id) || request.id === meeting.requestId) continue;
    if (!anchors.has(request.requesterId) && !anchors.has(request.requestedId)) continue;
    const table = tables.find(
      (row) => placements.conflicts(meetingIdOf(request.id), slot.code, row.label).length === 0,
    );
    if (!table) continue;
    const [a, b] = [organizations.get(request.requesterId)!, organizations.get(request.requestedId)!];
    candidates.push({
      requestId: request.id,
      priority: request.priority,
      pair: `${localized(a, language)} – ${localized(b, language)}`,
      tableId: table.id,
      tableLabel: table.label,
    });
  }
  candidates.sort((x, y) => y.priority - x.priority || x.requestId - y.requestId);
  return {
    meeting: {
      id: meeting.id,
      date: meeting.date,
      startTime: meeting.startTime,
      tableLabel: meeting.tableLabel,
      pair: `${localized(meeting.requester, language)} – ${localized(meeting.requested, language)}`,
    },
    present: present.map((party) => localized(party, language)),
    candidates,
  };
}

/**
 * Puts the chosen candidate in the no-show's slot in the working draft (started from the published version when
 * there is none): the no-show leaves, the candidate comes in, both or neither. Returns the draft's number.
 */
export function refillSlot(
  db: Db,
  event: EventRow,
  input: { meetingId: number; requestId: number; tableId: number },
  actor: Actor,
): number {
  return db.transaction(() => {
    const view = refillCandidates(db, event, input.meetingId, 'en');
    const candidate = view.candidates.find((row) => row.requestId === input.requestId && row.tableId === input.tableId);
    if (!candidate) throw new RefillError('conflict', 'staff.refill.stale');
    const { meeting } = noShowOf(db, event.id, input.meetingId);

    const edit = (change: MeetingEdit) => {
      const version = workingVersion(db, event.id)!;
      return applyEdit(db, event, change, { versionId: version.id, revision: version.revision, actor }).version;
    };
    try {
      const working = workingVersion(db, event.id)!;
      const inWorking = meetingsOfVersion(db, working.id).find((row) => row.requestId === meeting.requestId);
      if (inWorking && inWorking.slotId === meeting.slotId) {
        if (inWorking.locked) edit({ kind: 'unlock', requestId: meeting.requestId });
        edit({ kind: 'unschedule', requestId: meeting.requestId });
      }
      return edit({ kind: 'place', requestId: input.requestId, slotId: meeting.slotId, tableId: input.tableId }).number;
    } catch (error) {
      if (error instanceof EditRefusedError) {
        throw new RefillError('conflict', error.reason === 'CONFLICT' ? 'staff.refill.conflict' : 'staff.refill.stale', {}, error.conflicts);
      }
      throw error;
    }
  });
}

// Check-ins from a staff link (or an organizer): a representative arrived, a meeting held, a no-show. Every action
// names the roster it was made on (day and room) and, for meetings, the slot and table the page showed; a meeting
// that moved since, or one of another room or day, is refused with a message saying what changed. A repeated tap
// records nothing new (unique indexes, insert … on conflict do nothing) and still answers as a success.
import { DomainError, type MessageParams } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import { eventOfRepresentative } from '../../db/index.js';
import { insertArrival, insertOutcome, outcomesOfEvent, setMeetingStatus } from '../../db/index.js';
import { rosterFrame } from '../../db/index.js';
import {
  meetingById,
  meetingsOfVersion,
  publishedVersion,
  versionById,
  type VersionMeeting,
} from '../../db/index.js';
import type { Language } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import type { LiveUpdates } from './live-updates.js';

export type CheckInAction =
  | {
      readonly kind: 'arrived';
      readonly representativeId: number;
      readonly date: string;
      readonly roomId: number;
    }
  | {
      readonly kind: 'held' | 'no_show';
      readonly meetingId: number;
      /** Where the page showed the meeting: a meeting moved since is refused. */
      readonly versionId: number;
      readonly slotId: number;
      readonly tableId: number;
      readonly date: string;
      readonly roomId: number;
    };

export interface CheckInActor {
  readonly eventId: number;
  /** A per-room staff link acts only in its room; null: any room. */
  readonly roomId: number | null;
  readonly accessTokenId: number | null;
  readonly userId: number | null;
  readonly language: Language;
}

export interface CheckInResult {
  /** False when the same check-in was already recorded (nothing written). */
  readonly recorded: boolean;
  readonly dayId: number;
}

/** A refused check-in: `messageKey` (staff.refused.*) with `params` says what is wrong or what changed. */
export class CheckInRefusedError extends DomainError {
  override name = 'CheckInRefusedError';
  constructor(code: 'not_found' | 'conflict', key: string, params: MessageParams = {}) {
    super(code, key, params);
    this.message = `${key} ${JSON.stringify(params)}`;
  }
}

export function recordCheckIn(
  db: Db,
  actor: CheckInActor,
  action: CheckInAction,
  live?: LiveUpdates,
): CheckInResult {
  const result = db.transaction(() => {
    const frame = rosterFrame(db, actor.eventId);
    const day = frame.days.find((row) => row.date === action.date);
    if (!day) throw new CheckInRefusedError('not_found', 'staff.refused.unknownDay', { date: action.date });
    const room = frame.rooms.find((row) => row.id === action.roomId);
    if (!room) throw new CheckInRefusedError('not_found', 'staff.refused.unknownRoom', { room: action.roomId });
    const roomName = (row: { nameKo: string; nameEn: string }) =>
      actor.language === 'ko' ? row.nameKo || row.nameEn : row.nameEn || row.nameKo;
    if (actor.roomId !== null && actor.roomId !== room.id) {
      const own = frame.rooms.find((row) => row.id === actor.roomId);
      throw new CheckInRefusedError('conflict', 'staff.refused.linkRoom', { room: own ? roomName(own) : '' });
    }
    const published = publishedVersion(db, actor.eventId);
    if (!published) throw new CheckInRefusedError('conflict', 'staff.refused.notPublished');
    const scheduled = meetingsOfVersion(db, published.id).filter((meeting) => meeting.status !== 'cancelled');

    if (action.kind === 'arrived') {
      const organizationId = organizationOf(db, action.representativeId);
      if (organizationId === null || eventOfRepresentative(db, action.representativeId) !== actor.eventId) {
        throw new CheckInRefusedError('not_found', 'staff.refused.unknownRepresentative', { id: action.representativeId });
      }
      const hasMeetingHere = scheduled.some(
        (meeting) =>
          meeting.dayId === day.id &&
          meeting.roomId === room.id &&
          (meeting.requester.id === organizationId || meeting.requested.id === organizationId),
      );
      if (!hasMeetingHere) {
        throw new CheckInRefusedError('conflict', 'staff.refused.noMeetingHere', { room: roomName(room), date: day.date });
      }
      const recorded = insertArrival(db, {
        eventId: actor.eventId,
        dayId: day.id,
        representativeId: action.representativeId,
        accessTokenId: actor.accessTokenId,
        userId: actor.userId,
      });
      if (recorded) audit(db, actor, 'checkin.arrived', `representative:${action.representativeId}`, { date: day.date });
      return { recorded, dayId: day.id };
    }

    const shown = meetingById(db, action.meetingId);
    const shownVersion = shown ? versionById(db, shown.versionId) : null;
    if (!shown || shownVersion?.eventId !== actor.eventId) {
      throw new CheckInRefusedError('not_found', 'staff.refused.unknownMeeting', { id: action.meetingId });
    }
    const current = scheduled.find((meeting) => meeting.requestId === shown.requestId);
    if (!current) throw new CheckInRefusedError('conflict', 'staff.refused.removed', { version: published.number });
    if (current.slotId !== action.slotId || current.tableId !== action.tableId) {
      throw new CheckInRefusedError('conflict', 'staff.refused.moved', { version: published.number, ...placeOf(current, actor.language) });
    }
    if (current.roomId !== room.id) {
      throw new CheckInRefusedError('conflict', 'staff.refused.otherRoom', placeOf(current, actor.language));
    }
    if (current.dayId !== day.id) {
      throw new CheckInRefusedError('conflict', 'staff.refused.otherDay', placeOf(current, actor.language));
    }
    // The same meeting (request and slot) may have been checked on an earlier version's row: it counts once.
    const earlier = outcomesOfEvent(db, actor.eventId).find(
      (row) => row.requestId === current.requestId && row.slotId === current.slotId,
    );
    if (earlier && earlier.kind !== action.kind) {
      throw new CheckInRefusedError('conflict', `staff.refused.already.${earlier.kind}`);
    }
    const recorded =
      !earlier &&
      insertOutcome(db, {
        eventId: actor.eventId,
        dayId: day.id,
        meetingId: current.id,
        kind: action.kind,
        accessTokenId: actor.accessTokenId,
        userId: actor.userId,
      });
    if (recorded) {
      setMeetingStatus(db, current.id, action.kind);
      audit(db, actor, `checkin.${action.kind}`, `request:${current.requestId}`, { slot: current.slotCode, table: current.tableLabel });
    }
    return { recorded, dayId: day.id };
  });
  if (result.recorded) live?.notify(actor.eventId, { type: 'checkin', dayId: result.dayId, roomId: action.roomId });
  return result;
}

function organizationOf(db: Db, representativeId: number): number | null {
  return db.query.representatives.findFirst({ where: (row, { eq }) => eq(row.id, representativeId) }).sync()?.organizationId ?? null;
}

function placeOf(meeting: VersionMeeting, language: Language): Record<string, string> {
  return {
    date: meeting.date,
    start: meeting.startTime,
    table: meeting.tableLabel,
    room: language === 'ko' ? meeting.roomNameKo || meeting.roomNameEn : meeting.roomNameEn || meeting.roomNameKo,
  };
}

function audit(db: Db, actor: CheckInActor, action: string, subject: string, details: Record<string, unknown>): void {
  recordAudit(db, {
    eventId: actor.eventId,
    userId: actor.userId,
    actor: actor.accessTokenId !== null ? `staff:${actor.accessTokenId}` : actor.userId !== null ? `user:${actor.userId}` : 'system',
    action,
    subject,
    details,
  });
}

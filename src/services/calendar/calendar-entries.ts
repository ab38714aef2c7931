// Calendar entries live across schedule versions: one per request, with a UID that never changes and a SEQUENCE
// that rises whenever what a calendar shows (day, time, table) changes or the meeting is cancelled, so calendar
// clients update the entry they already have instead of adding a second one.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.js';
import {
  calendarEntriesOfEvent,
  findVersionById,
  insertCalendarEntry,
  agendaMeetingsOfVersion,
  updateCalendarEntry,
  type AgendaMeetingRow,
} from '../../db/index.js';

export interface CalendarSyncResult {
  /** Request ids whose meeting is new to calendars (SEQUENCE 0, or revived after a cancellation). */
  readonly created: number[];
  readonly changed: number[];
  readonly cancelled: number[];
  readonly unchanged: number[];
}

/** What a calendar entry shows; a different value means a new SEQUENCE. */
export function meetingFingerprint(meeting: AgendaMeetingRow): string {
  return `${meeting.date} ${meeting.startTime}-${meeting.endTime} table:${meeting.tableId}`;
}

export function isCalendarVisible(meeting: AgendaMeetingRow): boolean {
  return meeting.status !== 'cancelled';
}

export function newCalendarUid(): string {
  return `${randomUUID()}@meetgrid`;
}

/**
 * Brings the event's calendar entries in line with a published version. Running it twice for the same version
 * changes nothing the second time.
 */
export function syncCalendarEntries(db: Db, eventId: number, publishedVersionId: number): CalendarSyncResult {
  // better-sqlite3 runs the transaction on this one connection, so the repository calls below join it.
  return db.transaction(() => {
    const version = findVersionById(db, publishedVersionId);
    if (!version || version.eventId !== eventId) {
      throw new Error(`schedule version ${publishedVersionId} does not belong to event ${eventId}`);
    }
    const result: CalendarSyncResult = { created: [], changed: [], cancelled: [], unchanged: [] };
    const entries = new Map(calendarEntriesOfEvent(db, eventId).map((entry) => [entry.requestId, entry]));
    const visible = new Set<number>();
    const now = new Date();
    for (const meeting of agendaMeetingsOfVersion(db, publishedVersionId)) {
      if (!isCalendarVisible(meeting)) continue;
      visible.add(meeting.requestId);
      const fingerprint = meetingFingerprint(meeting);
      const entry = entries.get(meeting.requestId);
      if (!entry) {
        insertCalendarEntry(db, { requestId: meeting.requestId, eventId, uid: newCalendarUid(), fingerprint });
        result.created.push(meeting.requestId);
      } else if (entry.cancelled || entry.fingerprint !== fingerprint) {
        updateCalendarEntry(db, meeting.requestId, {
          sequence: entry.sequence + 1,
          fingerprint,
          cancelled: false,
          updatedAt: now,
        });
        (entry.cancelled ? result.created : result.changed).push(meeting.requestId);
      } else {
        result.unchanged.push(meeting.requestId);
      }
    }
    for (const entry of entries.values()) {
      if (visible.has(entry.requestId) || entry.cancelled) continue;
      updateCalendarEntry(db, entry.requestId, {
        sequence: entry.sequence + 1,
        fingerprint: entry.fingerprint,
        cancelled: true,
        updatedAt: now,
      });
      result.cancelled.push(entry.requestId);
    }
    return result;
  });
}

// The calendar files a participant downloads or subscribes to: the whole agenda, the webcal feed and one file per
// meeting, all METHOD:PUBLISH. Cancelled meetings are left out, so subscribed calendars drop them.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.js';
import {
  findAgendaHolder,
  findPublishedVersion,
  meetingsOfOrganization,
  type AgendaMeetingRow,
} from '../../db/index.js';
import { translate, type Language } from '../../i18n/index.js';
import { isCalendarVisible, meetingFingerprint, syncCalendarEntries } from './calendar-entries.js';
import { writeCalendar } from './ics-writer.js';
import {
  eventName,
  eventOrganizer,
  loadDirectory,
  toCalendarEvent,
} from './meeting-events.js';

export interface CalendarFileRequest {
  readonly accessTokenId: number;
  readonly agendaUrl: string;
  /** The configured sender ("Name <address>"), used as ORGANIZER. */
  readonly from?: string;
  readonly language?: Language;
}

export interface CalendarFile {
  readonly body: string;
  /** A hash of the body, so polling calendar apps get 304 Not Modified until something changes. */
  readonly etag: string;
}

/** The whole agenda as one calendar; undefined when the link is not a participant link. */
export function agendaCalendar(db: Db, request: CalendarFileRequest): CalendarFile | undefined {
  return buildCalendar(db, request, () => true);
}

/** One meeting's calendar file; undefined when the link or the meeting (by calendar UID) is unknown or cancelled. */
export function meetingCalendar(db: Db, request: CalendarFileRequest, uid: string): CalendarFile | undefined {
  const file = buildCalendar(db, request, (meeting) => meeting.uid === uid);
  return file && file.count === 1 ? file : undefined;
}

function buildCalendar(
  db: Db,
  request: CalendarFileRequest,
  keep: (meeting: AgendaMeetingRow) => boolean,
): (CalendarFile & { count: number }) | undefined {
  const holder = findAgendaHolder(db, request.accessTokenId);
  if (!holder) return undefined;
  const language = request.language ?? holder.representative.language;
  const published = findPublishedVersion(db, holder.event.id);
  const organizationId = holder.organization.id;
  let rows = published ? meetingsOfOrganization(db, published.id, organizationId).filter(isCalendarVisible) : [];
  // A version published without calendar bookkeeping gets it now, so every meeting has its UID and SEQUENCE.
  if (published && rows.some(needsSync)) {
    syncCalendarEntries(db, holder.event.id, published.id);
    rows = meetingsOfOrganization(db, published.id, organizationId).filter(isCalendarVisible);
  }
  const chosen = rows.filter(keep);
  const directory = loadDirectory(db, organizationId, chosen);
  const name = eventName(holder.event, language);
  const context = {
    event: holder.event,
    language,
    viewerOrganizationId: organizationId,
    agendaUrl: request.agendaUrl,
    organizer: eventOrganizer(name, request.from),
    stamp: published?.publishedAt?.getTime() ?? 0,
    directory,
  };
  const entries = chosen.map((meeting) =>
    toCalendarEvent(meeting, { uid: meeting.uid ?? '', sequence: meeting.sequence ?? 0, cancelled: false }, context),
  );
  const body = writeCalendar('PUBLISH', entries, translate(language, 'participants.ics.calendarName', { event: name }));
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { body, etag, count: chosen.length };
}

function needsSync(meeting: AgendaMeetingRow): boolean {
  return meeting.uid === null || meeting.calendarCancelled === true || meeting.calendarFingerprint !== meetingFingerprint(meeting);
}

// The participant's agenda as a view model: the published schedule seen from one representative's organization,
// in their language, with "changed since you last looked" marks against the version they saw before.
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import type { Db } from '../../db/index.js';
import {
  findAgendaHolder,
  findPublishedVersion,
  findVersionByNumber,
  markVersionSeen,
  meetingsOfOrganization,
  organizationsByIds,
  type AgendaHolder,
  type AgendaMeetingRow,
  type AgendaRepresentative,
  type PublishedVersionRow,
} from '../../db/index.js';
import { translator, type Language } from '../../i18n/index.js';
import { isCalendarVisible, meetingFingerprint } from '../calendar/index.js';
import {
  eventName,
  loadDirectory,
  localInstant,
  organizationName,
  otherOrganizationId,
  roomName,
  type MeetingDirectory,
} from '../calendar/index.js';

export type MeetingChange = 'new' | 'moved' | null;

export interface AgendaMeetingView {
  readonly uid: string | null;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  /** ISO instants, for the viewer's own time zone shown beside the event's. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly room: string;
  readonly table: string;
  readonly cancelled: boolean;
  readonly change: MeetingChange;
  readonly other: {
    readonly name: string;
    readonly kind: string;
    readonly sector: string;
    readonly representatives: readonly string[];
  };
  readonly ownRepresentatives: readonly string[];
}

export interface AgendaDayView {
  readonly date: string;
  readonly label: string;
  readonly meetings: readonly AgendaMeetingView[];
}

export interface AgendaRemovedView {
  readonly date: string;
  readonly start: string;
  readonly otherName: string;
}

export interface AgendaView {
  readonly language: Language;
  readonly eventName: string;
  readonly venue: string;
  readonly timezone: string;
  readonly representativeName: string;
  readonly organizationName: string;
  readonly organizationKind: string;
  readonly representatives: readonly string[];
  /** Null while no schedule is published: the page says so instead of showing drafts. */
  readonly version: { readonly number: number; readonly publishedOn: string } | null;
  readonly changedSinceLastLook: boolean;
  readonly days: readonly AgendaDayView[];
  readonly removed: readonly AgendaRemovedView[];
  readonly meetingCount: number;
}

export interface AgendaRequest {
  readonly accessTokenId: number;
  /** The viewer's choice; the representative's own preference otherwise. */
  readonly language?: Language;
  /** Remember that the holder has now seen the published version (the interactive page does; print and files don't). */
  readonly markSeen: boolean;
  readonly now?: Date;
}

/** Undefined when the access token is not a participant link. */
export function loadAgenda(db: Db, request: AgendaRequest): AgendaView | undefined {
  const holder = findAgendaHolder(db, request.accessTokenId);
  if (!holder) return undefined;
  const language = request.language ?? holder.representative.language;
  const published = findPublishedVersion(db, holder.event.id);
  const organizationId = holder.organization.id;
  const rows = published ? meetingsOfOrganization(db, published.id, organizationId) : [];
  const directory = loadDirectory(db, organizationId, rows);
  const own = directory.representatives.get(organizationId) ?? [];
  const seen = published ? seenVersion(db, holder, published) : undefined;
  const seenRows = seen ? new Map(meetingsOfOrganization(db, seen.id, organizationId).map((m) => [m.requestId, m])) : undefined;
  const t = translator(language);
  const timezone = holder.event.timezone;

  const visible = rows.filter(isCalendarVisible);
  const byDate = new Map<string, AgendaMeetingView[]>();
  for (const meeting of visible) {
    const list = byDate.get(meeting.date) ?? [];
    list.push(meetingView(meeting, organizationId, directory, own, language, timezone, changeOf(meeting, seenRows)));
    byDate.set(meeting.date, list);
  }
  const days = [...byDate].map(([date, meetings]) => ({ date, label: dayLabel(date, language), meetings }));
  const visibleIds = new Set(visible.map((meeting) => meeting.requestId));
  const removed = seenRows
    ? [...seenRows.values()]
        .filter((meeting) => isCalendarVisible(meeting) && !visibleIds.has(meeting.requestId))
        .map((meeting) => ({
          date: dayLabel(meeting.date, language),
          start: meeting.startTime,
          otherName: removedName(db, meeting, organizationId, language),
        }))
    : [];
  const changedSinceLastLook = removed.length > 0 || days.some((day) => day.meetings.some((m) => m.change));

  if (published && request.markSeen && holder.lastSeenVersionNumber !== published.number) {
    markVersionSeen(db, holder.tokenId, published.number, request.now ?? new Date());
  }
  return {
    language,
    eventName: eventName(holder.event, language),
    venue: holder.event.venue,
    timezone,
    representativeName: holder.representative.name,
    organizationName: organizationName(holder.organization, language),
    organizationKind: t(`participants.kind.${holder.organization.kind}`),
    representatives: own.map((person) => person.name),
    version: published
      ? {
          number: published.number,
          publishedOn: published.publishedAt ? formatInstant(published.publishedAt, timezone, language) : '',
        }
      : null,
    changedSinceLastLook,
    days,
    removed,
    meetingCount: visible.length,
  };
}

function seenVersion(db: Db, holder: AgendaHolder, published: PublishedVersionRow): PublishedVersionRow | undefined {
  const seenNumber = holder.lastSeenVersionNumber;
  if (seenNumber === null || seenNumber >= published.number) return undefined;
  return findVersionByNumber(db, holder.event.id, seenNumber);
}

function changeOf(meeting: AgendaMeetingRow, seen: ReadonlyMap<number, AgendaMeetingRow> | undefined): MeetingChange {
  if (!seen) return null;
  const before = seen.get(meeting.requestId);
  if (!before || !isCalendarVisible(before)) return 'new';
  return meetingFingerprint(before) === meetingFingerprint(meeting) ? null : 'moved';
}

function removedName(db: Db, meeting: AgendaMeetingRow, organizationId: number, language: Language): string {
  const [other] = organizationsByIds(db, [otherOrganizationId(meeting, organizationId)]);
  return organizationName(other, language);
}

function meetingView(
  meeting: AgendaMeetingRow,
  organizationId: number,
  directory: MeetingDirectory,
  own: readonly AgendaRepresentative[],
  language: Language,
  timezone: string,
  change: MeetingChange,
): AgendaMeetingView {
  const t = translator(language);
  const otherId = otherOrganizationId(meeting, organizationId);
  const other = directory.organizations.get(otherId);
  return {
    uid: meeting.uid,
    date: meeting.date,
    start: meeting.startTime,
    end: meeting.endTime,
    startsAt: new Date(localInstant(meeting.date, meeting.startTime, timezone)).toISOString(),
    endsAt: new Date(localInstant(meeting.date, meeting.endTime, timezone)).toISOString(),
    room: roomName(meeting, language),
    table: meeting.tableLabel,
    cancelled: meeting.status === 'cancelled',
    change,
    other: {
      name: organizationName(other, language),
      kind: other ? t(`participants.kind.${other.kind}`) : '',
      sector: other?.sector ?? '',
      representatives: (directory.representatives.get(otherId) ?? []).map((person) => person.name),
    },
    ownRepresentatives: own.map((person) => person.name),
  };
}

function locale(language: Language): string {
  return language === 'ko' ? 'ko-KR' : 'en-GB';
}

// Locale formatting goes through Intl and costs more than the database reads of a page; an event has few days
// and versions, so each label is made once.
const labels = new Map<string, string>();

function remembered(key: string, make: () => string): string {
  let label = labels.get(key);
  if (label === undefined) {
    if (labels.size >= 10_000) labels.clear();
    label = make();
    labels.set(key, label);
  }
  return label;
}

export function dayLabel(date: string, language: Language): string {
  return remembered(`day ${date} ${language}`, () =>
    DateTime.fromISO(date)
      .setLocale(locale(language))
      .toLocaleString({ weekday: 'short', month: 'long', day: 'numeric', year: 'numeric' }),
  );
}

function formatInstant(at: Date, zone: string, language: Language): string {
  return remembered(`instant ${at.getTime()} ${zone} ${language}`, () =>
    DateTime.fromJSDate(at, { zone }).setLocale(locale(language)).toLocaleString(DateTime.DATETIME_MED),
  );
}

/** The agenda link as a QR code (SVG), printed on the paper agenda so phones open the live one. */
export function agendaQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

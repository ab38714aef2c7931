// One meeting as a calendar entry, seen from one organization: the title names the other party, LOCATION carries
// room and table, DESCRIPTION the agenda link, ATTENDEEs are the representatives of both organizations.
import { DateTime } from 'luxon';
import type { Db } from '../../db/index.js';
import {
  organizationsByIds,
  representativesOfOrganizations,
  type AgendaEvent,
  type AgendaMeetingRow,
  type AgendaOrganization,
  type AgendaRepresentative,
} from '../../db/index.js';
import { translator, type Language } from '../../i18n/index.js';
import type { CalendarEvent, CalendarPerson } from './ics-writer.js';

export interface MeetingDirectory {
  readonly organizations: ReadonlyMap<number, AgendaOrganization>;
  readonly representatives: ReadonlyMap<number, readonly AgendaRepresentative[]>;
}

export interface MeetingEventContext {
  readonly event: AgendaEvent;
  readonly language: Language;
  readonly viewerOrganizationId: number;
  readonly agendaUrl: string;
  readonly organizer: CalendarPerson;
  readonly stamp: number;
  readonly directory: MeetingDirectory;
}

/** The organization seen from `organizationId` and every other party of its meetings, with their representatives. */
export function loadDirectory(db: Db, organizationId: number, rows: readonly AgendaMeetingRow[]): MeetingDirectory {
  const ids = new Set<number>([organizationId]);
  for (const row of rows) ids.add(otherOrganizationId(row, organizationId));
  return loadOrganizations(db, [...ids]);
}

/** The given organizations with their representatives, in two queries whatever their number. */
export function loadOrganizations(db: Db, ids: readonly number[]): MeetingDirectory {
  const organizations = new Map(organizationsByIds(db, ids).map((org) => [org.id, org]));
  const representatives = new Map<number, AgendaRepresentative[]>();
  for (const person of representativesOfOrganizations(db, ids)) {
    const list = representatives.get(person.organizationId) ?? [];
    list.push(person);
    representatives.set(person.organizationId, list);
  }
  return { organizations, representatives };
}

const DEFAULT_ORGANIZER_EMAIL = 'no-reply@meetgrid.local';

/** The ORGANIZER of every entry: the sender configured for e-mail, named after the event. */
export function eventOrganizer(eventName: string, from: string | undefined): CalendarPerson {
  const match = from ? /<([^<>\s]+@[^<>\s]+)>|^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(from) : null;
  return { name: eventName, email: match?.[1] ?? match?.[2] ?? DEFAULT_ORGANIZER_EMAIL };
}

// Zone arithmetic is the costliest step of an agenda page, and an event has only a few dozen distinct slot times.
const instants = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

/** Epoch milliseconds of a local date and time in the event's zone. */
export function localInstant(date: string, time: string, zone: string): number {
  const key = `${zone} ${date}T${time}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const instant = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!instant.isValid) throw new Error(`invalid date or time "${date} ${time}" in zone ${zone}`);
  if (instants.size >= MAX_REMEMBERED) instants.clear();
  instants.set(key, instant.toMillis());
  return instant.toMillis();
}

export function organizationName(organization: AgendaOrganization | undefined, language: Language): string {
  if (!organization) return '';
  return language === 'ko' ? organization.nameKo || organization.nameEn : organization.nameEn || organization.nameKo;
}

export function otherOrganizationId(meeting: AgendaMeetingRow, viewerOrganizationId: number): number {
  return meeting.requesterId === viewerOrganizationId ? meeting.requestedId : meeting.requesterId;
}

export function roomName(meeting: AgendaMeetingRow, language: Language): string {
  return language === 'ko' ? meeting.roomKo || meeting.roomEn : meeting.roomEn || meeting.roomKo;
}

export function eventName(event: AgendaEvent, language: Language): string {
  return language === 'ko' ? event.nameKo || event.nameEn : event.nameEn || event.nameKo;
}

export function toCalendarEvent(
  meeting: AgendaMeetingRow,
  calendar: { uid: string; sequence: number; cancelled: boolean },
  context: MeetingEventContext,
): CalendarEvent {
  const t = translator(context.language);
  const { directory, event, language } = context;
  const otherId = otherOrganizationId(meeting, context.viewerOrganizationId);
  const other = directory.organizations.get(otherId);
  const otherName = organizationName(other, language);
  const otherPeople = (directory.representatives.get(otherId) ?? []).map((person) => person.name);
  const attendees = [meeting.requesterId, meeting.requestedId].flatMap((id) =>
    (directory.representatives.get(id) ?? []).map((person) => ({ name: person.name, email: person.email })),
  );
  const description = [
    t('participants.ics.with', { name: otherName }),
    other?.sector ? t('participants.ics.sector', { sector: other.sector }) : '',
    otherPeople.length > 0 ? t('participants.ics.representatives', { names: otherPeople.join(', ') }) : '',
    t('participants.ics.agendaLink', { url: context.agendaUrl }),
  ].filter((line) => line !== '');
  return {
    uid: calendar.uid,
    sequence: calendar.sequence,
    start: localInstant(meeting.date, meeting.startTime, event.timezone),
    end: localInstant(meeting.date, meeting.endTime, event.timezone),
    stamp: context.stamp,
    title: t('participants.ics.title', { name: otherName, event: eventName(event, language) }),
    location: t('participants.ics.location', {
      room: roomName(meeting, language),
      table: meeting.tableLabel,
      venue: event.venue,
    }).replace(/,\s*$/, ''),
    description: description.join('\n'),
    url: context.agendaUrl,
    cancelled: calendar.cancelled,
    organizer: context.organizer,
    attendees,
  };
}

// Reads for participants' agendas and calendar files: one organization's meetings in one schedule version,
// with everything a page or a calendar entry shows. Each function is a handful of indexed queries.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { eventColumns } from './event-repository.js';
import { perDatabase } from '../internals/per-database.js';
import {
  accessTokens,
  calendarEntries,
  eventDays,
  events,
  meetings,
  organizations,
  representatives,
  requests,
  rooms,
  scheduleVersions,
  slots,
  tables,
  type Language,
  type MeetingStatus,
} from '../schema/index.js';

export interface AgendaEvent {
  readonly id: number;
  readonly slug: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly venue: string;
  readonly timezone: string;
}

export interface AgendaOrganization {
  readonly id: number;
  readonly code: string;
  readonly kind: 'corporate' | 'startup';
  readonly nameKo: string;
  readonly nameEn: string;
  readonly sector: string;
}

export interface AgendaRepresentative {
  readonly id: number;
  readonly organizationId: number;
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly language: Language;
}

export interface AgendaHolder {
  readonly tokenId: number;
  readonly lastSeenVersionNumber: number | null;
  readonly representative: AgendaRepresentative;
  readonly organization: AgendaOrganization;
  readonly event: AgendaEvent;
}

export interface PublishedVersionRow {
  readonly id: number;
  readonly number: number;
  readonly publishedAt: Date | null;
}

export interface AgendaMeetingRow {
  readonly meetingId: number;
  readonly requestId: number;
  readonly status: MeetingStatus;
  readonly slotId: number;
  readonly tableId: number;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly tableLabel: string;
  readonly roomKo: string;
  readonly roomEn: string;
  readonly requesterId: number;
  readonly requestedId: number;
  readonly uid: string | null;
  readonly sequence: number | null;
  /** What the calendar entry last recorded; differs from the meeting when bookkeeping has not caught up. */
  readonly calendarFingerprint: string | null;
  readonly calendarCancelled: boolean | null;
}

const representativeColumns = {
  id: representatives.id,
  organizationId: representatives.organizationId,
  name: representatives.name,
  title: representatives.title,
  email: representatives.email,
  language: representatives.language,
};

const organizationColumns = {
  id: organizations.id,
  code: organizations.code,
  kind: organizations.kind,
  nameKo: organizations.nameKo,
  nameEn: organizations.nameEn,
  sector: organizations.sector,
};

// The agenda page and the feeds run these on every request. Building a drizzle query costs far more than running
// it, so they are prepared once per database and reused.
const idList = (name: string) => sql`(select value from json_each(${sql.placeholder(name)}))`;

function prepare(db: Db) {
  return {
    holder: db
      .select({
        tokenId: accessTokens.id,
        lastSeenVersionNumber: accessTokens.lastSeenVersionNumber,
        representative: representativeColumns,
        organization: organizationColumns,
        event: eventColumns,
      })
      .from(accessTokens)
      .innerJoin(representatives, eq(representatives.id, accessTokens.representativeId))
      .innerJoin(organizations, eq(organizations.id, representatives.organizationId))
      .innerJoin(events, eq(events.id, accessTokens.eventId))
      .where(and(eq(accessTokens.id, sql.placeholder('accessTokenId')), eq(accessTokens.kind, 'participant')))
      .prepare(),
    publishedVersion: db
      .select({ id: scheduleVersions.id, number: scheduleVersions.number, publishedAt: scheduleVersions.publishedAt })
      .from(scheduleVersions)
      .where(and(eq(scheduleVersions.eventId, sql.placeholder('eventId')), eq(scheduleVersions.status, 'published')))
      .orderBy(desc(scheduleVersions.number))
      .limit(1)
      .prepare(),
    // Starts from the organization's requests (two indexed lookups), not from every meeting of the version.
    meetingsOfOrganization: meetingQuery(db)
      .where(
        and(
          eq(meetings.versionId, sql.placeholder('versionId')),
          inArray(
            meetings.requestId,
            sql`(select ${requests.id} from ${requests} where ${requests.requesterId} = ${sql.placeholder('organizationId')}
              union all select ${requests.id} from ${requests} where ${requests.requestedId} = ${sql.placeholder('organizationId')})`,
          ),
        ),
      )
      .orderBy(asc(eventDays.date), asc(slots.startTime), asc(meetings.id))
      .prepare(),
    organizationsByIds: db
      .select(organizationColumns)
      .from(organizations)
      .where(inArray(organizations.id, idList('ids')))
      .prepare(),
    representativesOfOrganizations: db
      .select(representativeColumns)
      .from(representatives)
      .where(inArray(representatives.organizationId, idList('ids')))
      .orderBy(asc(representatives.id))
      .prepare(),
  };
}

const prepared = perDatabase(prepare);

/** The representative, organization and event behind a participant access token (revoked ones included). */
export function findAgendaHolder(db: Db, accessTokenId: number): AgendaHolder | undefined {
  return prepared(db).holder.get({ accessTokenId });
}

/** The event's currently published schedule version, if any. */
export function findPublishedVersion(db: Db, eventId: number): PublishedVersionRow | undefined {
  return prepared(db).publishedVersion.get({ eventId });
}

export function findVersionByNumber(db: Db, eventId: number, number: number): PublishedVersionRow | undefined {
  return db
    .select({ id: scheduleVersions.id, number: scheduleVersions.number, publishedAt: scheduleVersions.publishedAt })
    .from(scheduleVersions)
    .where(and(eq(scheduleVersions.eventId, eventId), eq(scheduleVersions.number, number)))
    .get();
}

export function findVersionById(db: Db, versionId: number): (PublishedVersionRow & { eventId: number }) | undefined {
  return db
    .select({
      id: scheduleVersions.id,
      eventId: scheduleVersions.eventId,
      number: scheduleVersions.number,
      publishedAt: scheduleVersions.publishedAt,
    })
    .from(scheduleVersions)
    .where(eq(scheduleVersions.id, versionId))
    .get();
}

const meetingColumns = {
  meetingId: meetings.id,
  requestId: meetings.requestId,
  status: meetings.status,
  slotId: meetings.slotId,
  tableId: meetings.tableId,
  date: eventDays.date,
  startTime: slots.startTime,
  endTime: slots.endTime,
  tableLabel: tables.label,
  roomKo: rooms.nameKo,
  roomEn: rooms.nameEn,
  requesterId: requests.requesterId,
  requestedId: requests.requestedId,
  uid: calendarEntries.uid,
  sequence: calendarEntries.sequence,
  calendarFingerprint: calendarEntries.fingerprint,
  calendarCancelled: calendarEntries.cancelled,
};

function meetingQuery(db: Db) {
  return db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(requests, eq(requests.id, meetings.requestId))
    .innerJoin(slots, eq(slots.id, meetings.slotId))
    .innerJoin(eventDays, eq(eventDays.id, slots.dayId))
    .innerJoin(tables, eq(tables.id, meetings.tableId))
    .innerJoin(rooms, eq(rooms.id, tables.roomId))
    .leftJoin(calendarEntries, eq(calendarEntries.requestId, meetings.requestId));
}

/** One organization's meetings in a version, in time order. */
export function meetingsOfOrganization(db: Db, versionId: number, organizationId: number): AgendaMeetingRow[] {
  return prepared(db).meetingsOfOrganization.all({ versionId, organizationId });
}

/** Every meeting of a version, in time order. */
export function agendaMeetingsOfVersion(db: Db, versionId: number): AgendaMeetingRow[] {
  return meetingQuery(db)
    .where(eq(meetings.versionId, versionId))
    .orderBy(asc(eventDays.date), asc(slots.startTime), asc(meetings.id))
    .all();
}

export function organizationsByIds(db: Db, ids: readonly number[]): AgendaOrganization[] {
  if (ids.length === 0) return [];
  return prepared(db).organizationsByIds.all({ ids: JSON.stringify(ids) });
}

export function representativesOfOrganizations(db: Db, ids: readonly number[]): AgendaRepresentative[] {
  if (ids.length === 0) return [];
  return prepared(db).representativesOfOrganizations.all({ ids: JSON.stringify(ids) });
}

export function findEvent(db: Db, eventId: number): AgendaEvent | undefined {
  return db
    .select(eventColumns)
    .from(events)
    .where(eq(events.id, eventId))
    .get();
}

/** Remembers which published version the holder of a link has now seen. */
export function markVersionSeen(db: Db, accessTokenId: number, versionNumber: number, now: Date): void {
  db.update(accessTokens)
    .set({ lastSeenVersionNumber: versionNumber, lastUsedAt: now })
    .where(eq(accessTokens.id, accessTokenId))
    .run();
}

// Schedule versions, their meetings and the requests they left unscheduled.
//
// Read functions for other parts of the product (agenda, staff rosters, calendar):
// - `publishedVersion(db, eventId)`: the version participants and staff see, or null before the first publish.
// - `meetingsOfVersion(db, versionId)`: its meetings with slot, day, table, room and both organizations joined,
//   ordered by day, slot position and table position.
// Repository functions run inside a caller's `db.transaction(() => …)` when called from one: better-sqlite3 has a
// single connection, so every statement issued meanwhile belongs to that transaction.
import { and, asc, desc, eq, max, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import {
  eventDays,
  meetings,
  organizations,
  requests,
  rooms,
  scheduleVersions,
  slots,
  tables,
  unscheduledRequests,
} from '../schema/index.js';
import { inChunks } from '../internals/in-chunks.js';

export type VersionRow = typeof scheduleVersions.$inferSelect;
export type VersionStatus = VersionRow['status'];

export interface MeetingOrganization {
  readonly id: number;
  readonly code: string;
  readonly kind: 'corporate' | 'startup';
  readonly nameKo: string;
  readonly nameEn: string;
  readonly sector: string;
}

export interface VersionMeeting {
  readonly id: number;
  readonly versionId: number;
  readonly requestId: number;
  readonly locked: boolean;
  readonly status: 'scheduled' | 'cancelled' | 'held' | 'no_show';
  readonly slotId: number;
  readonly slotCode: string;
  readonly slotPosition: number;
  readonly startTime: string;
  readonly endTime: string;
  readonly session: 'am' | 'pm';
  readonly dayId: number;
  readonly date: string;
  readonly tableId: number;
  readonly tableLabel: string;
  readonly roomId: number;
  readonly roomNameKo: string;
  readonly roomNameEn: string;
  readonly requester: MeetingOrganization;
  readonly requested: MeetingOrganization;
}

export interface UnscheduledRow {
  readonly requestId: number;
  readonly code: string;
  readonly reason: string;
  /** JSON of the explanation's params, or null on rows written before they were kept. */
  readonly params: string | null;
  readonly requester: MeetingOrganization;
  readonly requested: MeetingOrganization;
  readonly priority: number;
}

/** The published version of an event (participants and staff see it), or null if nothing is published. */
export function publishedVersion(db: Db, eventId: number): VersionRow | null {
  return latestWithStatus(db, eventId, 'published');
}

/** The draft being prepared (the latest one), or null. */
export function draftVersion(db: Db, eventId: number): VersionRow | null {
  return latestWithStatus(db, eventId, 'draft');
}

function latestWithStatus(db: Db, eventId: number, status: VersionStatus): VersionRow | null {
  return (
    db
      .select()
      .from(scheduleVersions)
      .where(and(eq(scheduleVersions.eventId, eventId), eq(scheduleVersions.status, status)))
      .orderBy(desc(scheduleVersions.number))
      .get() ?? null
  );
}

export function versionById(db: Db, versionId: number): VersionRow | null {
  return db.select().from(scheduleVersions).where(eq(scheduleVersions.id, versionId)).get() ?? null;
}

export interface NewVersion {
  readonly eventId: number;
  readonly basedOnVersionId: number | null;
  readonly engineStatus: string;
  readonly statsJson: string;
  readonly note: string;
  readonly createdByUserId: number | null;
}

/** Inserts a draft with the next number; older drafts are superseded so an event has one draft at a time. */
export function insertDraftVersion(db: Db, version: NewVersion): VersionRow {
  const last = db
    .select({ number: max(scheduleVersions.number) })
    .from(scheduleVersions)
    .where(eq(scheduleVersions.eventId, version.eventId))
    .get();
  db.update(scheduleVersions)
    .set({ status: 'superseded' })
    .where(and(eq(scheduleVersions.eventId, version.eventId), eq(scheduleVersions.status, 'draft')))
    .run();
  return db
    .insert(scheduleVersions)
    .values({ ...version, number: (last?.number ?? 0) + 1, status: 'draft' })
    .returning()
    .get();
}

export interface NewMeeting {
  readonly requestId: number;
  readonly slotId: number;
  readonly tableId: number;
  readonly locked: boolean;
}

export function insertMeetings(db: Db, versionId: number, rows: readonly NewMeeting[]): void {
  inChunks(rows, 200, (chunk) => db.insert(meetings).values(chunk.map((row) => ({ ...row, versionId }))).run());
}

export interface NewUnscheduled {
  readonly requestId: number;
  readonly code: string;
  readonly reason: string;
  /** JSON of the explanation's params; without it pages show `reason` as it is. */
  readonly params?: string | null;
}

export function insertUnscheduled(db: Db, versionId: number, rows: readonly NewUnscheduled[]): void {
  inChunks(rows, 200, (chunk) =>
    db.insert(unscheduledRequests).values(chunk.map((row) => ({ ...row, versionId }))).run(),
  );
}

const requester = alias(organizations, 'requester');
const requested = alias(organizations, 'requested');

function organizationColumns(table: typeof requester | typeof requested) {
  return {
    id: table.id,
    code: table.code,
    kind: table.kind,
    nameKo: table.nameKo,
    nameEn: table.nameEn,
    sector: table.sector,
  };
}

/** Meetings of a version with everything a page needs to show them, in timetable order. */
export function meetingsOfVersion(db: Db, versionId: number): VersionMeeting[] {
  return db
    .select({
      id: meetings.id,
      versionId: meetings.versionId,
      requestId: meetings.requestId,
      locked: meetings.locked,
      status: meetings.status,
      slotId: slots.id,
      slotCode: slots.code,
      slotPosition: slots.position,
      startTime: slots.startTime,
      endTime: slots.endTime,
      session: slots.session,
      dayId: eventDays.id,
      date: eventDays.date,
      tableId: tables.id,
      tableLabel: tables.label,
      roomId: rooms.id,
      roomNameKo: rooms.nameKo,
      roomNameEn: rooms.nameEn,
      requester: organizationColumns(requester),
      requested: organizationColumns(requested),
    })
    .from(meetings)
    .innerJoin(slots, eq(slots.id, meetings.slotId))
    .innerJoin(eventDays, eq(eventDays.id, slots.dayId))
    .innerJoin(tables, eq(tables.id, meetings.tableId))
    .innerJoin(rooms, eq(rooms.id, tables.roomId))
    .innerJoin(requests, eq(requests.id, meetings.requestId))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .innerJoin(requested, eq(requested.id, requests.requestedId))
    .where(eq(meetings.versionId, versionId))
    .orderBy(asc(eventDays.date), asc(slots.position), asc(rooms.position), asc(tables.position), asc(tables.id))
    .all();
}

export function meetingById(db: Db, meetingId: number): typeof meetings.$inferSelect | null {
  return db.select().from(meetings).where(eq(meetings.id, meetingId)).get() ?? null;
}

/** Requests a version could not place, with the engine's (or the organizer's) reason. */
export function unscheduledOfVersion(db: Db, versionId: number): UnscheduledRow[] {
  return db
    .select({
      requestId: unscheduledRequests.requestId,
      code: unscheduledRequests.code,
      reason: unscheduledRequests.reason,
      params: unscheduledRequests.params,
      priority: requests.priority,
      requester: organizationColumns(requester),
      requested: organizationColumns(requested),
    })
    .from(unscheduledRequests)
    .innerJoin(requests, eq(requests.id, unscheduledRequests.requestId))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .innerJoin(requested, eq(requested.id, requests.requestedId))
    .where(eq(unscheduledRequests.versionId, versionId))
    .orderBy(desc(requests.priority), asc(unscheduledRequests.requestId))
    .all();
}

export function updateMeetingPlace(db: Db, meetingId: number, slotId: number, tableId: number): void {
  db.update(meetings).set({ slotId, tableId, updatedAt: new Date() }).where(eq(meetings.id, meetingId)).run();
}

export function setMeetingLocked(db: Db, meetingId: number, locked: boolean): void {
  db.update(meetings).set({ locked, updatedAt: new Date() }).where(eq(meetings.id, meetingId)).run();
}

export function deleteMeeting(db: Db, meetingId: number): void {
  db.delete(meetings).where(eq(meetings.id, meetingId)).run();
}

export function deleteUnscheduled(db: Db, versionId: number, requestId: number): number {
  return db
    .delete(unscheduledRequests)
    .where(and(eq(unscheduledRequests.versionId, versionId), eq(unscheduledRequests.requestId, requestId)))
    .run().changes;
}

/**
 * Raises the revision only if it still is `expected`; false means another edit came first (the caller refuses the
 * stale edit). Run it first inside the edit's transaction.
 */
export function bumpRevision(db: Db, versionId: number, expected: number): boolean {
  const result = db
    .update(scheduleVersions)
    .set({ revision: expected + 1 })
    .where(and(eq(scheduleVersions.id, versionId), eq(scheduleVersions.revision, expected)))
    .run();
  return result.changes === 1;
}

/** Publishes a draft; the previously published version (if any) becomes superseded. */
export function markPublished(db: Db, eventId: number, versionId: number, at: Date): void {
  db.update(scheduleVersions)
    .set({ status: 'superseded' })
    .where(
      and(
        eq(scheduleVersions.eventId, eventId),
        eq(scheduleVersions.status, 'published'),
        ne(scheduleVersions.id, versionId),
      ),
    )
    .run();
  db.update(scheduleVersions)
    .set({ status: 'published', publishedAt: at })
    .where(eq(scheduleVersions.id, versionId))
    .run();
}

/** Copies the meetings and unscheduled requests of one version into another (a draft started from a published one). */
export function copyVersionContents(db: Db, fromVersionId: number, toVersionId: number): void {
  const rows = db
    .select({
      requestId: meetings.requestId,
      slotId: meetings.slotId,
      tableId: meetings.tableId,
      locked: meetings.locked,
    })
    .from(meetings)
    .where(and(eq(meetings.versionId, fromVersionId), ne(meetings.status, 'cancelled')))
    .all();
  insertMeetings(db, toVersionId, rows);
  const left = db
    .select({
      requestId: unscheduledRequests.requestId,
      code: unscheduledRequests.code,
      reason: unscheduledRequests.reason,
      params: unscheduledRequests.params,
    })
    .from(unscheduledRequests)
    .where(eq(unscheduledRequests.versionId, fromVersionId))
    .all();
  insertUnscheduled(db, toVersionId, left);
}

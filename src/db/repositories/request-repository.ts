// Meeting requests: who asked to meet whom, how much it matters, and whether it is accepted.
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import { organizations, requests, type RequestStatus } from '../schema/index.js';

export type RequestSession = 'am' | 'pm';

export interface RequestFields {
  readonly priority: number;
  readonly status: RequestStatus;
  readonly session: RequestSession | null;
  readonly note: string;
}

export interface RequestRecord extends RequestFields {
  readonly id: number;
  readonly eventId: number;
  readonly requesterId: number;
  readonly requestedId: number;
}

/** A request with both organizations' codes and names, for lists and export. */
export interface RequestView extends RequestRecord {
  readonly requesterCode: string;
  readonly requesterNameKo: string;
  readonly requesterNameEn: string;
  readonly requestedCode: string;
  readonly requestedNameKo: string;
  readonly requestedNameEn: string;
}

const requestColumns = {
  id: requests.id,
  eventId: requests.eventId,
  requesterId: requests.requesterId,
  requestedId: requests.requestedId,
  priority: requests.priority,
  status: requests.status,
  session: requests.session,
  note: requests.note,
};

export function listRequests(db: Db, eventId: number): RequestRecord[] {
  return db.select(requestColumns).from(requests).where(eq(requests.eventId, eventId)).orderBy(asc(requests.id)).all();
}

/** Highest priority first, then by the requester's and the requested organization's codes. */
export function listRequestViews(db: Db, eventId: number, status?: RequestStatus): RequestView[] {
  const requester = alias(organizations, 'requester');
  const requested = alias(organizations, 'requested');
  return db
    .select({
      ...requestColumns,
      requesterCode: requester.code,
      requesterNameKo: requester.nameKo,
      requesterNameEn: requester.nameEn,
      requestedCode: requested.code,
      requestedNameKo: requested.nameKo,
      requestedNameEn: requested.nameEn,
    })
    .from(requests)
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .innerJoin(requested, eq(requested.id, requests.requestedId))
    .where(status ? and(eq(requests.eventId, eventId), eq(requests.status, status)) : eq(requests.eventId, eventId))
    .orderBy(desc(requests.priority), asc(requester.code), asc(requested.code))
    .all();
}

export function findRequest(db: Db, eventId: number, id: number): RequestRecord | undefined {
  return db
    .select(requestColumns)
    .from(requests)
    .where(and(eq(requests.eventId, eventId), eq(requests.id, id)))
    .get();
}

/** Requests between two organizations, in either direction. */
export function requestsBetween(db: Db, eventId: number, first: number, second: number): RequestRecord[] {
  return db
    .select(requestColumns)
    .from(requests)
    .where(
      and(
        eq(requests.eventId, eventId),
        or(
          and(eq(requests.requesterId, first), eq(requests.requestedId, second)),
          and(eq(requests.requesterId, second), eq(requests.requestedId, first)),
        ),
      ),
    )
    .all();
}

export function insertRequest(
  db: Db,
  eventId: number,
  requesterId: number,
  requestedId: number,
  fields: RequestFields,
): number {
  return db
    .insert(requests)
    .values({ eventId, requesterId, requestedId, ...fields })
    .returning({ id: requests.id })
    .get().id;
}

export function updateRequest(db: Db, id: number, fields: Partial<RequestFields>): void {
  if (Object.keys(fields).length === 0) return;
  db.update(requests)
    .set({ ...fields, updatedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(eq(requests.id, id))
    .run();
}

export function deleteRequest(db: Db, id: number): void {
  db.delete(requests).where(eq(requests.id, id)).run();
}

export function countRequestsByStatus(db: Db, eventId: number): Record<RequestStatus, number> {
  const counts: Record<RequestStatus, number> = { requested: 0, accepted: 0, declined: 0 };
  const rows = db
    .select({ status: requests.status, count: sql<number>`count(*)` })
    .from(requests)
    .where(eq(requests.eventId, eventId))
    .groupBy(requests.status)
    .all();
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

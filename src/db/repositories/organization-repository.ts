// Organizations (corporates and startups), their representatives and the slots they cannot meet in.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { organizations, representatives, organizationUnavailability, type Language } from '../schema/index.js';

export type OrganizationKind = 'corporate' | 'startup';

export interface OrganizationFields {
  readonly kind: OrganizationKind;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly sector: string;
  readonly maxMeetings: number | null;
  readonly maxMeetingsPerDay: number | null;
}

export interface OrganizationRecord extends OrganizationFields {
  readonly id: number;
  readonly eventId: number;
  readonly code: string;
}

export interface RepresentativeFields {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly title: string;
  readonly language: Language;
}

export interface RepresentativeRecord extends RepresentativeFields {
  readonly id: number;
  readonly organizationId: number;
}

const organizationColumns = {
  id: organizations.id,
  eventId: organizations.eventId,
  code: organizations.code,
  kind: organizations.kind,
  nameKo: organizations.nameKo,
  nameEn: organizations.nameEn,
  sector: organizations.sector,
  maxMeetings: organizations.maxMeetings,
  maxMeetingsPerDay: organizations.maxMeetingsPerDay,
};

const representativeColumns = {
  id: representatives.id,
  organizationId: representatives.organizationId,
  name: representatives.name,
  email: representatives.email,
  phone: representatives.phone,
  title: representatives.title,
  language: representatives.language,
};

/** Corporates first, then startups, each by code. */
export function listOrganizations(db: Db, eventId: number): OrganizationRecord[] {
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(eq(organizations.eventId, eventId))
    .orderBy(asc(organizations.kind), asc(organizations.code))
    .all();
}

export function findOrganization(db: Db, eventId: number, id: number): OrganizationRecord | undefined {
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.eventId, eventId), eq(organizations.id, id)))
    .get();
}

export function findOrganizationByCode(db: Db, eventId: number, code: string): OrganizationRecord | undefined {
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.eventId, eventId), eq(organizations.code, code)))
    .get();
}

export function insertOrganization(
  db: Db,
  eventId: number,
  code: string,
  fields: OrganizationFields & { readonly description?: string },
): number {
  const row = db
    .insert(organizations)
    .values({ eventId, code, ...fields })
    .returning({ id: organizations.id })
    .get();
  return row.id;
}

export function updateOrganization(db: Db, id: number, fields: Partial<OrganizationFields & { code: string }>): void {
  if (Object.keys(fields).length === 0) return;
  db.update(organizations)
    .set({ ...fields, updatedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(eq(organizations.id, id))
    .run();
}

/** Removes the organization with its representatives, unavailability and requests (cascade). */
export function deleteOrganization(db: Db, id: number): void {
  db.delete(organizations).where(eq(organizations.id, id)).run();
}

export function listRepresentatives(db: Db, eventId: number): RepresentativeRecord[] {
  return db
    .select(representativeColumns)
    .from(representatives)
    .innerJoin(organizations, eq(organizations.id, representatives.organizationId))
    .where(eq(organizations.eventId, eventId))
    .orderBy(asc(organizations.code), asc(representatives.id))
    .all();
}

export function representativesOf(db: Db, organizationId: number): RepresentativeRecord[] {
  return db
    .select(representativeColumns)
    .from(representatives)
    .where(eq(representatives.organizationId, organizationId))
    .orderBy(asc(representatives.id))
    .all();
}

export function insertRepresentative(db: Db, organizationId: number, fields: RepresentativeFields): number {
  return db
    .insert(representatives)
    .values({ organizationId, ...fields })
    .returning({ id: representatives.id })
    .get().id;
}

export function updateRepresentative(db: Db, id: number, fields: Partial<RepresentativeFields>): void {
  if (Object.keys(fields).length === 0) return;
  db.update(representatives).set(fields).where(eq(representatives.id, id)).run();
}

export function deleteRepresentative(db: Db, id: number): void {
  db.delete(representatives).where(eq(representatives.id, id)).run();
}

export interface UnavailabilityRecord {
  readonly organizationId: number;
  readonly slotId: number;
}

export function listUnavailability(db: Db, eventId: number): UnavailabilityRecord[] {
  return db
    .select({ organizationId: organizationUnavailability.organizationId, slotId: organizationUnavailability.slotId })
    .from(organizationUnavailability)
    .innerJoin(organizations, eq(organizations.id, organizationUnavailability.organizationId))
    .where(eq(organizations.eventId, eventId))
    .all();
}

export function unavailableSlotIds(db: Db, organizationId: number): number[] {
  return db
    .select({ slotId: organizationUnavailability.slotId })
    .from(organizationUnavailability)
    .where(eq(organizationUnavailability.organizationId, organizationId))
    .all()
    .map((row) => row.slotId);
}

/** Replaces the organization's unavailable slots with exactly `slotIds`. */
/** Replaces every away slot of the organization with `slotIds`, in one transaction. */
export function replaceUnavailability(db: Db, organizationId: number, slotIds: readonly number[]): void {
  db.transaction(() => {
    db.delete(organizationUnavailability).where(eq(organizationUnavailability.organizationId, organizationId)).run();
    const unique = [...new Set(slotIds)];
    if (unique.length > 0) {
      db.insert(organizationUnavailability)
        .values(unique.map((slotId) => ({ organizationId, slotId })))
        .run();
    }
  });
}

/** Every representative of the event with their organization, by organization code. */
export function representativesOfEvent(db: Db, eventId: number) {
  return db
    .select({
      id: representatives.id,
      name: representatives.name,
      email: representatives.email,
      language: representatives.language,
      organizationId: organizations.id,
      organizationCode: organizations.code,
      organizationKo: organizations.nameKo,
      organizationEn: organizations.nameEn,
    })
    .from(representatives)
    .innerJoin(organizations, eq(organizations.id, representatives.organizationId))
    .where(eq(organizations.eventId, eventId))
    .orderBy(asc(organizations.code), asc(representatives.id))
    .all();
}

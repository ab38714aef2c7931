// Private access links (participant and staff); only the sha256 of a token is ever stored.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accessTokens, organizations, representatives, rooms, type AccessTokenKind } from '../schema/index.js';
import { inChunks } from '../internals/in-chunks.js';

export type AccessTokenRow = typeof accessTokens.$inferSelect;

export interface NewAccessToken {
  readonly eventId: number;
  readonly kind: AccessTokenKind;
  readonly tokenHash: string;
  readonly representativeId?: number | null;
  readonly roomId?: number | null;
  readonly label?: string;
}

export function insertAccessTokens(db: Db, rows: readonly NewAccessToken[]): void {
  inChunks(rows, 500, (chunk) => db.insert(accessTokens).values(chunk).run());
}

/** A link that has not been revoked, whatever its kind. */
export function findLiveAccessTokenByHash(db: Db, tokenHash: string): AccessTokenRow | null {
  return (
    db
      .select()
      .from(accessTokens)
      .where(and(eq(accessTokens.tokenHash, tokenHash), isNull(accessTokens.revokedAt)))
      .get() ?? null
  );
}

export function listAccessTokens(db: Db, eventId: number, kind: AccessTokenKind): AccessTokenRow[] {
  return db
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.eventId, eventId), eq(accessTokens.kind, kind)))
    .orderBy(desc(accessTokens.id))
    .all();
}

/** Link `id` if it belongs to event `eventId`, live or revoked. */
export function accessTokenOfEvent(db: Db, eventId: number, id: number): AccessTokenRow | null {
  return db.select().from(accessTokens).where(and(eq(accessTokens.id, id), eq(accessTokens.eventId, eventId))).get() ?? null;
}

/** Returns false when the link does not exist or was already revoked. */
export function revokeAccessToken(db: Db, id: number, at: Date): boolean {
  return (
    db
      .update(accessTokens)
      .set({ revokedAt: at })
      .where(and(eq(accessTokens.id, id), isNull(accessTokens.revokedAt)))
      .run().changes === 1
  );
}

export function touchAccessToken(db: Db, id: number, at: Date): void {
  db.update(accessTokens).set({ lastUsedAt: at }).where(eq(accessTokens.id, id)).run();
}

export function eventOfRepresentative(db: Db, representativeId: number): number | null {
  return (
    db
      .select({ eventId: organizations.eventId })
      .from(representatives)
      .innerJoin(organizations, eq(organizations.id, representatives.organizationId))
      .where(eq(representatives.id, representativeId))
      .get()?.eventId ?? null
  );
}

export interface ParticipantTokenRow {
  readonly id: number;
  readonly representativeId: number | null;
  readonly tokenHash: string;
  readonly revokedAt: Date | null;
}

/** Every participant link of an event, revoked ones included, oldest first. */
export function participantTokensOfEvent(db: Db, eventId: number): ParticipantTokenRow[] {
  return db
    .select({
      id: accessTokens.id,
      representativeId: accessTokens.representativeId,
      tokenHash: accessTokens.tokenHash,
      revokedAt: accessTokens.revokedAt,
    })
    .from(accessTokens)
    .where(and(eq(accessTokens.eventId, eventId), eq(accessTokens.kind, 'participant')))
    .orderBy(asc(accessTokens.id))
    .all();
}

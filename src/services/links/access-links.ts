// Private links for participants and staff. The token is 32 random bytes (base64url) handed out once; only its
// sha256 is stored, so a copy of the database does not open anyone's agenda. Revoking is permanent.
import { DomainError, type MessageParams } from '../../domain/index.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import {
  eventOfRepresentative,
  eventOfRoom,
  findLiveAccessTokenByHash,
  insertAccessToken,
  listAccessTokens,
  revokeAccessToken,
  touchAccessToken,
  type AccessTokenRow,
} from '../../db/index.js';
import type { AccessTokenKind } from '../../db/index.js';

export type AccessLink = AccessTokenRow;

/** A link that cannot be issued as asked; `field` names the input at fault. */
export class AccessLinkError extends DomainError {
  override name = 'AccessLinkError';
  constructor(field: string, key: string, params: MessageParams = {}) {
    super('invalid', key, params, field);
  }
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function issueAccessLink(
  db: Db,
  input: {
    eventId: number;
    kind: AccessTokenKind;
    representativeId?: number | null;
    roomId?: number | null;
    label?: string;
  },
): { id: number; token: string } {
  const representativeId = input.representativeId ?? null;
  const roomId = input.roomId ?? null;
  if (input.kind === 'participant') {
    if (representativeId === null) {
      throw new AccessLinkError('representativeId', 'links.refused.representativeMissing');
    }
    if (eventOfRepresentative(db, representativeId) !== input.eventId) {
      throw new AccessLinkError('representativeId', 'links.refused.representativeElsewhere', { id: representativeId });
    }
  } else if (representativeId !== null) {
    throw new AccessLinkError('representativeId', 'links.refused.representativeNotAllowed');
  }
  if (roomId !== null) {
    if (input.kind !== 'staff') throw new AccessLinkError('roomId', 'links.refused.roomNotAllowed');
    if (eventOfRoom(db, roomId) !== input.eventId) {
      throw new AccessLinkError('roomId', 'links.refused.roomElsewhere', { id: roomId });
    }
  }
  const token = randomBytes(32).toString('base64url');
  const row = insertAccessToken(db, {
    eventId: input.eventId,
    kind: input.kind,
    tokenHash: tokenHash(token),
    representativeId,
    roomId,
    label: input.label ?? '',
  });
  return { id: row.id, token };
}

/** The live link behind `token` whatever its kind, or null (malformed tokens never reach the database). */
export function lookupAccessLink(db: Db, token: string): AccessLink | null {
  if (!isWellFormedToken(token)) return null;
  return findLiveAccessTokenByHash(db, tokenHash(token));
}

/** The live link of this kind behind `token`, or null when unknown, malformed, revoked or of another kind. */
export function findAccessLink(db: Db, token: string, kind: AccessTokenKind): AccessLink | null {
  const link = lookupAccessLink(db, token);
  return link && link.kind === kind ? link : null;
}

export function listAccessLinks(db: Db, eventId: number, kind: AccessTokenKind): AccessLink[] {
  return listAccessTokens(db, eventId, kind);
}

/** Returns false when the link does not exist or was already revoked. */
export function revokeAccessLink(db: Db, id: number, now: Date = new Date()): boolean {
  return revokeAccessToken(db, id, now);
}

// Recording every page view would turn reads into writes; once a minute is enough to tell "used recently".
const TOUCH_INTERVAL_MS = 60_000;

export function markAccessLinkUsed(db: Db, link: AccessLink, now: Date): void {
  if (link.lastUsedAt && now.getTime() - link.lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  touchAccessToken(db, link.id, now);
}

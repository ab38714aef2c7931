// Private links for participants (one agenda link per representative) and staff (one for the whole event, one per
// room): issuing them, finding the link behind a token, listing an event's links for its organizers, and revoking
// one that was forwarded or lost. Tokens and their one hasher are in link-tokens.ts. Revoking is permanent and,
// like issuing, audited; a revoked link answers 404 at once and the holder's next link is a new one.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import {
  accessTokenOfEvent,
  findLiveAccessTokenByHash,
  insertAccessTokens,
  listAccessTokens,
  participantTokensOfEvent,
  representativesOfEvent,
  revokeAccessToken,
  rosterFrame,
  storeSettingOnce,
  touchAccessToken,
  type AccessTokenKind,
  type AccessTokenRow,
  type Language,
  type NewAccessToken,
} from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../../domain/index.js';
import {
  agendaUrl,
  deriveToken,
  isWellFormedToken,
  participantHolder,
  staffHolder,
  staffUrl,
  tokenHash,
} from './link-tokens.js';

export type AccessLink = AccessTokenRow;

/** Who issues links when the caller names nobody (tests, scripts). */
export const SYSTEM_ACTOR: Actor = { label: 'system', userId: null };

const PARTICIPANT_SECRET_KEY = 'agenda_link_secret';
const STAFF_SECRET_KEY = 'staff_link_secret';

export interface ParticipantLink {
  readonly representativeId: number;
  readonly representative: string;
  readonly organizationCode: string;
  readonly organization: string;
  readonly email: string;
  readonly language: Language;
  readonly token: string;
  readonly url: string;
}

export interface StaffLink {
  /** null: the event-wide link. */
  readonly roomId: number | null;
  readonly roomKo: string;
  readonly roomEn: string;
  readonly token: string;
  readonly url: string;
}

function secret(db: Db, key: string): string {
  return storeSettingOnce(db, key, randomBytes(32).toString('base64url'));
}

function auditIssue(db: Db, actor: Actor, eventId: number, subject: AccessTokenKind, details: Readonly<Record<string, unknown>>): void {
  recordAudit(db, { actor: actor.label, userId: actor.userId, eventId, action: 'access_link.issue', subject, details });
}

/**
 * Makes sure every representative of the event has a live agenda link that can be printed again, issuing one where
 * missing (audited, as `actor`), and returns all of them. Idempotent; runs in one transaction.
 */
export function ensureParticipantLinks(db: Db, eventId: number, publicUrl: string, actor: Actor = SYSTEM_ACTOR): ParticipantLink[] {
  return db.transaction(() => {
    const key = secret(db, PARTICIPANT_SECRET_KEY);
    // The live token of each representative that can be derived again, and how many links each has had.
    const generation = new Map<number, number>();
    const live = new Map<number, string>();
    for (const row of participantTokensOfEvent(db, eventId)) {
      if (row.representativeId === null) continue;
      const current = generation.get(row.representativeId) ?? 0;
      generation.set(row.representativeId, current + 1);
      if (row.revokedAt) continue;
      const token = deriveToken(key, participantHolder(row.representativeId), current);
      if (tokenHash(token) === row.tokenHash) live.set(row.representativeId, token);
    }
    // Issued together: on a first publish every representative of the event needs one.
    const issued: NewAccessToken[] = [];
    const links = representativesOfEvent(db, eventId).map((rep) => {
      let token = live.get(rep.id);
      if (!token) {
        token = deriveToken(key, participantHolder(rep.id), generation.get(rep.id) ?? 0);
        issued.push({ eventId, kind: 'participant', tokenHash: tokenHash(token), representativeId: rep.id, label: rep.name });
      }
      return {
        representativeId: rep.id,
        representative: rep.name,
        organizationCode: rep.organizationCode,
        organization: rep.language === 'ko' ? rep.organizationKo : rep.organizationEn,
        email: rep.email,
        language: rep.language,
        token,
        url: agendaUrl(publicUrl, token),
      };
    });
    insertAccessTokens(db, issued);
    if (issued.length > 0) {
      auditIssue(db, actor, eventId, 'participant', { representativeIds: issued.map((row) => row.representativeId) });
    }
    return links;
  });
}

/**
 * Every staff link of the event (event-wide first, then rooms in order), issuing those missing (audited, as `actor`).
 * One transaction.
 */
export function ensureStaffLinks(db: Db, eventId: number, publicUrl: string, actor: Actor = SYSTEM_ACTOR): StaffLink[] {
  return db.transaction(() => {
    const key = secret(db, STAFF_SECRET_KEY);
    const existing = listAccessTokens(db, eventId, 'staff').sort((a, b) => a.id - b.id);
    const scopes = [
      { roomId: null, roomKo: '', roomEn: '' },
      ...rosterFrame(db, eventId).rooms.map((room) => ({ roomId: room.id, roomKo: room.nameKo, roomEn: room.nameEn })),
    ];
    return scopes.map((scope) => {
      const holder = staffHolder(eventId, scope.roomId);
      const mine = existing.filter((row) => row.roomId === scope.roomId);
      const live = mine.findLast((row) => !row.revokedAt);
      let token = live ? deriveToken(key, holder, mine.indexOf(live)) : null;
      if (!token || tokenHash(token) !== live!.tokenHash) {
        token = deriveToken(key, holder, mine.length);
        insertAccessTokens(db, [
          {
            eventId,
            kind: 'staff',
            tokenHash: tokenHash(token),
            roomId: scope.roomId,
            label: scope.roomId === null ? 'staff: event' : `staff: ${scope.roomEn || scope.roomKo}`,
          },
        ]);
        auditIssue(db, actor, eventId, 'staff', { roomId: scope.roomId });
      }
      return { ...scope, token, url: staffUrl(publicUrl, token) };
    });
  });
}

export function roomLabel(link: Pick<StaffLink, 'roomKo' | 'roomEn'>, language: Language): string {
  return language === 'ko' ? link.roomKo || link.roomEn : link.roomEn || link.roomKo;
}

/** The live link behind `token` whatever its kind, or null (malformed tokens never reach the database). */
export function lookupAccessLink(db: Db, token: string): AccessLink | null {
  if (!isWellFormedToken(token)) return null;
  return findLiveAccessTokenByHash(db, tokenHash(token));
}

// Recording every page view would turn reads into writes; once a minute is enough to tell "used recently".
const TOUCH_INTERVAL_MS = 60_000;

export function markAccessLinkUsed(db: Db, link: AccessLink, now: Date): void {
  if (link.lastUsedAt && now.getTime() - link.lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  touchAccessToken(db, link.id, now);
}

export interface ManagedLink {
  readonly id: number;
  readonly kind: AccessTokenKind;
  /** The representative (participant links) or the room (staff links); null for the event-wide staff link. */
  readonly holder: { readonly ko: string; readonly en: string } | null;
  readonly organization: { readonly ko: string; readonly en: string } | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface EventLinks {
  readonly participant: readonly ManagedLink[];
  readonly staff: readonly ManagedLink[];
}

/** Every link of the event, live and revoked, newest first within each kind: the organizers' view. */
export function eventLinks(db: Db, eventId: number): EventLinks {
  const representatives = new Map(representativesOfEvent(db, eventId).map((rep) => [rep.id, rep]));
  const rooms = new Map(rosterFrame(db, eventId).rooms.map((room) => [room.id, room]));
  const common = (row: AccessTokenRow) => ({
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  });
  return {
    participant: listAccessTokens(db, eventId, 'participant').map((row) => {
      const rep = row.representativeId === null ? undefined : representatives.get(row.representativeId);
      return {
        ...common(row),
        // A representative removed since keeps the name the link was issued under.
        holder: rep ? { ko: rep.name, en: rep.name } : { ko: row.label, en: row.label },
        organization: rep ? { ko: rep.organizationKo || rep.organizationEn, en: rep.organizationEn || rep.organizationKo } : null,
      };
    }),
    staff: listAccessTokens(db, eventId, 'staff').map((row) => {
      const room = row.roomId === null ? undefined : rooms.get(row.roomId);
      const holder = row.roomId === null ? null : room ? { ko: room.nameKo || room.nameEn, en: room.nameEn || room.nameKo } : { ko: row.label, en: row.label };
      return { ...common(row), holder, organization: null };
    }),
  };
}

export type RevokeOutcome = 'revoked' | 'already_revoked' | 'not_found';

/**
 * Revokes the link a URL or a bare token points to (what an organizer has in hand when a link leaked), if it is a
 * live link of this event.
 */
export function revokeEventLinkByAddress(
  db: Db,
  input: { readonly eventId: number; readonly address: string; readonly actor: Actor; readonly now?: Date },
): RevokeOutcome {
  const address = input.address.trim();
  const token = /\/(?:agenda|staff)\/([A-Za-z0-9_-]+)/.exec(address)?.[1] ?? address;
  const link = lookupAccessLink(db, token);
  if (!link || link.eventId !== input.eventId) return 'not_found';
  return revokeEventLink(db, { ...input, linkId: link.id });
}

/** Revokes link `linkId` of the event and records who did it; a link of another event is not found. */
export function revokeEventLink(
  db: Db,
  input: { readonly eventId: number; readonly linkId: number; readonly actor: Actor; readonly now?: Date },
): RevokeOutcome {
  return db.transaction(() => {
    const link = accessTokenOfEvent(db, input.eventId, input.linkId);
    if (!link) return 'not_found';
    if (!revokeAccessToken(db, link.id, input.now ?? new Date())) return 'already_revoked';
    recordAudit(db, {
      actor: input.actor.label,
      userId: input.actor.userId,
      eventId: input.eventId,
      action: 'access_link.revoke',
      subject: `access_link:${link.id}`,
      details: { kind: link.kind, representativeId: link.representativeId, roomId: link.roomId, label: link.label },
    });
    return 'revoked';
  });
}

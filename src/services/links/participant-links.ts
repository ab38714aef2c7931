// Agenda links, one per representative. Only the sha256 of a token is stored, yet invitation e-mails on every
// publish and `meetgrid links` must print the link again; so a participant token is derived with HMAC from a
// secret kept in the database and the representative's link generation (how many links they had before). The
// same inputs give the same token back, a revoked link is never re-derived (the next generation differs), and
// nothing in the database alone reveals a token.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { insertAccessTokens, type NewAccessToken } from '../../db/index.js';
import {
  findLiveParticipantTokenByHash,
  participantTokensOfEvent,
  representativesOfEvent,
} from '../../db/index.js';
import type { Language } from '../../db/index.js';
import { storeSettingOnce } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../scheduling/index.js';

/** Who issues links when the caller names nobody (tests, scripts). */
export const SYSTEM_ACTOR: Actor = { label: 'system', userId: null };

const SECRET_KEY = 'agenda_link_secret';

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

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function linkSecret(db: Db): string {
  return storeSettingOnce(db, SECRET_KEY, randomBytes(32).toString('base64url'));
}

function deriveToken(secret: string, representativeId: number, generation: number): string {
  return createHmac('sha256', secret).update(`participant:${representativeId}:${generation}`).digest('base64url');
}

export function agendaUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/agenda/${token}`;
}

/**
 * The live token of each representative that this module can re-derive, by representative id, and how many
 * participant links each representative has had (the generation of their next one).
 */
function derivableTokens(db: Db, eventId: number, secret: string) {
  const rows = participantTokensOfEvent(db, eventId);
  const generation = new Map<number, number>();
  const live = new Map<number, string>();
  for (const row of rows) {
    if (row.representativeId === null) continue;
    const current = generation.get(row.representativeId) ?? 0;
    generation.set(row.representativeId, current + 1);
    if (row.revokedAt) continue;
    const token = deriveToken(secret, row.representativeId, current);
    if (hashToken(token) === row.tokenHash) live.set(row.representativeId, token);
  }
  return { live, generation };
}

/**
 * Makes sure every representative of the event has a live agenda link this module can print, issuing one where
 * missing (audited, as `actor`), and returns all of them. Idempotent; runs in one transaction.
 */
export function ensureParticipantLinks(db: Db, eventId: number, publicUrl: string, actor: Actor = SYSTEM_ACTOR): ParticipantLink[] {
  return db.transaction(() => {
    const secret = linkSecret(db);
    const { live, generation } = derivableTokens(db, eventId, secret);
    // Issued together: on a first publish every representative of the event needs one.
    const issued: NewAccessToken[] = [];
    const links = representativesOfEvent(db, eventId).map((rep) => {
      let token = live.get(rep.id);
      if (!token) {
        token = deriveToken(secret, rep.id, generation.get(rep.id) ?? 0);
        issued.push({ eventId, kind: 'participant', tokenHash: hashToken(token), representativeId: rep.id, label: rep.name });
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
      recordAudit(db, {
        actor: actor.label,
        userId: actor.userId,
        eventId,
        action: 'access_link.issue',
        subject: 'participant',
        details: { representativeIds: issued.map((row) => row.representativeId) },
      });
    }
    return links;
  });
}

/** The live participant access token behind a raw token, or undefined; the lookup costs the same either way. */
export function findParticipantToken(db: Db, token: string): { id: number; eventId: number } | undefined {
  return findLiveParticipantTokenByHash(db, hashToken(token));
}

// Staff links: one for the whole event (help desk) and one per room (the staff at that door). Like agenda links,
// a staff token is derived with HMAC from a secret kept in the database, the scope and the link's generation, so
// `meetgrid links --staff` and the organizer page print the same links every time, while only the sha256 of a
// token is stored. A revoked link is never derived again: the next generation differs.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { insertAccessToken, listAccessTokens } from '../../db/index.js';
import { rosterFrame } from '../../db/index.js';
import type { Language } from '../../db/index.js';
import { storeSettingOnce } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import { hashToken, SYSTEM_ACTOR } from './participant-links.js';
import type { Actor } from '../scheduling/index.js';

const SECRET_KEY = 'staff_link_secret';

export interface StaffLink {
  /** null: the event-wide link. */
  readonly roomId: number | null;
  readonly roomKo: string;
  readonly roomEn: string;
  readonly token: string;
  readonly url: string;
}

function deriveToken(secret: string, eventId: number, roomId: number | null, generation: number): string {
  return createHmac('sha256', secret).update(`staff:${eventId}:${roomId ?? 'event'}:${generation}`).digest('base64url');
}

export function staffUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/staff/${token}`;
}

/**
 * Every staff link of the event (event-wide first, then rooms in order), issuing those missing (audited, as `actor`).
 * One transaction.
 */
export function ensureStaffLinks(db: Db, eventId: number, publicUrl: string, actor: Actor = SYSTEM_ACTOR): StaffLink[] {
  return db.transaction(() => {
    const secret = storeSettingOnce(db, SECRET_KEY, randomBytes(32).toString('base64url'));
    const existing = listAccessTokens(db, eventId, 'staff').sort((a, b) => a.id - b.id);
    const scopes = [
      { roomId: null, roomKo: '', roomEn: '' },
      ...rosterFrame(db, eventId).rooms.map((room) => ({ roomId: room.id, roomKo: room.nameKo, roomEn: room.nameEn })),
    ];
    return scopes.map((scope) => {
      const mine = existing.filter((row) => row.roomId === scope.roomId);
      const live = mine.findLast((row) => !row.revokedAt);
      let token = live ? deriveToken(secret, eventId, scope.roomId, mine.indexOf(live)) : null;
      if (!token || hashToken(token) !== live!.tokenHash) {
        token = deriveToken(secret, eventId, scope.roomId, mine.length);
        insertAccessToken(db, {
          eventId,
          kind: 'staff',
          tokenHash: hashToken(token),
          roomId: scope.roomId,
          label: scope.roomId === null ? 'staff: event' : `staff: ${scope.roomEn || scope.roomKo}`,
        });
        recordAudit(db, {
          actor: actor.label,
          userId: actor.userId,
          eventId,
          action: 'access_link.issue',
          subject: 'staff',
          details: { roomId: scope.roomId },
        });
      }
      return { ...scope, token, url: staffUrl(publicUrl, token) };
    });
  });
}

export function roomLabel(link: Pick<StaffLink, 'roomKo' | 'roomEn'>, language: Language): string {
  return language === 'ko' ? link.roomKo || link.roomEn : link.roomEn || link.roomKo;
}

// The organizers' view of an event's private links: who holds which agenda or staff link, when it was last used,
// and revoking one that was forwarded or lost. A revoked link answers 404 at once; the next link of that person or
// room is a new one (participant-links.ts, staff-links.ts never derive a revoked token again). Every revocation is
// audited.
import {
  accessTokenOfEvent,
  listAccessTokens,
  revokeAccessToken,
  type AccessTokenRow,
} from '../../db/index.js';
import { representativesOfEvent } from '../../db/index.js';
import type { Db } from '../../db/index.js';
import { rosterFrame } from '../../db/index.js';
import type { AccessTokenKind } from '../../db/index.js';
import { lookupAccessLink } from './access-links.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../scheduling/index.js';

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

/** Every link of the event, live and revoked, newest first within each kind. */
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

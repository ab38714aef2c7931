// Links for tests, issued, found and revoked the way the product does it (access-links.ts), one at a time.
import type { Db } from '../../src/db/index.js';
import {
  ensureParticipantLinks,
  ensureStaffLinks,
  lookupAccessLink,
  revokeEventLink,
  SYSTEM_ACTOR,
  type RevokeOutcome,
} from '../../src/services/links/access-links.js';

const PUBLIC_URL = 'http://localhost';

export interface IssuedLink {
  readonly id: number;
  readonly token: string;
}

function issued(db: Db, token: string | undefined): IssuedLink {
  const link = token === undefined ? null : lookupAccessLink(db, token);
  if (!token || !link) throw new Error('no live link was issued');
  return { id: link.id, token };
}

export function participantLink(db: Db, eventId: number, representativeId: number): IssuedLink {
  const links = ensureParticipantLinks(db, eventId, PUBLIC_URL);
  return issued(db, links.find((link) => link.representativeId === representativeId)?.token);
}

/** The staff link of one room, or of the whole event when `roomId` is null. */
export function staffLink(db: Db, eventId: number, roomId: number | null = null): IssuedLink {
  const links = ensureStaffLinks(db, eventId, PUBLIC_URL);
  return issued(db, links.find((link) => link.roomId === roomId)?.token);
}

export function revokeLink(db: Db, token: string): RevokeOutcome {
  const link = lookupAccessLink(db, token);
  if (!link) return 'not_found';
  return revokeEventLink(db, { eventId: link.eventId, linkId: link.id, actor: SYSTEM_ACTOR });
}

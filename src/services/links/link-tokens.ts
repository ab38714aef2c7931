// The tokens of private links, for participants and staff alike. A token is an HMAC of a secret kept in the
// database and of what the link opens (a representative, or an event and room) with its generation (how many links
// that holder had before), so the same link can be printed again on every publish and by `meetgrid links`, while
// only the token's sha256 is stored: a copy of the database alone opens nobody's agenda. A revoked token is never
// derived again, because the next generation differs.
import { createHash, createHmac } from 'node:crypto';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The one hash under which tokens are stored and looked up. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` could be a link token at all (malformed ones never reach the database). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function deriveToken(secret: string, holder: string, generation: number): string {
  return createHmac('sha256', secret).update(`${holder}:${generation}`).digest('base64url');
}

export function participantHolder(representativeId: number): string {
  return `participant:${representativeId}`;
}

export function staffHolder(eventId: number, roomId: number | null): string {
  return `staff:${eventId}:${roomId ?? 'event'}`;
}

export function agendaUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/agenda/${token}`;
}

export function staffUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/staff/${token}`;
}

// What every staff route needs: the link's scope (event, and room for a per-room link), the URLs of its pages and
// the shared parameter schemas. The token guard has already refused unknown, revoked and non-staff links.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Id, IsoDate, Token, type Static } from '../../schemas.js';
import type { StaffScope } from '../../../services/staff/index.js';
import { DomainError } from '../../../domain/index.js';


/** A room's day behind a staff link: /staff/:token/rooms/:roomId/days/:date. */
export const RosterParams = Type.Object({ token: Token, roomId: Id, date: IsoDate });
export type RosterParams = Static<typeof RosterParams>;

export function scopeOf(request: FastifyRequest): StaffScope & { accessTokenId: number } {
  const link = request.accessLink;
  if (!link) throw new DomainError('not_found', 'shell.error.linkInvalid');
  return { eventId: link.eventId, roomId: link.roomId, accessTokenId: link.id };
}

export interface StaffUrls {
  readonly home: string;
  readonly now: string;
  readonly events: string;
  readonly checkIn: string;
  roster(roomId: number, date: string): string;
  fragment(roomId: number, date: string): string;
  print(roomId: number, date: string): string;
  csv(roomId: number, date: string): string;
}

export function staffUrls(token: string): StaffUrls {
  const base = `/staff/${token}`;
  const roster = (roomId: number, date: string) => `${base}/rooms/${roomId}/days/${date}`;
  return {
    home: base,
    now: `${base}/now`,
    events: `${base}/events`,
    checkIn: `${base}/check-ins`,
    roster,
    fragment: (roomId, date) => `${roster(roomId, date)}?fragment=1`,
    print: (roomId, date) => `${roster(roomId, date)}/print`,
    csv: (roomId, date) => `${roster(roomId, date)}.csv`,
  };
}

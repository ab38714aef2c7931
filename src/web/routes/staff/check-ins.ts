// POST /staff/:token/check-ins: one tap — a representative arrived, a meeting held, a no-show. The form carries the
// roster it was shown on (day, room) and, for meetings, the version, slot and table it was rendered with, so a
// stale page is refused with what changed. Browsers without script get a redirect back to the roster; the page's
// script asks for JSON and refreshes the roster in place.
import type { FastifyRequest } from 'fastify';
import { recordCheckIn, type CheckInAction } from '../../../services/staff/index.js';
import { requireAccessLink } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { Type } from 'typebox';
import { Csrf, Id, IsoDate, TokenParams, type Static, type TypedApp } from '../../schemas.js';
import { scopeOf, staffUrls } from './context.js';

const CheckInBody = Type.Object({
  /** The tapped button: 'arrived:<representativeId>', 'held' or 'no_show'. */
  tap: Type.String({ pattern: '^(arrived:[1-9][0-9]{0,9}|held|no_show)$' }),
  date: IsoDate,
  roomId: Id,
  view: Type.Union([Type.Literal('roster'), Type.Literal('now')]),
  meetingId: Type.Optional(Id),
  versionId: Type.Optional(Id),
  slotId: Type.Optional(Id),
  tableId: Type.Optional(Id),
  _csrf: Csrf,
});
type CheckInBody = Static<typeof CheckInBody>;

function required(body: CheckInBody, field: 'meetingId' | 'versionId' | 'slotId' | 'tableId'): number {
  const value = body[field];
  if (value === undefined) throw new DomainError('invalid', 'shell.error.badInput.body', { field }, field);
  return value;
}

function actionOf(body: CheckInBody): CheckInAction {
  if (body.tap.startsWith('arrived:')) {
    return { kind: 'arrived', representativeId: Number(body.tap.slice('arrived:'.length)), date: body.date, roomId: body.roomId };
  }
  return {
    kind: body.tap === 'held' ? 'held' : 'no_show',
    meetingId: required(body, 'meetingId'),
    versionId: required(body, 'versionId'),
    slotId: required(body, 'slotId'),
    tableId: required(body, 'tableId'),
    date: body.date,
    roomId: body.roomId,
  };
}

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

export default async function checkInRoutes(app: TypedApp): Promise<void> {
  app.post(
    '/staff/:token/check-ins',
    { preHandler: requireAccessLink('staff'), schema: { params: TokenParams, body: CheckInBody } },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { recorded } = recordCheckIn(
        app.db,
        { ...scope, userId: null, language: request.lang },
        actionOf(request.body),
        app.liveUpdates,
      );
      const message = request.t(recorded ? 'staff.roster.recorded' : 'staff.roster.alreadyRecorded');
      if (wantsJson(request)) return reply.send({ recorded, message });
      const urls = staffUrls(request.params.token);
      const back =
        request.body.view === 'now' ? urls.now : urls.roster(request.body.roomId, request.body.date);
      return reply.redirect(back, 303);
    },
  );
}

// POST /staff/:token/check-ins: one tap — a representative arrived, a meeting held, a no-show. The form carries the
// roster it was shown on (day, room) and, for meetings, the version, slot and table it was rendered with, so a
// stale page is refused with what changed. Browsers without script get a redirect back to the roster; the page's
// script asks for JSON and refreshes the roster in place.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordCheckIn, type CheckInAction } from '../../../services/staff/index.js';
import { requireAccessLink } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { DATE_PATTERN, scopeOf, staffUrls, tokenParams, type TokenParams } from './context.js';

interface CheckInBody {
  /** The tapped button: 'arrived:<representativeId>', 'held' or 'no_show'. */
  readonly tap: string;
  readonly date: string;
  readonly roomId: number;
  readonly view: 'roster' | 'now';
  readonly meetingId?: number;
  readonly versionId?: number;
  readonly slotId?: number;
  readonly tableId?: number;
}

const id = { type: 'integer', minimum: 1 } as const;
const checkInBody = {
  type: 'object',
  required: ['tap', 'date', 'roomId', 'view'],
  properties: {
    tap: { type: 'string', pattern: '^(arrived:[1-9][0-9]{0,9}|held|no_show)$' },
    date: { type: 'string', pattern: DATE_PATTERN },
    roomId: id,
    view: { type: 'string', enum: ['roster', 'now'] },
    meetingId: id,
    versionId: id,
    slotId: id,
    tableId: id,
    _csrf: { type: 'string' },
  },
} as const;

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

export default async function checkInRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: TokenParams; Body: CheckInBody }>(
    '/staff/:token/check-ins',
    { preHandler: requireAccessLink('staff'), schema: { params: tokenParams, body: checkInBody } },
    async (request, reply: FastifyReply) => {
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

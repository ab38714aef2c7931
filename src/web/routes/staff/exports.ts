// The desk's copies of a room's day: GET …/days/:date.csv (one row per meeting, spreadsheet-friendly) and
// …/days/:date/print (the door sheet: big, black on white, one table per slot).
import { loadRoster } from '../../../services/staff/index.js';
import { rosterCsv } from '../../../services/staff/index.js';
import { requireAccessLink } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import type { TypedApp } from '../../schemas.js';
import { RosterParams, scopeOf, staffUrls } from './context.js';

export default async function exportRoutes(app: TypedApp): Promise<void> {
  const guard = requireAccessLink('staff');
  const schema = { params: RosterParams };

  app.get('/staff/:token/rooms/:roomId/days/:date.csv', { preHandler: guard, schema }, async (request, reply) => {
    const roster = loadRoster(app.db, scopeOf(request), {
      roomId: request.params.roomId,
      date: request.params.date,
      language: request.lang,
      now: app.now(),
    });
    if (!roster) throw new DomainError('not_found', 'shell.error.notFound.body');
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="roster-${roster.day.date}-room-${roster.room.id}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(rosterCsv(roster, request.t));
  });

  app.get('/staff/:token/rooms/:roomId/days/:date/print', { preHandler: guard, schema }, async (request, reply) => {
    const roster = loadRoster(app.db, scopeOf(request), {
      roomId: request.params.roomId,
      date: request.params.date,
      language: request.lang,
      now: app.now(),
    });
    if (!roster) throw new DomainError('not_found', 'shell.error.notFound.body');
    return reply.page('staff/print', {
      title: request.t('staff.print.title', { room: roster.room.name, date: roster.day.date }),
      roster,
      urls: staffUrls(request.params.token),
      styles: ['/static/css/staff.css'],
    });
  });
}

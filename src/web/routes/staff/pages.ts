// GET /staff/:token (pick day and room), /staff/:token/rooms/:roomId/days/:date (the roster; `?fragment=1` returns
// only its body, which the page's script swaps in on a live update) and /staff/:token/now (current and next slots).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadNow, loadRoster, loadStaffHome } from '../../../services/staff/index.js';
import { requireAccessLink } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { FragmentQuery, TokenParams, type TypedApp } from '../../schemas.js';
import { RosterParams, scopeOf, staffUrls } from './context.js';

const STYLES = ['/static/css/staff.css'];
const SCRIPTS = ['/static/js/roster-live.js'];

interface FragmentQuery {
  readonly fragment?: '1';
}
const fragmentQuery = { type: 'object', properties: { fragment: { type: 'string', enum: ['1'] } } } as const;

/** The body partial alone, with what the layout would have added (t, lang, CSRF token). */
async function sendFragment(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  model: Record<string, unknown>,
): Promise<FastifyReply> {
  const html = await reply.viewAsync(template, {
    ...model,
    t: request.t,
    lang: request.lang,
    csrfToken: reply.generateCsrf(),
  });
  return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

export default async function pageRoutes(app: TypedApp): Promise<void> {
  const guard = requireAccessLink('staff');

  app.get('/staff/:token', { preHandler: guard, schema: { params: TokenParams } }, async (request, reply) => {
    const home = loadStaffHome(app.db, scopeOf(request), request.lang, app.now());
    if (!home) throw new DomainError('not_found', 'shell.error.linkInvalid');
    return reply.page('staff/home', {
      title: request.t('staff.home.title', { event: home.event.name }),
      home,
      roomOnly: request.accessLink?.roomId != null ? (home.rooms[0]?.name ?? '') : null,
      urls: staffUrls(request.params.token),
      styles: STYLES,
    });
  });

  app.get(
    '/staff/:token/rooms/:roomId/days/:date',
    { preHandler: guard, schema: { params: RosterParams, querystring: FragmentQuery } },
    async (request, reply) => {
      const roster = loadRoster(app.db, scopeOf(request), {
        roomId: request.params.roomId,
        date: request.params.date,
        language: request.lang,
        now: app.now(),
      });
      if (!roster) throw new DomainError('not_found', 'shell.error.notFound.body');
      const home = loadStaffHome(app.db, scopeOf(request), request.lang, app.now())!;
      const model = { roster, home, urls: staffUrls(request.params.token), view: 'roster' };
      if (request.query.fragment === '1') return sendFragment(request, reply, 'staff/partials/roster-body', model);
      return reply.page('staff/roster', {
        title: request.t('staff.roster.title', { room: roster.room.name, date: roster.day.date }),
        ...model,
        styles: STYLES,
        scripts: SCRIPTS,
      });
    },
  );

  app.get(
    '/staff/:token/now',
    { preHandler: guard, schema: { params: TokenParams, querystring: FragmentQuery } },
    async (request, reply) => {
      const now = loadNow(app.db, scopeOf(request), request.lang, app.now());
      if (!now) throw new DomainError('not_found', 'shell.error.notFound.body');
      const model = { now, urls: staffUrls(request.params.token), view: 'now' };
      if (request.query.fragment === '1') return sendFragment(request, reply, 'staff/partials/now-body', model);
      return reply.page('staff/now', {
        title: request.t('staff.now.title', { event: now.event.name }),
        ...model,
        styles: STYLES,
        scripts: SCRIPTS,
      });
    },
  );
}

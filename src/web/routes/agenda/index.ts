// A participant's private pages behind their agenda link: the agenda, its print layout, the organization's
// meetings, calendar files (whole agenda, webcal feed, one meeting) and a QR code of the link. The token guard
// answers unknown, malformed and revoked links with the same 404 page before any handler runs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LanguageField, Token, TokenParams, type Static, type TypedApp } from '../../schemas.js';
import { isLanguage, translator, type Language } from '../../../i18n/index.js';
import { agendaQrSvg, loadAgenda, type AgendaView } from '../../../services/agenda/index.js';
import { agendaCalendar, meetingCalendar, type CalendarFile } from '../../../services/calendar/index.js';
import { requireAccessLink } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';

/** `?lang=` overrides the representative's language for one page or file. */
const LangQuery = Type.Object({ lang: Type.Optional(LanguageField) });
type LangQuery = Static<typeof LangQuery>;
/** What the helpers below read of a page request, as the schemas give it. */
type PageRequest = FastifyRequest & { readonly params: TokenParams; readonly query: LangQuery };
/** One meeting's calendar file: /agenda/:token/meetings/<uid>.ics. */
const MeetingFileParams = Type.Object({ token: Token, file: Type.String({ maxLength: 300 }) });

export interface AgendaLinks {
  readonly page: string;
  readonly print: string;
  readonly organization: string;
  readonly agendaIcs: string;
  readonly feed: string;
  readonly webcal: string;
  readonly qr: string;
  readonly switchLanguage: string;
  readonly meetingIcs: (uid: string) => string;
}

function linksFor(publicUrl: string, token: string, language: Language, here: string): AgendaLinks {
  const base = `/agenda/${token}`;
  const other: Language = language === 'ko' ? 'en' : 'ko';
  const lang = `?lang=${language}`;
  return {
    page: `${base}${lang}`,
    print: `${base}/print${lang}`,
    organization: `${base}/organization${lang}`,
    agendaIcs: `${base}/agenda.ics${lang}`,
    feed: `${publicUrl}${base}/feed.ics?lang=${language}`,
    webcal: `${publicUrl.replace(/^https?:/, 'webcal:')}${base}/feed.ics?lang=${language}`,
    qr: `${base}/qr.svg`,
    switchLanguage: `${here}?lang=${other}`,
    meetingIcs: (uid) => `${base}/meetings/${encodeURIComponent(uid)}.ics${lang}`,
  };
}

/** `?lang=` when given, else a language the visitor chose with the switch, else the representative's own. */
function chosenLanguage(request: PageRequest): Language | undefined {
  const cookie = request.cookies['lang'];
  return request.query.lang ?? (isLanguage(cookie) ? cookie : undefined);
}

function accessTokenId(request: FastifyRequest): number {
  if (!request.accessLink) throw new DomainError('not_found', 'participants.notFound.body');
  return request.accessLink.id;
}

async function renderAgenda(
  app: FastifyInstance,
  request: PageRequest,
  reply: FastifyReply,
  template: 'agenda' | 'print' | 'organization',
): Promise<FastifyReply> {
  const agenda = loadAgenda(app.db, {
    accessTokenId: accessTokenId(request),
    language: chosenLanguage(request),
    markSeen: template === 'agenda',
    now: app.now(),
  });
  if (!agenda) throw new DomainError('not_found', 'participants.notFound.body');
  // The page, its layout and the language switch all speak the agenda's language.
  request.lang = agenda.language;
  request.t = translator(agenda.language);
  const path = template === 'agenda' ? '' : `/${template}`;
  const links = linksFor(app.config.publicUrl, request.params.token, agenda.language, `/agenda/${request.params.token}${path}`);
  return reply.page(`agenda/${template}`, {
    title: titleOf(agenda, template, request.t),
    agenda,
    links,
    styles: ['/static/css/agenda.css'],
    scripts: template === 'print' ? [] : ['/static/js/agenda.js'],
  });
}

function titleOf(agenda: AgendaView, template: string, t: (key: string, p?: Record<string, string>) => string): string {
  return template === 'organization'
    ? t('participants.agenda.organizationTitle', { name: agenda.organizationName })
    : t('participants.agenda.title', { name: agenda.representativeName });
}

function sendCalendar(
  request: FastifyRequest,
  reply: FastifyReply,
  file: CalendarFile | undefined,
  filename: string,
  disposition: 'attachment' | 'inline',
): FastifyReply {
  if (!file) throw new DomainError('not_found', 'participants.notFound.body');
  reply
    .header('cache-control', 'private, no-cache')
    .header('etag', file.etag)
    .header('content-disposition', `${disposition}; filename="${filename}"`)
    .type('text/calendar; charset=utf-8');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  return reply.send(file.body);
}

export default async function agendaRoutes(app: TypedApp): Promise<void> {
  const guard = requireAccessLink('participant');
  const pageSchema = { params: TokenParams, querystring: LangQuery };

  app.get('/agenda/:token', { preHandler: guard, schema: pageSchema }, (request, reply) =>
    renderAgenda(app, request, reply, 'agenda'),
  );
  app.get('/agenda/:token/print', { preHandler: guard, schema: pageSchema }, (request, reply) =>
    renderAgenda(app, request, reply, 'print'),
  );
  app.get('/agenda/:token/organization', { preHandler: guard, schema: pageSchema }, (request, reply) =>
    renderAgenda(app, request, reply, 'organization'),
  );

  const calendarRequest = (request: PageRequest) => ({
    accessTokenId: accessTokenId(request),
    agendaUrl: `${app.config.publicUrl}/agenda/${request.params.token}`,
    from: app.config.smtp?.from,
    language: chosenLanguage(request),
  });
  app.get('/agenda/:token/agenda.ics', { preHandler: guard, schema: pageSchema }, async (request, reply) =>
    sendCalendar(request, reply, agendaCalendar(app.db, calendarRequest(request)), 'agenda.ics', 'attachment'),
  );
  // The webcal subscription: calendar apps poll it, and a meeting gone from the schedule disappears from it.
  app.get('/agenda/:token/feed.ics', { preHandler: guard, schema: pageSchema }, async (request, reply) =>
    sendCalendar(request, reply, agendaCalendar(app.db, calendarRequest(request)), 'meetgrid.ics', 'inline'),
  );
  app.get(
    '/agenda/:token/meetings/:file',
    { preHandler: guard, schema: { params: MeetingFileParams, querystring: LangQuery } },
    async (request, reply) => {
      const uid = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -4) : '';
      const file = uid ? meetingCalendar(app.db, calendarRequest(request), uid) : undefined;
      return sendCalendar(request, reply, file, 'meeting.ics', 'attachment');
    },
  );
  app.get('/agenda/:token/qr.svg', { preHandler: guard, schema: pageSchema }, async (request, reply) => {
    accessTokenId(request);
    const svg = await agendaQrSvg(`${app.config.publicUrl}/agenda/${request.params.token}`);
    return reply.header('cache-control', 'private, max-age=3600').type('image/svg+xml').send(svg);
  });
}

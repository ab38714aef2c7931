// A participant's private pages behind their agenda link: the agenda, its print layout, the organization's
// meetings, calendar files (whole agenda, webcal feed, one meeting) and a QR code of the link. The token guard
// answers unknown, malformed and revoked links with the same 404 page before any handler runs.
import { TokenParams as TokenParamsSchema } from '../../schemas.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLanguage, translator, type Language } from '../../../i18n/index.js';
import { agendaQrSvg, loadAgenda, type AgendaView } from '../../../services/agenda/index.js';
import { agendaCalendar, meetingCalendar, type CalendarFile } from '../../../services/calendar/index.js';
import { requireAccessLink } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';

interface TokenParams {
  token: string;
}
interface LangQuery {
  lang?: Language;
}

const tokenParams = TokenParamsSchema;
const langQuery = {
  type: 'object',
  properties: { lang: { type: 'string', enum: ['ko', 'en'] } },
} as const;

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
function chosenLanguage(request: FastifyRequest<{ Querystring: LangQuery }>): Language | undefined {
  const cookie = request.cookies['lang'];
  return request.query.lang ?? (isLanguage(cookie) ? cookie : undefined);
}

function accessTokenId(request: FastifyRequest): number {
  if (!request.accessLink) throw new DomainError('not_found', 'participants.notFound.body');
  return request.accessLink.id;
}

async function renderAgenda(
  app: FastifyInstance,
  request: FastifyRequest<{ Params: TokenParams; Querystring: LangQuery }>,
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

export default async function agendaRoutes(app: FastifyInstance): Promise<void> {
  const guard = requireAccessLink('participant');
  const pageSchema = { params: tokenParams, querystring: langQuery };
  type PageRoute = { Params: TokenParams; Querystring: LangQuery };

  app.get<PageRoute>('/agenda/:token', { preHandler: guard, schema: pageSchema }, (request, reply) =>
    renderAgenda(app, request, reply, 'agenda'),
  );
  app.get<PageRoute>('/agenda/:token/print', { preHandler: guard, schema: pageSchema }, (request, reply) =>
    renderAgenda(app, request, reply, 'print'),
  );
  app.get<PageRoute>('/agenda/:token/organization', { preHandler: guard, schema: pageSchema }, (request, reply) =>
    renderAgenda(app, request, reply, 'organization'),
  );

  const calendarRequest = (request: FastifyRequest<PageRoute>) => ({
    accessTokenId: accessTokenId(request),
    agendaUrl: `${app.config.publicUrl}/agenda/${request.params.token}`,
    from: app.config.smtp?.from,
    language: chosenLanguage(request),
  });
  app.get<PageRoute>('/agenda/:token/agenda.ics', { preHandler: guard, schema: pageSchema }, async (request, reply) =>
    sendCalendar(request, reply, agendaCalendar(app.db, calendarRequest(request)), 'agenda.ics', 'attachment'),
  );
  // The webcal subscription: calendar apps poll it, and a meeting gone from the schedule disappears from it.
  app.get<PageRoute>('/agenda/:token/feed.ics', { preHandler: guard, schema: pageSchema }, async (request, reply) =>
    sendCalendar(request, reply, agendaCalendar(app.db, calendarRequest(request)), 'meetgrid.ics', 'inline'),
  );
  app.get<{ Params: TokenParams & { file: string }; Querystring: LangQuery }>(
    '/agenda/:token/meetings/:file',
    {
      preHandler: guard,
      schema: {
        params: {
          type: 'object',
          required: ['token', 'file'],
          properties: { token: tokenParams.properties.token, file: { type: 'string', maxLength: 300 } },
        },
        querystring: langQuery,
      },
    },
    async (request, reply) => {
      const uid = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -4) : '';
      const file = uid ? meetingCalendar(app.db, calendarRequest(request), uid) : undefined;
      return sendCalendar(request, reply, file, 'meeting.ics', 'attachment');
    },
  );
  app.get<PageRoute>('/agenda/:token/qr.svg', { preHandler: guard, schema: pageSchema }, async (request, reply) => {
    accessTokenId(request);
    const svg = await agendaQrSvg(`${app.config.publicUrl}/agenda/${request.params.token}`);
    return reply.header('cache-control', 'private, max-age=3600').type('image/svg+xml').send(svg);
  });
}

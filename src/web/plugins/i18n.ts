// Language of each request: the `lang` cookie (set by POST /language), else the organizer's saved choice,
// else Accept-Language, else Korean. Exposes `request.lang` and `request.t`.
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import { isLanguage, translator, type Language, type Translator } from '../../i18n/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
    t: Translator;
  }
}

export const DEFAULT_LANGUAGE: Language = 'ko';
const LANG_COOKIE = 'lang';

/** The best of ko/en in an Accept-Language header by q-value, or null when it names neither. */
export function negotiateLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  let best: { language: Language; q: number } | null = null;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (!isLanguage(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language: primary, q };
  }
  return best?.language ?? null;
}

export function setLanguageCookie(reply: FastifyReply, language: Language): void {
  reply.setCookie(LANG_COOKIE, language, {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    maxAge: 365 * 24 * 60 * 60,
  });
}

export default fp(
  async (app) => {
    app.decorateRequest('lang', DEFAULT_LANGUAGE);
    app.decorateRequest('t', null as unknown as Translator);
    app.addHook('onRequest', async (request) => {
      const cookie = request.cookies[LANG_COOKIE];
      const language: Language = isLanguage(cookie)
        ? cookie
        : (request.user?.language ?? negotiateLanguage(request.headers['accept-language']) ?? DEFAULT_LANGUAGE);
      request.lang = language;
      request.t = translator(language);
    });
  },
  { name: 'meetgrid-i18n', dependencies: ['meetgrid-sessions'] },
);

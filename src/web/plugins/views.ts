// Eta views under views/ rendered into views/layout.eta. `reply.page(template, model)` adds what every page
// needs (t, lang, csrfToken, user, path) so handlers pass only their own view model. Templates only loop and
// print: names in the reader's language, texts and flags come ready from the view models in src/web/view-models/,
// and shared formatting from its helpers module, given to every template as `it.fmt`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyReply } from 'fastify';
import { LANGUAGES } from '../../i18n/index.js';
import { viewHelpers } from '../view-models/helpers.js';

// src/web/plugins/ and dist/web/plugins/ both sit three folders below the project root.
export const VIEWS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'views');

export interface PageModel {
  /** Already translated; shown in <title> and usually as the page heading. */
  readonly title: string;
  /** Extra stylesheets and deferred scripts, e.g. '/static/css/staff.css'. */
  readonly styles?: readonly string[];
  readonly scripts?: readonly string[];
  readonly [key: string]: unknown;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders views/<template>.eta inside the layout and sends it (status as set before, 200 by default). */
    page(template: string, model: PageModel): Promise<FastifyReply>;
  }
}

async function page(this: FastifyReply, template: string, model: PageModel): Promise<FastifyReply> {
  const request = this.request;
  const data = {
    styles: [],
    scripts: [],
    ...model,
    t: request.t,
    lang: request.lang,
    languages: LANGUAGES,
    csrfToken: this.generateCsrf(),
    user: request.user,
    path: request.url,
  };
  const html = await this.viewAsync(template, data, { layout: 'layout' });
  // Pages may carry private data (agendas behind a token, organizer screens): never kept by shared caches.
  if (!this.hasHeader('cache-control')) this.header('cache-control', 'no-store');
  return this.type('text/html; charset=utf-8').send(html);
}

export default fp(
  async (app) => {
    await app.register(view, {
      engine: { eta: new Eta({ autoEscape: true, autoTrim: false }) },
      root: VIEWS_FOLDER,
      viewExt: 'eta',
      // Every render, pages and fragments alike, sees the shared formatting as `it.fmt`; partials see it too, since
      // eta starts an included template's data from the including one's.
      defaultContext: { fmt: viewHelpers },
    });
    app.decorateReply('page', page);
  },
  { name: 'meetgrid-views', dependencies: ['meetgrid-i18n', 'meetgrid-csrf', 'meetgrid-sessions'] },
);

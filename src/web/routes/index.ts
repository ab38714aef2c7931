// Every route plugin of the web app, registered here with ONE line each.
//
// Conventions for route plugins: a file's path mirrors the URLs it serves (/events/:slug/timetable is
// events/timetable.ts, /staff/:token/check-ins is staff/check-ins.ts; an area's index.ts registers its files).
// - A route plugin is a plain async `(app: FastifyInstance) => {…}` default export (no fastify-plugin), added
//   below as `await app.register(myRoutes);`. `app.db` is the drizzle Db, `app.now()` the clock, `app.config`
//   the Config; the plugins of src/web/plugins/ add `app.schedulingJobs`, `app.liveUpdates` and
//   `app.streamLiveUpdates`. Handlers declare params, querystring and body once with TypeBox (shared pieces in
//   src/web/schemas.ts), call one service, and render a view model.
// - Render a page inside the layout: `return reply.page('area/template', { title: request.t('area.title'), … })`
//   (views/area/template.eta; inside it `it.t(key)`, `it.lang`, `it.csrfToken`, `it.user`, plus your model;
//   optional `styles: ['/static/css/area.css']`, `scripts: ['/static/js/area.js']` (deferred; no inline script:
//   the CSP forbids it). Set a status first if needed: `reply.code(422).page(…)`. Escape with `<%= %>` only;
//   include partials by their path from views/: `<%~ include('/area/partials/x', it) %>` (leading slash).
// - Translate: `request.t('key', { name: value })`, language in `request.lang` ('ko' | 'en').
// - Organizer only: `{ preHandler: requireOrganizer }` (src/web/guards.ts); the organizer is `request.user`.
// - Participant/staff link: route path with `:token` and `{ preHandler: requireAccessLink('participant') }`
//   (or 'staff'); the link row is `request.accessLink` (eventId, representativeId, roomId, …). Unknown or revoked
//   tokens get the 404 page, a token of the other kind 403, before your handler runs.
// - Forms: every POST/PUT/PATCH/DELETE is CSRF-checked. Put
//   `<input type="hidden" name="_csrf" value="<%= it.csrfToken %>">` in each form; for multipart uploads add it
//   to the action instead: `action="/…?_csrf=<%= encodeURIComponent(it.csrfToken) %>"`.
// - Refusals: throw a DomainError (src/domain/errors.ts), e.g. `new DomainError('not_found', 'shell.error.notFound.body')`
//   or let the service's own one through; src/web/plugins/errors.ts chooses the status and shows the error page in
//   the visitor's language (JSON for JSON clients). Schema failures become a 400 page naming the field. Anything
//   else thrown is logged and shown as a 500 page without details.
import type { FastifyInstance } from 'fastify';
import healthz from './healthz.js';
import login from './login.js';
import language from './language.js';
import account from './account.js';
import home from './home.js';
import agenda from './agenda/index.js';

export default async function routes(app: FastifyInstance): Promise<void> {
  await app.register(healthz);
  await app.register(login);
  await app.register(language);
  await app.register(account);
  await app.register(home);
  await app.register(agenda);
  await app.register(import('./events/index.js'));
  await app.register(import('./staff/index.js'));
}

// What every organizer-data page needs: the event from the URL (404 when unknown), the navigation model, and form
// errors and problems turned into text in the visitor's language.
import type { FastifyRequest } from 'fastify';
import type { EventRow } from '../../../services/setup/index.js';
import type { AffectedMeeting } from '../../../services/setup/index.js';
import type { CsvProblem } from '../../../services/csv/index.js';
import type { FormErrors } from '../../../domain/index.js';
import { localName } from '../../view-models/helpers.js';
import { eventOf as eventOfSlug } from './event-context.js';

export { SlugParams as slugParams, SlugIdParams as idParams } from '../../schemas.js';

export function eventOf(request: FastifyRequest): EventRow {
  const { slug } = request.params as { slug: string };
  return eventOfSlug(request.server, slug);
}

export type NavSection = 'setup' | 'participants' | 'requests' | 'import';

/** Model fields shared by the pages: title, navigation, the event's name in the visitor's language. */
export function pageBase(request: FastifyRequest, event: EventRow, current: NavSection, titleKey: string) {
  const name = localName(event, request.lang);
  return {
    title: request.t(titleKey, { name }),
    styles: ['/static/css/organizer-data.css'],
    eventNav: { slug: event.slug, name, current },
    base: `/events/${encodeURIComponent(event.slug)}`,
    event,
  };
}

/** Field → message, for showing each error next to its field. */
export function errorTexts(request: FastifyRequest, errors: FormErrors): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [field, error] of Object.entries(errors)) texts[field] = request.t(error.key, error.params);
  return texts;
}

export function problemTexts(request: FastifyRequest, problems: readonly CsvProblem[]) {
  return problems.map((problem) => ({ line: problem.line, column: problem.column, message: request.t(problem.key, problem.params) }));
}

export function meetingTexts(request: FastifyRequest, meetings: readonly AffectedMeeting[]) {
  return meetings.map((m) => ({
    version: request.t(`organizerData.version.${m.versionStatus}`, { number: m.versionNumber }),
    when: `${m.date} ${m.startTime} (${m.slotCode})`,
    table: m.tableLabel,
    between: `${m.requesterCode} ${request.lang === 'ko' ? m.requesterName.ko : m.requesterName.en} – ${m.requestedCode} ${
      request.lang === 'ko' ? m.requestedName.ko : m.requestedName.en
    }`,
  }));
}

/** A display name in the visitor's language. */
export function nameIn(request: FastifyRequest, thing: { readonly nameKo: string; readonly nameEn: string }): string {
  return localName(thing, request.lang);
}

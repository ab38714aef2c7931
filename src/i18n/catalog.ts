// Korean and English message catalogs. Every visible string lives in one of the area files under messages/;
// each area file exports `{ ko: {...}, en: {...} }` with the same keys, and is listed once here.
import { LANGUAGES, type Language } from '../domain/index.js';
import { common } from './messages/common.js';
import { participants } from './messages/participants.js';
import { shell } from './messages/shell.js';
import { eventSetup } from './messages/event-setup.js';
import { check } from './messages/check.js';
import { organizerData } from './messages/organizer-data.js';
import { organizerImport } from './messages/organizer-import.js';
import { organizerSetup } from './messages/organizer-setup.js';
import { solve } from './messages/solve.js';
import { organizerSchedule } from './messages/organizer-schedule.js';
import { organizerTimetable } from './messages/organizer-timetable.js';
import { staff } from './messages/staff.js';
import { unscheduled } from './messages/unscheduled.js';
import { links } from './messages/links.js';

const areas = [common, shell, eventSetup, participants, check, organizerData, organizerImport, organizerSetup, solve, organizerSchedule, organizerTimetable, staff, unscheduled, links];

export type Messages = Readonly<Record<string, string>>;

function merge(language: Language): Messages {
  const merged: Record<string, string> = {};
  for (const area of areas) Object.assign(merged, area[language]);
  return merged;
}

export const catalogs: Readonly<Record<Language, Messages>> = {
  ko: merge('ko'),
  en: merge('en'),
};

export { LANGUAGES, type Language };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Translates `key`, filling `{name}` placeholders from `params`. A missing key shows itself,
 * so a forgotten string is visible on the page and caught by the catalog test.
 */
export function translate(
  language: Language,
  key: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = catalogs[language][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translator = (key: string, params?: Readonly<Record<string, string | number>>) => string;

export function translator(language: Language): Translator {
  return (key, params) => translate(language, key, params);
}

// Formatting shared by every template, given to eta as `it.fmt`. Templates loop and print; whatever needs a
// function (joining names, percentages, choosing a language's name, CSS classes from states) lives here, once.
import type { Language } from '../../domain/index.js';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Something named in both languages, as the database keeps it. */
export interface Bilingual {
  readonly nameKo: string;
  readonly nameEn: string;
}

/** The name in the reader's language. */
export function localName(thing: Bilingual, lang: Language): string {
  return lang === 'ko' ? thing.nameKo : thing.nameEn;
}

/** A share from 0 to 1 as a whole percentage; a dash when there is nothing to measure yet. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** A load against capacity (1 is full) as a percentage with a space before the sign; a dash when unbounded. */
export function loadPercent(load: number): string {
  return Number.isFinite(load) ? `${Math.round(load * 100)} %` : '–';
}

/** Each item described on its own line, for a title attribute; empty when there is nothing to describe. */
export function lines<T>(items: readonly T[] | null | undefined, describe: (item: T) => string): string {
  return items ? items.map(describe).join('\n') : '';
}

/** The translator with a key prefix, for templates that use many keys of one area. */
export function scoped(t: Translate, prefix: string): Translate {
  return (key, params) => t(prefix + key, params);
}

/** The root URL of an event's pages. */
export function eventUrl(slug: string): string {
  return `/events/${encodeURIComponent(slug)}`;
}

/** Names of a list of people or organizations, comma separated. */
export function names(list: readonly { readonly name: string }[]): string {
  return list.map((item) => item.name).join(', ');
}

/** Strings, comma separated. */
export function list(items: readonly string[]): string {
  return items.join(', ');
}

/** Code and name of each organization, comma separated. */
export function codedNames(list: readonly { readonly code: string; readonly name: string }[]): string {
  return list.map((item) => `${item.code} ${item.name}`).join(', ');
}

/** A person with their address when known: `Name <mail@example.com>`. */
export function contact(person: { readonly name: string; readonly email?: string | null }): string {
  return person.name + (person.email ? ` <${person.email}>` : '');
}

/** Keys of an object that start with a prefix, in their order. */
export function keysStartingWith(record: Readonly<Record<string, unknown>>, prefix: string): string[] {
  return Object.keys(record).filter((key) => key.startsWith(prefix));
}

/** Every item has the flag set (false for none). */
export function allFlagged<K extends string>(list: readonly Readonly<Record<K, unknown>>[], flag: K): boolean {
  return list.every((item) => Boolean(item[flag]));
}

/** Slot codes with their start time, as one line: `A1 09:00 · A2 09:25`. */
export function slotLine(slots: readonly { readonly code: string; readonly startTime: string }[]): string {
  return slots.map((slot) => `${slot.code} ${slot.startTime}`).join(' · ');
}

/** What a form shows: what was just submitted when it is the form that failed, else what is stored. */
export function formValues<V>(state: { readonly form: string | null; readonly values: V }, form: string, stored: V): V {
  return state.form === form ? state.values : stored;
}

/** The errors of a form: those of the last submission when it is the form that failed, else none. */
export function formErrors<E extends object>(
  state: { readonly form: string | null; readonly errors: E },
  form: string,
): E | Record<string, never> {
  return state.form === form ? state.errors : {};
}

export const viewHelpers = {
  localName,
  percent,
  loadPercent,
  lines,
  scoped,
  eventUrl,
  names,
  list,
  codedNames,
  contact,
  keysStartingWith,
  allFlagged,
  slotLine,
  formValues,
  formErrors,
};

export type ViewHelpers = typeof viewHelpers;

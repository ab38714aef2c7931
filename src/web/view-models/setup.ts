// The setup page: rooms and the capacity check with names in the reader's language.
import type { Language } from '../../domain/index.js';
import { localName, type Bilingual } from './helpers.js';

interface Overloaded extends Bilingual {
  readonly code: string;
}

export function capacityView<C extends { readonly overloaded: readonly Overloaded[] }>(
  capacity: C,
  lang: Language,
): Omit<C, 'overloaded'> & { readonly overloaded: readonly (C['overloaded'][number] & { readonly name: string })[] } {
  return { ...capacity, overloaded: capacity.overloaded.map((o) => ({ ...o, name: localName(o, lang) })) };
}

/** Rooms with their name in the reader's language beside the two stored names the forms edit. */
export function roomsView<R extends Bilingual>(rooms: readonly R[], lang: Language): (R & { readonly name: string })[] {
  return rooms.map((room) => ({ ...room, name: localName(room, lang) }));
}

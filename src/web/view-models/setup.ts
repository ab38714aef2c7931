// The setup page: the capacity check with organization names in the reader's language.
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

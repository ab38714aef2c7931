// How the command line says a refusal of the services: in the reader's language through the catalog, after the
// input it is about (`email: "x" is not an e-mail address`).
import type { Translator } from '../i18n/index.js';
import type { DomainError } from '../domain/index.js';

export function refusalText(error: DomainError, t: Translator): string {
  const text = t(error.key, error.params);
  return error.field ? `${error.field}: ${text}` : text;
}

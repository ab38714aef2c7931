// The one shape of a refusal: what kind of refusal (code), which input it is about (field, when one is), and a
// message key of the catalog with its params, so that the web app and the CLI say it in the reader's language.
// Services throw or return these; only the web's error plugin turns a code into an HTTP status.

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * - `invalid`: the input breaks a rule (a form field, a file line);
 * - `not_found`: what the input names does not exist (or is not the caller's to see);
 * - `conflict`: the input was fine, but the state changed or forbids it now (stale draft, slot taken);
 * - `forbidden`: the caller may not do this;
 * - `unavailable`: the thing exists but cannot serve now (nothing published yet, too large to export).
 */
export type RefusalCode = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: RefusalCode,
    readonly key: string,
    readonly params: MessageParams = {},
    readonly field?: string,
  ) {
    // The message is for logs and stack traces; people read the key through the catalog.
    super(field ? `${field}: ${key}` : key);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

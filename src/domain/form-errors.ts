// What a rejected form says, field by field, so the page can show each message next to its field.
import type { MessageParams } from './errors.js';

export interface FieldError {
  readonly key: string;
  readonly params: MessageParams;
}

export type FormErrors = Readonly<Record<string, FieldError>>;

export type FormResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FormErrors };

/** Collects the first error of each field. */
export class ErrorCollector {
  private readonly errors: Record<string, FieldError> = {};

  add(field: string, key: string, params: MessageParams = {}): void {
    if (!(field in this.errors)) this.errors[field] = { key, params };
  }

  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail<T>(): FormResult<T> {
    return { ok: false, errors: { ...this.errors } };
  }
}

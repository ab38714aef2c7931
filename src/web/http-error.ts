// Thrown from handlers and preHandlers to show the error page with a given status and catalog message,
// e.g. `throw new HttpError(404)` or `throw new HttpError(409, 'shell.error.conflict.body')`.
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly messageKey?: string,
    readonly messageParams: Readonly<Record<string, string | number>> = {},
  ) {
    super(messageKey ?? `HTTP ${statusCode}`);
  }
}

// Where to go after a form: only a path on this site, so `next=` cannot send a visitor elsewhere.
export function localPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) {
    return fallback;
  }
  return next;
}

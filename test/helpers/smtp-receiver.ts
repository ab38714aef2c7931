// A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, keeping what it receives. It can be
// told to refuse messages, to show what the outbox does when a server says no.
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../../src/config.js';

export interface ReceivedMail {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
}

export interface SmtpReceiver {
  readonly config: SmtpConfig;
  readonly received: ReceivedMail[];
  /** While true, every message is answered with a temporary failure (451). */
  refuse: boolean;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse) {
          const error = new Error('mailbox busy, try later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp receiver has no port');
  return {
    config: { host: '127.0.0.1', port: address.port, secure: false, from: 'GSAT desk <desk@gsat.example>' },
    received,
    get refuse() {
      return state.refuse;
    },
    set refuse(value: boolean) {
      state.refuse = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface MimePart {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The leaf parts of a MIME message, decoded (base64 and quoted-printable), enough to check what was sent. */
export function mimeParts(raw: string): MimePart[] {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = parseHeaders(head ?? '');
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return [{ headers, body: decode(body, headers['content-transfer-encoding']) }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => mimeParts(chunk.replace(/^\r?\n/, '')));
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decode(body: string, encoding: string | undefined): string {
  const kind = (encoding ?? '').toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export function calendarPart(raw: string): { method: string; text: string } | undefined {
  const part = mimeParts(raw).find((p) => (p.headers['content-type'] ?? '').startsWith('text/calendar'));
  if (!part) return undefined;
  const method = /method=([A-Z]+)/i.exec(part.headers['content-type'] ?? '')?.[1] ?? '';
  return { method: method.toUpperCase(), text: part.body };
}

/** The top-level headers of a message, with RFC 2047 encoded words decoded. */
export function messageHeaders(raw: string): Record<string, string> {
  const headers = parseHeaders(raw.split(/\r?\n\r?\n/)[0] ?? '');
  for (const key of Object.keys(headers)) {
    headers[key] = headers[key]!.replace(/\?=\s+=\?/g, '?==?').replace(
      /=\?utf-8\?([bq])\?([^?]*)\?=/gi,
      (_, kind: string, text: string) =>
        kind.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decode(text.replace(/_/g, ' '), 'quoted-printable'),
    );
  }
  return headers;
}

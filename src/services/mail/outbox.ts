// Sends what waits in the outbox through SMTP (nodemailer). A row is claimed (pending → sending) before it is
// handed to SMTP and only a successful hand-over marks it sent; a refusal puts it back to pending with the error
// and a later due time (exponential back-off), up to a last attempt after which it is failed. A row found in
// 'sending' at start-up may have gone out already, so it is never retried on its own: an organizer decides.
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SmtpConfig } from '../../config.js';
import type { Db } from '../../db/index.js';
import { getEventBySlug } from '../../db/index.js';
import {
  claimNextDue,
  failInterrupted,
  markAttemptFailed,
  markSent,
  outboxCounts,
  outboxMessage,
  outboxOfEvent,
  requeueMessage,
  type OutboxRow,
} from '../../db/index.js';

export const DEFAULT_FROM = 'Meetgrid <no-reply@meetgrid.local>';

export interface RetryPolicy {
  /** Delay before the second attempt; doubled for each further one. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** After this many failed attempts the message is failed for good. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 8 };

/** When the next attempt may run after `attempts` failed ones, or null when there is none left. */
export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy = DEFAULT_RETRY): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  return new Date(now.getTime() + delay);
}

export function smtpTransport(smtp: SmtpConfig): Transporter {
  // A pooled connection: a publish enqueues dozens of invites, and one SMTP handshake each is slow.
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** The message as nodemailer sends it; the stored Message-ID goes out as is, so receivers can spot a copy. */
export function mailOptions(row: OutboxRow, from: string): SendMailOptions {
  return {
    from,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    ...(row.htmlBody ? { html: row.htmlBody } : {}),
    messageId: row.messageId,
    date: row.createdAt,
    ...(row.icsBody && row.icsMethod
      ? {
          icalEvent: { method: row.icsMethod, filename: 'invite.ics', content: row.icsBody },
        }
      : {}),
  };
}

/** The message as an .eml file (RFC 5322), for organizers to download when no SMTP server is configured. */
export function renderEml(row: OutboxRow, from: string): Promise<Buffer> {
  return new MailComposer(mailOptions(row, from)).compile().build();
}

export interface DeliveryReport {
  readonly sent: number;
  readonly deferred: number;
  readonly failed: number;
}

export interface DeliveryOptions {
  readonly from: string;
  readonly policy?: RetryPolicy;
  readonly now?: () => Date;
  /** Stop after this many messages in one run. */
  readonly limit?: number;
}

/** One pass over the outbox: every due message is tried once, one after the other. */
export async function deliverDue(db: Db, transport: Transporter, options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const limit = options.limit ?? 100;
  let sent = 0;
  let deferred = 0;
  let failed = 0;
  let lastId = 0;
  for (let count = 0; count < limit; count++) {
    const row = claimNextDue(db, now(), lastId);
    if (!row) break;
    lastId = row.id;
    try {
      await transport.sendMail(mailOptions(row, options.from));
      markSent(db, row.id, now());
      sent++;
    } catch (error) {
      const next = nextAttemptAt(row.attempts, now(), options.policy);
      markAttemptFailed(db, row.id, describeError(error), next);
      if (next) deferred++;
      else failed++;
    }
  }
  return { sent, deferred, failed };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as { response?: string }).response;
    return (response ?? error.message).split('\n')[0]!.slice(0, 500);
  }
  return String(error).slice(0, 500);
}

export interface OutboxWorker {
  /** Runs one delivery pass now (also what the timer does). */
  runOnce(): Promise<DeliveryReport>;
  stop(): Promise<void>;
}

export interface WorkerOptions extends Omit<DeliveryOptions, 'from'> {
  readonly intervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

/** Polls the outbox; with no SMTP configured there is no worker and messages wait for download. */
export function startOutboxWorker(db: Db, smtp: SmtpConfig | null, options: WorkerOptions = {}): OutboxWorker | null {
  if (!smtp) return null;
  failInterrupted(db, 'interrupted while sending; it may or may not have been delivered');
  const transport = smtpTransport(smtp);
  const interval = options.intervalMs ?? 5_000;
  let running: Promise<DeliveryReport> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const runOnce = (): Promise<DeliveryReport> => {
    running ??= deliverDue(db, transport, { ...options, from: smtp.from }).finally(() => {
      running = null;
    });
    return running;
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => schedule(interval));
    }, delay);
    timer.unref();
  };
  // What waited while the app was down goes out right away.
  schedule(0);
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      transport.close();
    },
  };
}

export interface OutboxListItem {
  readonly id: number;
  readonly to: string;
  readonly subject: string;
  readonly status: OutboxRow['status'];
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
  readonly nextAttemptAt: Date | null;
  readonly calendarMethod: string | null;
}

export interface OutboxOverview {
  readonly eventId: number;
  readonly eventName: { readonly ko: string; readonly en: string };
  /** IANA zone the event's times are read in. */
  readonly timezone: string;
  readonly counts: Record<OutboxRow['status'], number>;
  readonly messages: readonly OutboxListItem[];
}

/** The outbox of one event for organizers (newest first); undefined for an unknown event. */
export function outboxOverview(db: Db, slug: string): OutboxOverview | undefined {
  const event = getEventBySlug(db, slug);
  if (!event) return undefined;
  return {
    eventId: event.id,
    eventName: { ko: event.nameKo, en: event.nameEn },
    timezone: event.timezone,
    counts: outboxCounts(db, event.id),
    messages: outboxOfEvent(db, event.id).map((row) => ({
      id: row.id,
      to: row.toAddress,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      nextAttemptAt: row.nextAttemptAt,
      calendarMethod: row.icsMethod,
    })),
  };
}

/** One message of an event as an .eml file; undefined when the event or message is unknown. */
export async function outboxEml(db: Db, slug: string, id: number, from: string): Promise<Buffer | undefined> {
  const event = getEventBySlug(db, slug);
  const row = event ? outboxMessage(db, event.id, id) : undefined;
  return row ? renderEml(row, from) : undefined;
}

export type RetryOutcome = 'requeued' | 'not_retriable' | 'not_found';

/** An organizer's "send again": failed or waiting messages become due now; sent ones are never sent twice. */
export function retryOutboxMessage(db: Db, slug: string, id: number): RetryOutcome {
  const event = getEventBySlug(db, slug);
  if (!event || !outboxMessage(db, event.id, id)) return 'not_found';
  return requeueMessage(db, event.id, id) ? 'requeued' : 'not_retriable';
}

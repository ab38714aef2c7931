// The e-mail outbox: messages wait here until a worker claims and sends them. The unique Message-ID makes
// enqueueing idempotent; claiming flips pending → sending in one statement, so two workers never take one row.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { emailOutbox } from '../schema/index.js';

export type OutboxRow = typeof emailOutbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

export interface NewOutboxMessage {
  readonly eventId: number | null;
  readonly representativeId: number | null;
  readonly messageId: string;
  readonly toAddress: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody?: string | null;
  readonly icsMethod?: 'REQUEST' | 'CANCEL' | 'PUBLISH' | null;
  readonly icsBody?: string | null;
}

// Building a drizzle insert costs more than running it; a publish enqueues thousands of messages, so the
// statement is prepared once per database and only its parameters change.
function prepareEnqueue(db: Db) {
  return db
    .insert(emailOutbox)
    .values({
      eventId: sql.placeholder('eventId'),
      representativeId: sql.placeholder('representativeId'),
      messageId: sql.placeholder('messageId'),
      toAddress: sql.placeholder('toAddress'),
      subject: sql.placeholder('subject'),
      textBody: sql.placeholder('textBody'),
      htmlBody: sql.placeholder('htmlBody'),
      icsMethod: sql.placeholder('icsMethod'),
      icsBody: sql.placeholder('icsBody'),
    })
    .onConflictDoNothing({ target: emailOutbox.messageId })
    .prepare();
}

const enqueueByDb = new WeakMap<Db, ReturnType<typeof prepareEnqueue>>();

/** True when the message was added; false when one with the same Message-ID is already there. */
export function enqueueMessage(db: Db, message: NewOutboxMessage): boolean {
  let statement = enqueueByDb.get(db);
  if (!statement) {
    statement = prepareEnqueue(db);
    enqueueByDb.set(db, statement);
  }
  return (
    statement.run({
      ...message,
      htmlBody: message.htmlBody ?? null,
      icsMethod: message.icsMethod ?? null,
      icsBody: message.icsBody ?? null,
    }).changes === 1
  );
}

/**
 * Takes the oldest pending message after `afterId` that is due, marking it as being sent; undefined when none is
 * due. Passing the last id taken makes one delivery run a single pass, so a failure is not retried within it.
 */
export function claimNextDue(db: Db, now: Date, afterId = 0): OutboxRow | undefined {
  const due = sql`(select ${emailOutbox.id} from ${emailOutbox}
    where ${emailOutbox.status} = 'pending' and ${emailOutbox.id} > ${afterId}
      and (${emailOutbox.nextAttemptAt} is null or ${emailOutbox.nextAttemptAt} <= ${now.getTime()})
    order by ${emailOutbox.id} limit 1)`;
  return db
    .update(emailOutbox)
    .set({ status: 'sending', attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, due), eq(emailOutbox.status, 'pending')))
    .returning()
    .get();
}

export function markSent(db: Db, id: number, at: Date): void {
  db.update(emailOutbox)
    .set({ status: 'sent', sentAt: at, lastError: null, nextAttemptAt: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending')))
    .run();
}

/** Back to pending for another try at `nextAttemptAt`, or failed for good when that is null. */
export function markAttemptFailed(db: Db, id: number, error: string, nextAttemptAt: Date | null): void {
  db.update(emailOutbox)
    .set({ status: nextAttemptAt ? 'pending' : 'failed', lastError: error, nextAttemptAt })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending')))
    .run();
}

/**
 * Rows left in 'sending' by a process that stopped mid-send may or may not have been delivered; they become
 * failed (never retried on their own) so an organizer decides.
 */
export function failInterrupted(db: Db, error: string): number {
  return db
    .update(emailOutbox)
    .set({ status: 'failed', lastError: error })
    .where(eq(emailOutbox.status, 'sending'))
    .run().changes;
}

/** An organizer's retry: a failed or waiting message becomes due now. False for sent ones (never sent twice). */
export function requeueMessage(db: Db, eventId: number, id: number): boolean {
  return (
    db
      .update(emailOutbox)
      .set({ status: 'pending', nextAttemptAt: null })
      .where(
        and(eq(emailOutbox.id, id), eq(emailOutbox.eventId, eventId), inArray(emailOutbox.status, ['failed', 'pending'])),
      )
      .run().changes === 1
  );
}

export function outboxOfEvent(db: Db, eventId: number, limit = 500): OutboxRow[] {
  return db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.eventId, eventId))
    .orderBy(desc(emailOutbox.id))
    .limit(limit)
    .all();
}

export function outboxMessage(db: Db, eventId: number, id: number): OutboxRow | undefined {
  return db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.eventId, eventId)))
    .get();
}

export function outboxCounts(db: Db, eventId: number): Record<OutboxStatus, number> {
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  const rows = db
    .select({ status: emailOutbox.status, count: sql<number>`count(*)` })
    .from(emailOutbox)
    .where(eq(emailOutbox.eventId, eventId))
    .groupBy(emailOutbox.status)
    .orderBy(asc(emailOutbox.status))
    .all();
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

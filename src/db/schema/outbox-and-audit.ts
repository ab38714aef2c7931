// What the server records and sends on the side: the audit log, the e-mail outbox, and its own small settings.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './access-and-accounts.js';
import { createdAt, id, instant, updatedAt } from './columns.js';
import { events } from './event-structure.js';
import { representatives } from './organizations.js';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(), // 'user:3', 'staff:12', 'cli', 'system'
    action: text('action').notNull(), // 'meeting.move', 'version.publish', …
    subject: text('subject').notNull().default(''),
    detailsJson: text('details_json').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_event_created').on(t.eventId, t.createdAt)],
);

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: id(),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    representativeId: integer('representative_id').references(() => representatives.id, {
      onDelete: 'set null',
    }),
    // Unique Message-ID: a message is sent at most once.
    messageId: text('message_id').notNull().unique(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    // Calendar part (text/calendar) and its METHOD, if any.
    icsMethod: text('ics_method', { enum: ['REQUEST', 'CANCEL', 'PUBLISH'] }),
    icsBody: text('ics_body'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('email_outbox_status_next').on(t.status, t.nextAttemptAt)],
);

// Small key/value facts the server keeps about itself, e.g. the generated cookie-signing secret.
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

// Who did what: every change an organizer, a staff link or the CLI makes is recorded here.
import type { Db } from '../../db/index.js';
import { insertAuditEntry } from '../../db/index.js';

export interface AuditEntry {
  /** 'user:3', 'staff:12', 'participant:7', 'cli' or 'system'. */
  readonly actor: string;
  /** Dotted verb, e.g. 'user.login', 'access_link.revoke'. */
  readonly action: string;
  readonly eventId?: number | null;
  readonly userId?: number | null;
  readonly subject?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function recordAudit(db: Db, entry: AuditEntry): void {
  insertAuditEntry(db, {
    actor: entry.actor,
    action: entry.action,
    eventId: entry.eventId ?? null,
    userId: entry.userId ?? null,
    subject: entry.subject ?? '',
    detailsJson: JSON.stringify(entry.details ?? {}),
  });
}

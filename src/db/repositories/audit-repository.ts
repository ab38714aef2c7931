// The append-only audit log.
import type { Db } from '../client.js';
import { auditLog } from '../schema/index.js';

export type AuditRow = typeof auditLog.$inferSelect;

export function insertAuditEntry(db: Db, values: typeof auditLog.$inferInsert): void {
  db.insert(auditLog).values(values).run();
}

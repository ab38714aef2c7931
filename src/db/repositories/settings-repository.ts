// Key/value facts the server keeps about itself.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { settings } from '../schema/index.js';

export function readSetting(db: Db, key: string): string | null {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

/** Stores `value` unless the key already has one, and returns whichever value is stored (first writer wins). */
export function storeSettingOnce(db: Db, key: string, value: string): string {
  db.insert(settings).values({ key, value }).onConflictDoNothing().run();
  return readSetting(db, key) ?? value;
}

export function writeSetting(db: Db, key: string, value: string): void {
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`(unixepoch('subsec') * 1000)` } })
    .run();
}

export function deleteSetting(db: Db, key: string): void {
  db.delete(settings).where(eq(settings.key, key)).run();
}

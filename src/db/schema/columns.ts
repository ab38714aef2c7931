// Column groups that many tables share, written once: the surrogate key, the creation and change instants, the
// names shown in Korean and English, and the owning event. Instants are epoch milliseconds.
import { sql } from 'drizzle-orm';
import { integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** An instant that may be unset (published, last used, revoked, …). */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const createdAt = () =>
  instant('created_at')
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const updatedAt = () =>
  instant('updated_at')
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** What people read in either language: the Korean and the English name. */
export const names = () => ({
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
});

/** A required reference to the row this one belongs to; it goes when that row goes. */
export const belongsTo = (name: string, target: () => AnySQLiteColumn) =>
  integer(name).notNull().references(target, { onDelete: 'cascade' });

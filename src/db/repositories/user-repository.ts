// Organizer accounts (users) and their server-side sessions.
import { and, count, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { sessions, users, type Language } from '../schema/index.js';
import { deleteSetting, readSetting, writeSetting } from './settings-repository.js';

export type UserRow = typeof users.$inferSelect;

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(users.email).all();
}

export function findUserByEmail(db: Db, email: string): UserRow | null {
  return db.select().from(users).where(eq(users.email, email)).get() ?? null;
}

export function findUserById(db: Db, id: number): UserRow | null {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

export function insertUser(
  db: Db,
  values: { email: string; name?: string; passwordHash: string; language?: Language | null },
): UserRow {
  return db.insert(users).values(values).returning().get();
}

export function updateUserPassword(db: Db, id: number, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
}

export function updateUserLanguage(db: Db, id: number, language: Language): void {
  db.update(users).set({ language }).where(eq(users.id, id)).run();
}

export function updateUserLastLogin(db: Db, id: number, at: Date): void {
  db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id)).run();
}

export function insertSession(db: Db, values: { id: string; userId: number; expiresAt: Date }): void {
  db.insert(sessions).values(values).run();
}

/** The user of a live session, or null when the session is unknown or expired. */
export function findSessionUser(db: Db, sessionHash: string, now: Date): UserRow | null {
  const row = db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionHash), gt(sessions.expiresAt, now)))
    .get();
  return row?.user ?? null;
}

export function deleteSession(db: Db, sessionHash: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionHash)).run();
}

export function deleteSessionsOfUser(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteExpiredSessions(db: Db, now: Date): number {
  return db.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes;
}

// An organizer whose password was generated (first start, CLI, reset) must choose their own at the next login;
// the flag is a setting, so the users table stays as it is.
const mustChangeKey = (userId: number): string => `must_change_password:${userId}`;

export function userMustChangePassword(db: Db, userId: number): boolean {
  return readSetting(db, mustChangeKey(userId)) !== null;
}

export function markMustChangePassword(db: Db, userId: number): void {
  writeSetting(db, mustChangeKey(userId), '1');
}

/** The first organizer with a generated password, unless there is one already (then null). One transaction. */
export function insertFirstUser(db: Db, values: { email: string; name: string; passwordHash: string }): UserRow | null {
  return db.transaction(() => {
    if (countUsers(db) > 0) return null;
    const user = insertUser(db, values);
    markMustChangePassword(db, user.id);
    return user;
  });
}

/**
 * A new password: every session of the organizer ends, and `generated` says whether they must choose their own at
 * the next login. One transaction.
 */
export function replacePassword(db: Db, userId: number, passwordHash: string, generated: boolean): void {
  db.transaction(() => {
    updateUserPassword(db, userId, passwordHash);
    deleteSessionsOfUser(db, userId);
    if (generated) markMustChangePassword(db, userId);
    else deleteSetting(db, mustChangeKey(userId));
  });
}

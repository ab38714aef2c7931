// Organizer accounts: scrypt password hashes, log-in, and sessions whose id only the cookie knows.
import { DomainError, type MessageParams } from '../../domain/index.js';
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Db } from '../../db/index.js';
import type { Language } from '../../db/index.js';
import {
  countUsers,
  deleteExpiredSessions,
  deleteSession,
  findSessionUser,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  listUsers,
  updateUserLanguage,
  updateUserLastLogin,
  type UserRow,
} from '../../db/index.js';
import { insertFirstUser, markMustChangePassword, replacePassword, userMustChangePassword } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';

export const FIRST_ORGANIZER_EMAIL = 'admin@meetgrid.local';
export const MIN_PASSWORD_LENGTH = 10;
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

// N=2^15 costs tens of milliseconds and 32 MiB per hash: slow for guessing, fine for a handful of organizers.
const SCRYPT = { N: 32768, r: 8, p: 1, keyLength: 64, maxmem: 64 * 1024 * 1024 };

export type Organizer = Pick<UserRow, 'id' | 'email' | 'name' | 'language'>;

// A generated password (first start, CLI add or reset) was seen by whoever read the console: its holder must
// choose their own before doing anything else. Kept as a setting so the users table stays as it is.
export function mustChangePassword(db: Db, userId: number): boolean {
  return userMustChangePassword(db, userId);
}

/** Bad account input; `field` names the form field. */
export class AccountError extends DomainError {
  override name = 'AccountError';
  constructor(field: string, key: string, params: MessageParams = {}) {
    super('invalid', key, params, field);
  }
  /** The form field at fault (always set for account refusals). */
  declare readonly field: string;
}

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keyLength, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Verified against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function checkEmail(email: string): void {
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new AccountError('email', 'shell.account.notAnEmail', { email });
  }
}

function checkPassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(field, 'shell.account.fieldTooShort', { field, min: MIN_PASSWORD_LENGTH });
  }
}

/** A random password for a new or reset account, shown once to whoever runs the command. */
function generatedPassword(): string {
  return randomBytes(12).toString('base64url');
}

function toOrganizer(user: UserRow): Organizer {
  return { id: user.id, email: user.email, name: user.name, language: user.language };
}

export async function createOrganizer(
  db: Db,
  input: { email: string; password: string; name?: string; language?: Language | null },
): Promise<Organizer> {
  const email = normalizeEmail(input.email);
  checkEmail(email);
  checkPassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  if (findUserByEmail(db, email)) throw new AccountError('email', 'shell.account.taken', { email });
  const user = insertUser(db, { email, name: input.name ?? '', passwordHash, language: input.language ?? null });
  return toOrganizer(user);
}

/**
 * On a database without any organizer, creates admin@meetgrid.local with a random password and returns it
 * (the only time it is visible); otherwise does nothing.
 */
export async function ensureFirstOrganizer(
  db: Db,
): Promise<{ created: true; email: string; password: string } | { created: false }> {
  if (countUsers(db) > 0) return { created: false };
  const password = generatedPassword();
  const passwordHash = await hashPassword(password);
  if (!insertFirstUser(db, { email: FIRST_ORGANIZER_EMAIL, name: 'Admin', passwordHash })) return { created: false };
  recordAudit(db, { actor: 'system', action: 'user.create', subject: FIRST_ORGANIZER_EMAIL });
  return { created: true, email: FIRST_ORGANIZER_EMAIL, password };
}

/** The organizer with this e-mail and password, or null; both failures look the same to the caller. */
export async function authenticate(db: Db, email: string, password: string, now: Date): Promise<Organizer | null> {
  const user = findUserByEmail(db, normalizeEmail(email));
  if (!user) {
    decoyHash ??= hashPassword(randomBytes(16).toString('base64url'));
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    recordAudit(db, { actor: `user:${user.id}`, userId: user.id, action: 'user.login_failed' });
    return null;
  }
  updateUserLastLogin(db, user.id, now);
  recordAudit(db, { actor: `user:${user.id}`, userId: user.id, action: 'user.login' });
  return toOrganizer(user);
}

function sessionHash(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('hex');
}

/** Starts a session; the returned value goes into the (signed) cookie and is never stored. */
export function startSession(db: Db, userId: number, now: Date): { value: string; expiresAt: Date } {
  const value = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  deleteExpiredSessions(db, now);
  insertSession(db, { id: sessionHash(value), userId, expiresAt });
  return { value, expiresAt };
}

export function resolveSession(db: Db, cookieValue: string, now: Date): Organizer | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return null;
  const user = findSessionUser(db, sessionHash(cookieValue), now);
  return user ? toOrganizer(user) : null;
}

export function endSession(db: Db, cookieValue: string): void {
  deleteSession(db, sessionHash(cookieValue));
}

export function setOrganizerLanguage(db: Db, userId: number, language: Language): void {
  updateUserLanguage(db, userId, language);
}

/** Adds an organizer with a generated password and returns it (the only time it is visible). */
export async function addOrganizer(
  db: Db,
  input: { email: string; name?: string },
): Promise<{ organizer: Organizer; password: string }> {
  const password = generatedPassword();
  const organizer = await createOrganizer(db, { ...input, password });
  markMustChangePassword(db, organizer.id);
  recordAudit(db, { actor: 'cli', action: 'user.create', userId: organizer.id, subject: organizer.email });
  return { organizer, password };
}

/** Gives the organizer a new generated password and ends all their sessions: the way back in after a loss. */
export async function resetOrganizerPassword(db: Db, email: string): Promise<string> {
  const user = findUserByEmail(db, normalizeEmail(email));
  if (!user) throw new AccountError('email', 'shell.account.unknown', { email });
  const password = generatedPassword();
  const passwordHash = await hashPassword(password);
  replacePassword(db, user.id, passwordHash, true);
  recordAudit(db, { actor: 'cli', action: 'user.password_reset', userId: user.id, subject: user.email });
  return password;
}

export function listOrganizers(db: Db): Organizer[] {
  return listUsers(db).map(toOrganizer);
}

/** Changes the password and ends every session of the organizer (the caller starts a fresh one). */
export async function changePassword(
  db: Db,
  userId: number,
  input: { current: string; next: string; confirm: string },
): Promise<void> {
  const user = findUserById(db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new AccountError('current', 'shell.account.wrongCurrent');
  }
  checkPassword(input.next, 'next');
  if (input.next !== input.confirm) throw new AccountError('confirm', 'shell.account.mismatch');
  const passwordHash = await hashPassword(input.next);
  replacePassword(db, userId, passwordHash, false);
  recordAudit(db, { actor: `user:${userId}`, userId, action: 'user.password_change' });
}

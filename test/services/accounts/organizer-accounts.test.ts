import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { auditLog, sessions, users } from '../../../src/db/schema/index.js';
import {
  AccountError,
  FIRST_ORGANIZER_EMAIL,
  authenticate,
  changePassword,
  createOrganizer,
  endSession,
  ensureFirstOrganizer,
  hashPassword,
  mustChangePassword,
  resetOrganizerPassword,
  addOrganizer,
  resolveSession,
  startSession,
  verifyPassword,
} from '../../../src/services/accounts/organizer-accounts.js';
import { cookieSecret } from '../../../src/services/accounts/cookie-secret.js';

const NOW = new Date('2025-05-28T09:00:00Z');

t.test('passwords are stored as salted scrypt hashes and verified exactly', async (t) => {
  const first = await hashPassword('correct horse battery');
  const second = await hashPassword('correct horse battery');
  t.match(first, /^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
  t.not(first, second, 'a fresh salt each time');
  t.ok(await verifyPassword(first, 'correct horse battery'));
  t.notOk(await verifyPassword(first, 'correct horse batterY'));
  t.notOk(await verifyPassword('plain text', 'plain text'), 'an unknown scheme never matches');
});

t.test('the first start creates one organizer with a one-time password, once', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const created = await ensureFirstOrganizer(db);
  if (!created.created) throw new Error('expected an account');
  t.equal(created.email, FIRST_ORGANIZER_EMAIL);
  t.ok(created.password.length >= 16);
  const row = db.select().from(users).get()!;
  t.notMatch(row.passwordHash, created.password, 'only the hash is stored');
  t.ok(await authenticate(db, FIRST_ORGANIZER_EMAIL, created.password, NOW));
  t.ok(mustChangePassword(db, row.id), 'the generated password must be replaced');
  t.same(await ensureFirstOrganizer(db), { created: false });
  t.equal(db.select().from(users).all().length, 1);
});

t.test('creating organizers checks the e-mail and password and names the field', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const organizer = await createOrganizer(db, { email: ' Kim@Example.COM ', password: '0123456789', language: 'ko' });
  t.equal(organizer.email, 'kim@example.com');
  await t.rejects(createOrganizer(db, { email: 'kim@example.com', password: '0123456789' }), /^email:/);
  await t.rejects(createOrganizer(db, { email: 'not-an-address', password: '0123456789' }), /^email:/);
  await t.rejects(createOrganizer(db, { email: 'lee@example.com', password: 'short' }), AccountError);
  t.ok(await authenticate(db, 'KIM@example.com', '0123456789', NOW), 'e-mail is case-insensitive');
  t.equal(await authenticate(db, 'kim@example.com', '0123456789x', NOW), null);
  t.equal(await authenticate(db, 'nobody@example.com', '0123456789', NOW), null);
  const actions = db.select({ action: auditLog.action }).from(auditLog).all().map((row) => row.action);
  t.same(actions, ['user.login', 'user.login_failed']);
});

t.test('sessions: only the hash is stored; they expire and end', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const organizer = await createOrganizer(db, { email: 'kim@example.com', password: '0123456789' });
  const session = startSession(db, organizer.id, NOW);
  t.match(session.value, /^[\w-]{43}$/);
  t.equal(db.select().from(sessions).where(eq(sessions.id, session.value)).get(), undefined);
  t.equal(resolveSession(db, session.value, NOW)?.id, organizer.id);
  t.equal(resolveSession(db, session.value, new Date(session.expiresAt.getTime() + 1)), null);
  t.equal(resolveSession(db, 'x'.repeat(43), NOW), null);
  t.equal(resolveSession(db, 'malformed', NOW), null);
  endSession(db, session.value);
  t.equal(resolveSession(db, session.value, NOW), null);
  startSession(db, organizer.id, NOW);
  startSession(db, organizer.id, new Date(NOW.getTime() + 8 * 24 * 3600_000));
  t.equal(db.select().from(sessions).all().length, 1, 'expired sessions are swept when a new one starts');
});

t.test('changing the password checks every field and ends all sessions', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const organizer = await createOrganizer(db, { email: 'kim@example.com', password: '0123456789' });
  const session = startSession(db, organizer.id, NOW);
  await t.rejects(changePassword(db, organizer.id, { current: 'wrong', next: 'abcdefghijk', confirm: 'abcdefghijk' }), /^current:/);
  await t.rejects(changePassword(db, organizer.id, { current: '0123456789', next: 'abc', confirm: 'abc' }), /^next:/);
  await t.rejects(
    changePassword(db, organizer.id, { current: '0123456789', next: 'abcdefghijk', confirm: 'abcdefghijX' }),
    /^confirm:/,
  );
  t.ok(resolveSession(db, session.value, NOW), 'failed attempts change nothing');
  await changePassword(db, organizer.id, { current: '0123456789', next: 'abcdefghijk', confirm: 'abcdefghijk' });
  t.equal(resolveSession(db, session.value, NOW), null);
  t.ok(await authenticate(db, 'kim@example.com', 'abcdefghijk', NOW));
});

t.test('the cookie secret is the configured one, else generated once and kept', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  t.equal(cookieSecret(db, 'from-the-environment'), 'from-the-environment');
  const generated = cookieSecret(db);
  t.match(generated, /^[\w-]{43}$/);
  t.equal(cookieSecret(db), generated);
  t.end();
});

t.test('generated passwords (add, reset) must be replaced; choosing one clears that', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const own = await createOrganizer(db, { email: 'own@example.com', password: 'chosen by me' });
  t.notOk(mustChangePassword(db, own.id), 'a password chosen by its holder is fine');
  const { organizer, password } = await addOrganizer(db, { email: 'new@example.com' });
  t.ok(mustChangePassword(db, organizer.id));
  await changePassword(db, organizer.id, { current: password, next: 'chosen by me', confirm: 'chosen by me' });
  t.notOk(mustChangePassword(db, organizer.id));
  await resetOrganizerPassword(db, 'new@example.com');
  t.ok(mustChangePassword(db, organizer.id));
  t.notOk(mustChangePassword(db, own.id), 'others are untouched');
});

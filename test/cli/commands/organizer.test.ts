import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/commands/organizer.js';
import type { CliIo } from '../../../src/cli/open-database.js';
import { openDatabase } from '../../../src/db/client.js';
import {
  authenticate,
  ensureFirstOrganizer,
  resolveSession,
  startSession,
} from '../../../src/services/accounts/organizer-accounts.js';

const dir = mkdtempSync(join(tmpdir(), 'meetgrid-organizer-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2025-05-28T09:00:00Z');

function io(env: NodeJS.ProcessEnv): CliIo & { stdout: string; stderr: string } {
  const captured = {
    stdout: '',
    stderr: '',
    env: { LANG: 'en_US.UTF-8', ...env },
    out: (text: string) => {
      captured.stdout += text;
    },
    err: (text: string) => {
      captured.stderr += text;
    },
  };
  return captured;
}

t.test('add, list and reset-password, each password printed once and working', async (t) => {
  const path = join(dir, 'accounts.sqlite');
  const env = { MEETGRID_DB: path };
  const empty = io(env);
  t.equal(await run(['list'], empty), 0);
  t.match(empty.stdout, 'No organizer accounts.');

  const added = io(env);
  t.equal(await run(['add', 'Park@Example.com', '--name', 'Park Jiwoo'], added), 0);
  const [, password] = /Password: (\S+)/.exec(added.stdout) ?? [];
  t.ok(password, added.stdout);

  const listed = io(env);
  t.equal(await run(['list'], listed), 0);
  t.equal(listed.stdout, 'park@example.com\tPark Jiwoo\n');

  const handle = openDatabase(path);
  t.teardown(handle.close);
  const organizer = await authenticate(handle.db, 'park@example.com', password!, NOW);
  t.ok(organizer, 'the printed password logs in');
  const session = startSession(handle.db, organizer!.id, NOW);

  const reset = io({ ...env, LANG: 'ko_KR.UTF-8' });
  t.equal(await run(['reset-password', 'park@example.com'], reset), 0);
  const [, fresh] = /새 비밀번호: (\S+)/.exec(reset.stdout) ?? [];
  t.ok(fresh, reset.stdout);
  t.equal(await authenticate(handle.db, 'park@example.com', password!, NOW), null, 'the old password is gone');
  t.ok(await authenticate(handle.db, 'park@example.com', fresh!, NOW));
  t.equal(resolveSession(handle.db, session.value, NOW), null, 'sessions ended');
});

t.test('refusals: unknown account, duplicate, bad usage, unusable database', async (t) => {
  const path = join(dir, 'refusals.sqlite');
  const env = { MEETGRID_DB: path };
  const handle = openDatabase(path);
  await ensureFirstOrganizer(handle.db);
  handle.close();

  const unknown = io(env);
  t.equal(await run(['reset-password', 'nobody@example.com'], unknown), 1);
  t.match(unknown.stderr, 'no organizer account for nobody@example.com');
  const duplicate = io(env);
  t.equal(await run(['add', 'admin@meetgrid.local'], duplicate), 1);
  t.match(duplicate.stderr, 'already has an account');
  const invalid = io(env);
  t.equal(await run(['add', 'not-an-email'], invalid), 1);
  t.match(invalid.stderr, /email: .* is not an e-mail address/);

  const misuses = [[], ['remove', 'x@example.com'], ['add'], ['add', 'a@b.c', 'd@e.f'], ['add', 'a@b.c', '--name']];
  for (const args of misuses) {
    const bad = io(env);
    t.equal(await run(args, bad), 2, args.join(' '));
    t.match(bad.stderr, 'Usage: meetgrid organizer');
  }
  const help = io(env);
  t.equal(await run(['--help'], help), 0);
  t.match(help.stdout, 'reset-password');
  const unusable = io({ MEETGRID_DB: dir });
  t.equal(await run(['list'], unusable), 2);
  t.match(unusable.stderr, /^meetgrid organizer: .*is a folder/);
});

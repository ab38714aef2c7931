import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { run } from '../../src/cli/commands/links.js';
import type { CliIo } from '../../src/cli/open-database.js';
import { openDatabase } from '../../src/db/client.js';
import { findParticipantToken } from '../../src/services/participant-links.js';
import { createSmallEvent } from '../helpers/event-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'meetgrid-links-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'meetgrid.sqlite');
const seed = openDatabase(path);
createSmallEvent(seed.db);
seed.close();

function io(env: NodeJS.ProcessEnv = {}): CliIo & { stdout: string; stderr: string } {
  const captured = {
    stdout: '',
    stderr: '',
    env: { LANG: 'en_US.UTF-8', MEETGRID_DB: path, PUBLIC_URL: 'https://meet.example.org/', ...env },
    out: (text: string) => {
      captured.stdout += text;
    },
    err: (text: string) => {
      captured.stderr += text;
    },
  };
  return captured;
}

t.test('prints every representative with a working agenda link, the same one each time', async (t) => {
  const first = io();
  t.equal(await run(['--event', 'small-event'], first), 0);
  const rows = parse(first.stdout, { columns: true }) as Record<string, string>[];
  t.same(Object.keys(rows[0]!), ['representative', 'organization', 'email', 'language', 'agenda_link']);
  t.equal(rows.length, 4 * 2 + 8, 'every representative');
  t.same(rows[0], {
    representative: '기업1 담당자A',
    organization: '가온중공업',
    email: 'corp1.a@example.com',
    language: 'ko',
    agenda_link: rows[0]!.agenda_link,
  });
  t.ok(rows.every((row) => /^https:\/\/meet\.example\.org\/agenda\/[\w-]{43}$/.test(row.agenda_link!)));
  t.equal(rows.find((row) => row.email === 'st8@example.com')!.organization, 'Haram Vision', 'in the reader’s language');
  t.equal(new Set(rows.map((row) => row.agenda_link)).size, rows.length, 'links are distinct');

  const second = io();
  t.equal(await run(['--event=small-event'], second), 0);
  t.equal(second.stdout, first.stdout, 'links are not re-issued');

  const handle = openDatabase(path);
  t.teardown(handle.close);
  const token = rows[0]!.agenda_link!.split('/').pop()!;
  t.ok(findParticipantToken(handle.db, token), 'the printed link opens an agenda');
});

t.test('bad usage and an unknown event exit 2 with a message', async (t) => {
  const missing = io();
  t.equal(await run([], missing), 2);
  t.match(missing.stderr, /--event SLUG is required/);
  const unknownOption = io();
  t.equal(await run(['--event', 'small-event', '--bogus'], unknownOption), 2);
  t.match(unknownOption.stderr, /--bogus/);
  const unknownEvent = io();
  t.equal(await run(['--event', 'nope'], unknownEvent), 2);
  t.match(unknownEvent.stderr, /no event "nope"/);
  t.equal(unknownEvent.stdout, '');
  const help = io();
  t.equal(await run(['--help'], help), 0);
  t.match(help.stdout, /Usage: meetgrid links --event SLUG/);
});

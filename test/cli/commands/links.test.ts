import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { run } from '../../../src/cli/commands/links.js';
import type { CliIo } from '../../../src/cli/open-database.js';
import { openDatabase } from '../../../src/db/client.js';
import { auditLog } from '../../../src/db/schema/index.js';
import { lookupAccessLink } from '../../../src/services/links/access-links.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

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
  t.ok(lookupAccessLink(handle.db, token), 'the printed link opens an agenda');
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

t.test('--revoke closes one link by its address, audited as the command line; the next link is new', async (t) => {
  const listed = io();
  t.equal(await run(['--event', 'small-event'], listed), 0);
  const rows = parse(listed.stdout, { columns: true }) as Record<string, string>[];
  const address = rows[1]!.agenda_link!;
  const token = address.split('/').pop()!;

  const revoked = io();
  t.equal(await run(['--event', 'small-event', '--revoke', address], revoked), 0);
  t.match(revoked.stdout, /The link is revoked/);
  const handle = openDatabase(path);
  t.teardown(handle.close);
  t.equal(lookupAccessLink(handle.db, token), null, 'the revoked link no longer opens');
  const entry = handle.db.select().from(auditLog).all().find((row) => row.action === 'access_link.revoke');
  t.match(entry, { actor: 'cli' });

  const again = io();
  t.equal(await run(['--event', 'small-event', '--revoke', token], again), 2, 'a bare token works too, once');
  t.match(again.stderr, /event "small-event" has no such live link/);
  const nonsense = io();
  t.equal(await run(['--event', 'small-event', '--revoke', 'https://meet.example.org/agenda/nope'], nonsense), 2);

  const next = io();
  t.equal(await run(['--event', 'small-event'], next), 0);
  const renewed = (parse(next.stdout, { columns: true }) as Record<string, string>[])[1]!;
  t.equal(renewed.email, rows[1]!.email);
  t.not(renewed.agenda_link, address, 'that representative gets a new link');
  t.ok(lookupAccessLink(handle.db, renewed.agenda_link!.split('/').pop()!));
});

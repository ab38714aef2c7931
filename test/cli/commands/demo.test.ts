import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/commands/demo.js';
import { openCliDatabase, withDatabase, type CliIo } from '../../../src/cli/open-database.js';
import { openDatabase } from '../../../src/db/client.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'meetgrid-demo-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

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

function countEvents(path: string): number {
  const handle = openDatabase(path);
  try {
    return handle.sqlite.prepare('select count(*) from events').pluck().get() as number;
  } finally {
    handle.close();
  }
}

t.test('seeds an empty database, then says there is nothing to do', async (t) => {
  const path = join(dir, 'fresh', 'meetgrid.sqlite');
  const first = io({ MEETGRID_DB: path });
  t.equal(await run([], first), 0);
  t.match(first.stdout, /Created the demo event "gsat-2025": 10 corporates, 40 startups, 152 requests, 28 slots/);
  t.match(first.stdout, path);
  t.equal(first.stderr, '');
  const second = io({ MEETGRID_DB: path });
  t.equal(await run([], second), 0);
  t.match(second.stdout, /already has events, so no demo was created/);
  t.equal(countEvents(path), 1);
});

t.test('--reset rebuilds the demo beside other events', async (t) => {
  const path = join(dir, 'reset.sqlite');
  const handle = openDatabase(path);
  createSmallEvent(handle.db);
  handle.close();
  const first = io({ MEETGRID_DB: path });
  t.equal(await run(['--reset'], first), 0);
  t.match(first.stdout, /Rebuilt the demo event "gsat-2025"/);
  const again = io({ MEETGRID_DB: path });
  t.equal(await run(['--reset'], again), 0);
  t.equal(countEvents(path), 2, 'the small event and one demo');
});

t.test('speaks Korean when the locale is Korean', async (t) => {
  const out = io({ MEETGRID_DB: join(dir, 'ko.sqlite'), LANG: 'ko_KR.UTF-8' });
  t.equal(await run([], out), 0);
  t.match(out.stdout, /데모 행사 "gsat-2025"을\(를\) 만들었습니다: 기업 10곳, 스타트업 40곳/);
});

t.test('usage: --help, and unknown options exit 2', async (t) => {
  const help = io({ MEETGRID_DB: join(dir, 'unused.sqlite') });
  t.equal(await run(['--help'], help), 0);
  t.match(help.stdout, /Usage: meetgrid demo \[--reset\]/);
  const bad = io({ MEETGRID_DB: join(dir, 'unused.sqlite') });
  t.equal(await run(['--rest'], bad), 2);
  t.match(bad.stderr, /^meetgrid demo: unknown option: --rest\n/);
  t.equal(bad.stdout, '');
});

t.test('an unusable database or configuration is one line and exit code 2', async (t) => {
  const corrupt = join(dir, 'corrupt.sqlite');
  writeFileSync(corrupt, 'not a database at all '.repeat(400));
  const broken = io({ MEETGRID_DB: corrupt });
  t.equal(await run([], broken), 2);
  t.match(broken.stderr, /^meetgrid demo: cannot open database .*corrupt\.sqlite: the file is not a SQLite database/);
  t.equal(broken.stderr.trim().split('\n').length, 1);

  const folder = io({ MEETGRID_DB: dir });
  t.equal(await run([], folder), 2);
  t.match(folder.stderr, /it is a folder, not a file/);

  const config = io({ MEETGRID_DB: join(dir, 'never.sqlite'), PORT: 'eighty' });
  t.equal(await run([], config), 2);
  t.equal(config.stderr, 'meetgrid demo: PORT must be a port number from 0 to 65535, got "eighty"\n');
});

t.test('withDatabase closes the database and passes other errors on', async (t) => {
  const path = join(dir, 'helper.sqlite');
  const out = io({ MEETGRID_DB: path });
  let kept: { sqlite: { open: boolean } } | undefined;
  t.equal(
    await withDatabase('probe', out, (handle, config) => {
      kept = handle;
      t.equal(config.dbPath, path);
      return 0;
    }),
    0,
  );
  t.equal(kept?.sqlite.open, false, 'closed after the work');
  await t.rejects(
    withDatabase('probe', out, () => {
      throw new Error('boom');
    }),
    /boom/,
  );
  const opened = openCliDatabase({ MEETGRID_DB: path });
  t.equal(opened.ok, true);
  if (opened.ok) opened.handle.close();
});

t.test('the meetgrid command runs demo end to end', (t) => {
  const path = join(dir, 'e2e.sqlite');
  // The same TypeScript loader this test runs under, so the real dispatcher in src/cli/main.ts is exercised.
  // One run only: each one compiles the sources again, and the other paths are covered above.
  const seeded = spawnSync(process.execPath, [...process.execArgv, 'src/cli/main.ts', 'demo'], {
    env: { ...process.env, MEETGRID_DB: path, LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
  });
  t.equal(seeded.status, 0, seeded.stderr);
  t.match(seeded.stdout, /Created the demo event "gsat-2025"/);
  t.equal(countEvents(path), 1);
  t.end();
});

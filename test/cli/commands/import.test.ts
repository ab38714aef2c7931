import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/commands/import.js';
import type { CliIo } from '../../../src/cli/open-database.js';
import { openDatabase } from '../../../src/db/client.js';
import { CSV_FIXTURES, createEmptyEvent } from '../../helpers/csv-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'meetgrid-import-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

function io(path: string, lang = 'en_US.UTF-8'): CliIo & { stdout: string; stderr: string } {
  const captured = {
    stdout: '',
    stderr: '',
    env: { LANG: lang, MEETGRID_DB: path },
    out: (text: string) => {
      captured.stdout += text;
    },
    err: (text: string) => {
      captured.stderr += text;
    },
  };
  return captured;
}

function database(name: string): string {
  const path = join(dir, name);
  const handle = openDatabase(path);
  createEmptyEvent(handle.db, 'gsat-test');
  handle.close();
  return path;
}

function count(path: string, table: string): number {
  const handle = openDatabase(path);
  try {
    return handle.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
  } finally {
    handle.close();
  }
}

const fixture = (name: string) => join(CSV_FIXTURES, name);

t.test('--dry-run previews, a real run imports, a second run finds nothing to change', async (t) => {
  const path = database('main.sqlite');
  const preview = io(path);
  t.equal(await run(['--event', 'gsat-test', '--dry-run', fixture('participants.csv')], preview), 0, preview.stderr);
  t.match(preview.stdout, /participants.csv: participants file, cp949, delimiter ";", 11 data lines/);
  t.match(preview.stdout, /create 21, update 0, unchanged 0/);
  t.match(preview.stdout, /line 2: create organization corp-01 한빛중공업/);
  t.match(preview.stdout, /Preview only/);
  t.equal(count(path, 'organizations'), 0);

  const first = io(path);
  t.equal(await run(['--event=gsat-test', fixture('participants.csv')], first), 0, first.stderr);
  t.match(first.stdout, /Saved\./);
  t.equal(count(path, 'organizations'), 10);
  const requests = io(path);
  t.equal(await run(['--event', 'gsat-test', '--kind', 'requests', fixture('requests.csv')], requests), 0);
  t.equal(count(path, 'requests'), 12);

  const again = io(path);
  t.equal(await run(['--event', 'gsat-test', fixture('participants.csv')], again), 0);
  t.match(again.stdout, /create 0, update 0, unchanged 21/);
  t.end();
});

t.test('problems are listed with line and column, exit 2, nothing written', async (t) => {
  const path = database('problems.sqlite');
  const english = io(path);
  t.equal(await run(['--event', 'gsat-test', fixture('broken/bad-email.csv')], english), 2);
  t.match(english.stderr, /1 problem\(s\); nothing was saved:\n {2}line 3, column "email": "mongryong\(at\)onnuri" is not a valid e-mail address/);
  t.equal(count(path, 'organizations'), 0);

  const korean = io(path, 'ko_KR.UTF-8');
  t.equal(await run(['--event', 'gsat-test', fixture('broken/encoding.csv')], korean), 2);
  t.match(korean.stderr, /3번째 줄: 이 줄의 글자를 읽을 수 없습니다/);

  const wrong = io(path);
  t.equal(await run(['--event', 'gsat-test', '--kind', 'participants', fixture('requests.csv')], wrong), 2);
  t.match(wrong.stderr, /this is a requests file; upload a participants file here/);
  t.end();
});

t.test('bad usage, an unknown event or an unreadable file exit 2 with a message', async (t) => {
  const path = database('usage.sqlite');
  const cases: [string[], RegExp][] = [
    [[fixture('participants.csv')], /--event SLUG is required/],
    [['--event', 'gsat-test'], /give exactly one CSV file/],
    [['--event', 'gsat-test', '--kind', 'rooms', 'x.csv'], /--kind must be participants or requests/],
    [['--event', 'gsat-test', '--force', 'x.csv'], /unknown option: --force/],
    [['--event', 'nope', fixture('participants.csv')], /there is no event "nope"/],
    [['--event', 'gsat-test', join(dir, 'missing.csv')], /cannot read .*missing\.csv \(ENOENT\)/],
  ];
  for (const [args, message] of cases) {
    const captured = io(path);
    t.equal(await run(args, captured), 2, args.join(' '));
    t.match(captured.stderr, message);
  }
  const help = io(path);
  t.equal(await run(['--help'], help), 0);
  t.match(help.stdout, /Usage: meetgrid import --event SLUG FILE\.csv/);
  t.end();
});

t.test('the meetgrid command runs import', (t) => {
  const path = database('spawn.sqlite');
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, 'src/cli/main.ts', 'import', '--event', 'gsat-test', fixture('participants.csv')],
    { env: { ...process.env, MEETGRID_DB: path, LANG: 'en_US.UTF-8' }, encoding: 'utf8' },
  );
  t.equal(result.status, 0, result.stderr);
  t.match(result.stdout, /Saved\./);
  t.equal(count(path, 'representatives'), 11);
  t.end();
});

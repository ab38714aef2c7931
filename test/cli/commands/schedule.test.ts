import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/db/client.js';
import { run as check } from '../../../src/cli/commands/check.js';
import { run as exportCommand } from '../../../src/cli/commands/export.js';
import { run as publish } from '../../../src/cli/commands/publish.js';
import { run as schedule } from '../../../src/cli/commands/schedule.js';
import { createSmallEvent, keepFirstPairApart } from '../../helpers/event-fixture.js';

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const bytes: Buffer[] = [];
  return {
    out,
    err,
    bytes,
    io: {
      env: { ...env, MEETGRID_LANG: 'en' },
      out: (text: string) => void out.push(text),
      err: (text: string) => void err.push(text),
      write: (chunk: Buffer) => void bytes.push(chunk),
    },
  };
}

t.test('schedule, export problem + schedule, check them, publish, then re-plan', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { MEETGRID_DB: join(dir, 'm.sqlite') };
  const handle = openDatabase(env.MEETGRID_DB);
  createSmallEvent(handle.db);
  handle.close();

  const first = io(env);
  t.equal(await schedule(['--event', 'small-event', '--time-limit', '1', '--seed', '3'], first.io, false), 0, first.err.join(''));
  t.match(first.out.join(''), /draft version 1: 16 of 16 meetings placed/);

  const problemPath = join(dir, 'problem.json');
  const schedulePath = join(dir, 'schedule.json');
  const exported = io(env);
  t.equal(await exportCommand(['--event', 'small-event', '--format', 'problem', '-o', problemPath], exported.io), 0);
  t.equal(await exportCommand(['--event=small-event', '--format=schedule', '--output', schedulePath], exported.io), 0);
  const checked = io(env);
  t.equal(await check([problemPath, schedulePath], checked.io), 0, checked.out.join('') + checked.err.join(''));

  const nothing = io(env);
  t.equal(await exportCommand(['--event', 'small-event', '--format', 'schedule', '--published'], nothing.io), 2);
  t.match(nothing.err.join(''), 'Nothing is published yet.');

  const dry = io(env);
  t.equal(await publish(['--event', 'small-event', '--dry-run'], dry.io), 0);
  t.match(dry.out.join(''), '0 moved · 16 added · 0 cancelled');
  t.notMatch(dry.out.join(''), 'is published');
  const done = io(env);
  t.equal(await publish(['--event', 'small-event'], done.io), 0, done.err.join(''));
  t.match(done.out.join(''), /version 1 is published; \d+ invitations queued/);
  const again = io(env);
  t.equal(await publish(['--event', 'small-event'], again.io), 2, 'nothing left to publish');

  const csv = io(env);
  t.equal(await exportCommand(['--event', 'small-event', '--format', 'csv', '--published'], csv.io), 0);
  const text = Buffer.concat(csv.bytes).toString('utf8');
  t.match(text, /^\uFEFFdate,start,end,slot,room,table,corporate_code,corporate,startup_code,startup,locked\r\n/);
  t.equal(text.trim().split('\r\n').length, 17);

  const replan = io(env);
  t.equal(await schedule(['--event', 'small-event', '--time-limit', '1'], replan.io, false), 0);
  t.match(replan.out.join(''), /against the published timetable: \d+ moved, 0 added, 0 cancelled/);
});

t.test('bad usage and unknown events exit 2 with a message naming the option', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { MEETGRID_DB: join(dir, 'm.sqlite') };
  const cases: [string, (x: ReturnType<typeof io>) => Promise<number>, RegExp][] = [
    ['schedule without --event', (x) => schedule([], x.io, false), /--event SLUG is required/],
    ['schedule bad time limit', (x) => schedule(['--event', 'a', '--time-limit', 'soon'], x.io, false), /--time-limit must be/],
    ['schedule unknown option', (x) => schedule(['--event', 'a', '--fast'], x.io, false), /unknown option "--fast"/],
    ['schedule unknown event', (x) => schedule(['--event', 'nope'], x.io, false), /there is no event "nope"/],
    ['publish missing value', (x) => publish(['--event'], x.io), /the option --event needs a value/],
    ['export bad format', (x) => exportCommand(['--event', 'a', '--format', 'xlsx'], x.io), /--format must be one of csv, problem, schedule/],
    ['export unknown event', (x) => exportCommand(['--event', 'nope', '--format', 'csv'], x.io), /there is no event "nope"/],
  ];
  for (const [name, runIt, message] of cases) {
    const x = io(env);
    t.equal(await runIt(x), 2, name);
    t.match(x.err.join(''), message, name);
  }
});

t.test('an event with nothing accepted cannot be scheduled: exit 2, field named', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { MEETGRID_DB: join(dir, 'm.sqlite') };
  const handle = openDatabase(env.MEETGRID_DB);
  createSmallEvent(handle.db);
  handle.sqlite.prepare("update requests set status = 'declined'").run();
  handle.close();
  const x = io(env);
  t.equal(await schedule(['--event', 'small-event'], x.io, false), 2);
  t.match(x.err.join(''), 'meetings: there is no accepted request to schedule');
});

t.test('meetgrid schedule words an unscheduled meeting in the command line language', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { MEETGRID_DB: join(dir, 'm.sqlite') };
  const handle = openDatabase(env.MEETGRID_DB);
  const fixture = createSmallEvent(handle.db);
  keepFirstPairApart(handle.db, fixture);
  handle.close();

  const korean = io(env);
  korean.io.env.MEETGRID_LANG = 'ko';
  t.equal(await schedule(['--event', 'small-event', '--time-limit', '0.5', '--seed', '1'], korean.io, false), 0, korean.err.join(''));
  t.match(korean.out.join(''), /NO_COMMON_SLOT: corp-01은\(는\) st-01이\(가\) 참석할 수 있는 슬롯 5개에 모두 참석할 수 없습니다/);
  const english = io(env);
  t.equal(await schedule(['--event', 'small-event', '--time-limit', '0.5', '--seed', '1'], english.io, false), 0);
  t.match(english.out.join(''), /NO_COMMON_SLOT: corp-01 is unavailable in all 5 slots st-01 can attend/);
});

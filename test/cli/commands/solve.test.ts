import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkerRefusal, run, type SolveIo } from '../../../src/cli/commands/solve.js';
import { translator } from '../../../src/i18n/catalog.js';
import { checkSchedule } from '../../../src/engine/check.js';
import type { Problem, Schedule } from '../../../src/engine/types.js';

function capture(): SolveIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), env: { LANG: 'en_US.UTF-8' }, errIsTty: false };
}

const dir = mkdtempSync(join(tmpdir(), 'meetgrid-solve-'));
const small: Problem = {
  format: 'meetgrid.problem/1',
  slots: [
    { id: 's1', day: '2025-05-28', start: '10:00', end: '10:20' },
    { id: 's2', day: '2025-05-28', start: '10:20', end: '10:40' },
    { id: 's3', day: '2025-05-28', start: '10:40', end: '11:00' },
  ],
  tables: 2,
  participants: [{ id: 'c1', table: 'T1' }, { id: 's1' }, { id: 's2' }, { id: 's3' }],
  meetings: [
    { id: 'm1', between: ['c1', 's1'] },
    { id: 'm2', between: ['c1', 's2'] },
    { id: 'm3', between: ['s2', 's3'] },
  ],
};
const problemFile = join(dir, 'problem.json');
writeFileSync(problemFile, JSON.stringify(small));

t.test('writes a valid schedule to stdout', async (t) => {
  const io = capture();
  const code = await run([problemFile, '--time-limit', '0.5', '--workers', '1'], io);
  t.equal(code, 0);
  const schedule = JSON.parse(io.stdout.join('')) as Schedule;
  t.ok(checkSchedule(small, schedule).valid, 'checker accepts it');
  t.equal(schedule.stats.scheduled, 3);
  t.same(io.stderr, [], 'no progress lines when stderr is not a terminal');
});

t.test('the checker judges the answer before anything is written', async (t) => {
  const io = capture();
  t.equal(await run([problemFile, '--time-limit', '0.3', '--workers', '1'], io), 0);
  const schedule = JSON.parse(io.stdout.join('')) as Schedule;
  const en = translator('en');
  t.equal(checkerRefusal(small, schedule, en), undefined, 'a valid answer passes');
  // The same answer with c1's two meetings in one slot, and one claiming "optimal" while a meeting is left out.
  const clash = {
    ...schedule,
    assignments: schedule.assignments.map((a) => (a.meeting === 'm2' ? { ...a, slot: 's1', table: 'T2' } : a.meeting === 'm1' ? { ...a, slot: 's1' } : a)),
  };
  t.match(checkerRefusal(small, clash, en), /^the checker refused the solver's schedule \(\d+ violations\); nothing was written:\n  \[/);
  const overclaim = { ...schedule, status: 'optimal', assignments: schedule.assignments.filter((a) => a.meeting !== 'm3') };
  t.match(checkerRefusal(small, overclaim, en), /violations/);
  t.match(checkerRefusal(small, overclaim, translator('ko')), /검사기가/);
});

t.test('-o writes a file and --previous keeps meetings in place', async (t) => {
  const io = capture();
  const first = join(dir, 'first.json');
  t.equal(await run([problemFile, '-o', first, '--time-limit=0.3', '--workers', '2', '--seed', '5'], io), 0);
  t.match(io.stderr.join(''), /schedule written to/);
  const previous = JSON.parse(readFileSync(first, 'utf8')) as Schedule;
  const again = capture();
  t.equal(await run([problemFile, '--previous', first, '--time-limit', '0.3', '--workers', '1'], again), 0);
  const replanned = JSON.parse(again.stdout.join('')) as Schedule;
  t.equal(replanned.stats.moved, 0, 'nothing had to move');
  t.same(
    replanned.assignments.map((a) => `${a.meeting}@${a.slot}`).sort(),
    previous.assignments.map((a) => `${a.meeting}@${a.slot}`).sort(),
  );
});

t.test('input errors are printed by path with exit code 2', async (t) => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...small, meetings: [{ id: 'm1', between: ['c1', 'nobody'] }] }));
  const io = capture();
  t.equal(await run([bad], io), 2);
  t.match(io.stderr.join(''), /meetings\[0\]\.between\[1\]/);
});

t.test('bad usage gives exit code 2 and the usage text', async (t) => {
  for (const args of [[], [problemFile, '--colour'], [problemFile, '--workers', '0'], [problemFile, '--time-limit'], [problemFile, '--exact', 'maybe']]) {
    const io = capture();
    t.equal(await run(args, io), 2, args.join(' '));
    t.match(io.stderr.join(''), /Usage: meetgrid solve/);
  }
  const switchIo = capture();
  await run([problemFile, '--exact=yes'], switchIo);
  t.match(switchIo.stderr.join(''), /option --exact: "yes" is not on or off/);
  const missing = capture();
  t.equal(await run([join(dir, 'absent.json')], missing), 2);
  const notSchedule = join(dir, 'not-schedule.json');
  writeFileSync(notSchedule, JSON.stringify({ format: 'meetgrid.schedule/1', assignments: [{ meeting: 'm1' }] }));
  const io = capture();
  t.equal(await run([problemFile, '--previous', notSchedule], io), 2);
  t.match(io.stderr.join(''), /assignments\[0\]\.slot/);
});

t.test('--help prints the usage', async (t) => {
  const io = capture();
  t.equal(await run(['--help'], io), 0);
  t.match(io.stdout.join(''), /--time-limit/);
});

t.test('with the exact member, the process writes nothing but the schedule to stdout', async (t) => {
  // forum-13 has no booth, so the exact member runs and answers (optimal, no break) long before the limit; its
  // solver announces its start-up on the console, which must not reach the schedule's channel.
  const fixture = new URL('../../fixtures/b2b/forum-13.original.json', import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, 'src/cli/main.ts', 'solve', fixture.pathname, '--workers', '2', '--time-limit', '60'], {
    encoding: 'utf8',
  });
  t.equal(result.status, 0, result.stderr);
  const schedule = JSON.parse(result.stdout) as Schedule;
  t.equal(schedule.status, 'optimal');
  t.equal(schedule.stats.breaks, 0);
  const off = capture();
  t.equal(await run([problemFile, '--workers', '2', '--exact', 'off', '--time-limit', '0.5'], off), 0, '--exact off is accepted');
});

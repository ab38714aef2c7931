import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../../src/cli/commands/check.js';

const problem = {
  format: 'meetgrid.problem/1',
  slots: [
    { id: 's1', day: '2025-05-28', start: '10:00', end: '10:20' },
    { id: 's2', day: '2025-05-28', start: '10:20', end: '10:40' },
    { id: 's3', day: '2025-05-28', start: '10:40', end: '11:00' },
  ],
  tables: 2,
  participants: [{ id: 'corp-01' }, { id: 'st-01' }, { id: 'st-02' }],
  meetings: [
    { id: 'm-1', between: ['corp-01', 'st-01'] },
    { id: 'm-2', between: ['corp-01', 'st-02'] },
  ],
};

const good = {
  format: 'meetgrid.schedule/1',
  status: 'optimal',
  assignments: [
    { meeting: 'm-1', slot: 's1', table: 'T1' },
    { meeting: 'm-2', slot: 's3', table: 'T2' },
  ],
  unscheduled: [],
  stats: { meetings: 2, scheduled: 2, breaks: 1, tableChanges: 1, elapsedMs: 3 },
};

const clash = {
  ...good,
  assignments: [
    { meeting: 'm-1', slot: 's1', table: 'T1' },
    { meeting: 'm-2', slot: 's1', table: 'T2' },
  ],
  stats: { ...good.stats, breaks: 0, tableChanges: 1 },
};

const invalidProblem = { ...problem, meetings: [{ id: 'm-1', between: ['corp-01', 'st-99'] }], tables: -1 };

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (text) => (out += text), err: (text) => (err += text), env });
  return { code, out, err };
}

t.test('meetgrid check', async (t) => {
  const dir = t.testdir({
    'problem.json': JSON.stringify(problem),
    'good.json': JSON.stringify(good),
    'clash.json': JSON.stringify(clash),
    'invalid-problem.json': JSON.stringify(invalidProblem),
    'broken.json': '{\n  "format": "meetgrid.schedule/1",\n  "status": "optimal",,\n}',
    'bom.json': `\uFEFF${JSON.stringify(good)}`,
  });
  const file = (name: string) => join(dir, name);

  t.test('a valid schedule: figures, exit 0', async (t) => {
    const { code, out, err } = await cli([file('problem.json'), file('good.json')]);
    t.equal(code, 0);
    t.equal(err, '');
    t.match(out, /^Meetings\s+2$/m);
    t.match(out, /^Scheduled\s+2$/m);
    t.match(out, /^Unscheduled\s+0$/m);
    t.match(out, /^Breaks\s+1$/m);
    t.match(out, /^Max breaks per participant\s+1$/m);
    t.match(out, /^Table changes\s+1$/m);
    t.match(out, 'The schedule is valid.');
    t.equal((await cli([file('problem.json'), file('bom.json')])).code, 0, 'a byte-order mark is accepted');
  });

  t.test('violations: each printed, exit 1', async (t) => {
    const { code, out } = await cli([file('problem.json'), file('clash.json')]);
    t.equal(code, 1);
    t.match(out, '1 violations:');
    t.match(out, '[PARTICIPANT_DOUBLE_BOOKED] m-2 corp-01 is in both m-1 and m-2 at slot s1');
  });

  t.test('--json prints the report', async (t) => {
    const { code, out } = await cli(['--json', file('problem.json'), file('clash.json')]);
    t.equal(code, 1);
    const report = JSON.parse(out);
    t.equal(report.valid, false);
    t.same(report.figures, { meetings: 2, scheduled: 2, unscheduled: 0, priorityScheduled: 2, breaks: 0, maxBreaks: 0, tableChanges: 1 });
    t.equal(report.violations[0].code, 'PARTICIPANT_DOUBLE_BOOKED');
  });

  t.test('an invalid problem: every input error with its path, exit 2', async (t) => {
    const { code, out, err } = await cli([file('invalid-problem.json'), file('good.json')]);
    t.equal(code, 2);
    t.equal(out, '');
    t.match(err, 'invalid-problem.json: invalid problem (2 errors):');
    t.match(err, '  tables: must be a list of tables or a whole number >= 0\n');
    t.match(err, '  meetings[0].between[1]: unknown participant "st-99"\n');
    const json = await cli([file('invalid-problem.json'), file('good.json'), '--json']);
    t.equal(json.code, 2);
    t.same(JSON.parse(json.out).inputErrors.map((e: { path: string }) => e.path), ['tables', 'meetings[0].between[1]']);
  });

  t.test('unreadable input, exit 2', async (t) => {
    const missing = await cli([file('problem.json'), file('nowhere.json')]);
    t.equal(missing.code, 2);
    t.match(missing.err, `${file('nowhere.json')}: no such file`);
    const broken = await cli([file('problem.json'), file('broken.json')]);
    t.equal(broken.code, 2);
    t.match(broken.err, `${file('broken.json')}: not valid JSON at line 3, column 23`);
    const directory = await cli([dir, file('good.json')]);
    t.equal(directory.code, 2);
    t.match(directory.err, 'cannot read the file (EISDIR)');
  });

  t.test('usage', async (t) => {
    const help = await cli(['--help']);
    t.equal(help.code, 0);
    t.match(help.out, 'Usage: meetgrid check PROBLEM.json SCHEDULE.json [--json]');
    const none = await cli([]);
    t.equal(none.code, 2);
    t.match(none.err, 'expected two files, the problem and the schedule (got 0)');
    const option = await cli(['--fast', file('problem.json'), file('good.json')]);
    t.equal(option.code, 2);
    t.match(option.err, 'unknown option "--fast"');
  });

  t.test('Korean when the environment asks for it', async (t) => {
    const { code, out } = await cli([file('problem.json'), file('good.json')], { LANG: 'ko_KR.UTF-8' });
    t.equal(code, 0);
    t.match(out, /^미팅\s+2$/m);
    t.match(out, '유효한 일정입니다.');
    const english = await cli([file('problem.json'), file('good.json')], { LANG: 'ko_KR.UTF-8', MEETGRID_LANG: 'en' });
    t.match(english.out, 'The schedule is valid.', 'MEETGRID_LANG wins over the locale');
  });

  const built = join(import.meta.dirname, '../../../dist/cli/commands/check.js');
  t.test('the built binary', { skip: existsSync(built) ? false : 'dist/ is not built (npm run build)' }, async (t) => {
    const bin = join(import.meta.dirname, '../../../bin/meetgrid.js');
    const ok = spawnSync(process.execPath, [bin, 'check', file('problem.json'), file('good.json')], { encoding: 'utf8', env: { ...process.env, MEETGRID_LANG: 'en' } });
    t.equal(ok.status, 0, ok.stderr);
    t.match(ok.stdout, 'The schedule is valid.');
    const bad = spawnSync(process.execPath, [bin, 'check', file('problem.json'), file('clash.json')], { encoding: 'utf8' });
    t.equal(bad.status, 1);
    const input = spawnSync(process.execPath, [bin, 'check', file('invalid-problem.json'), file('good.json')], { encoding: 'utf8' });
    t.equal(input.status, 2);
  });
});

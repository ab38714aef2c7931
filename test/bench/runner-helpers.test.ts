import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEASURES_MEMORY, runChild, splitGnuTime, takeSchedule } from '../../bench/child-run.js';
import { optionalWhole, parseRunnerArgs, positiveNumber } from '../../bench/cli-args.js';
import { describeMachine, machine } from '../../bench/machine.js';
import { markdownTable, median, megabytes, paperTime, seconds } from '../../bench/markdown.js';

t.test('runner arguments: one filter and known options', (t) => {
  const args = parseRunnerArgs(['tic-1[23]', '--time-limit', '2.5', '--seed', '4'], ['--time-limit', '--seed']);
  t.ok(args.filter?.test('tic-12.original'));
  t.notOk(args.filter?.test('tic-14crafa.original'));
  t.equal(positiveNumber(args, '--time-limit', 10), 2.5);
  t.equal(optionalWhole(args, '--seed'), 4);
  t.equal(positiveNumber(parseRunnerArgs([], []), '--time-limit', 10), 10);
  t.equal(optionalWhole(parseRunnerArgs([], []), '--seed'), undefined);
  t.throws(() => parseRunnerArgs(['--size', '1'], ['--seed']), { message: 'unknown option "--size" (known: --seed)' });
  t.throws(() => parseRunnerArgs(['--seed'], ['--seed']), { message: '--seed: needs a value' });
  t.throws(() => parseRunnerArgs(['a', 'b'], []), { message: 'one filter only, got "a" and "b"' });
  t.throws(() => positiveNumber(parseRunnerArgs(['--t', '0'], ['--t']), '--t', 1), { message: '--t: "0" is not a positive number' });
  t.throws(() => optionalWhole(parseRunnerArgs(['--n', '1.5'], ['--n']), '--n'), { message: '--n: "1.5" is not a whole number' });
  t.end();
});

t.test('GNU time output: the peak RSS is read and its report cut from the child output', (t) => {
  const stderr = 'solver says hi\n\tCommand being timed: "node x"\n\tMaximum resident set size (kbytes): 123456\n\tExit status: 0\n';
  t.same(splitGnuTime(stderr), { stderr: 'solver says hi\n', maxRssKb: 123456 });
  t.same(splitGnuTime('plain output\n'), { stderr: 'plain output\n' });
  const failed = 'oops\nCommand exited with non-zero status 2\n\tCommand being timed: "node x"\n\tMaximum resident set size (kbytes): 7\n';
  t.same(splitGnuTime(failed), { stderr: 'oops\n', maxRssKb: 7 });
  t.end();
});

t.test('markdown tables and figures', (t) => {
  t.equal(markdownTable(['a', 'b'], [[1, 'x|y']]), '| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  t.equal(seconds(1234), '1.2');
  t.equal(seconds(undefined), '–');
  t.equal(paperTime('TO'), 'TO');
  t.equal(paperTime(2.25), '2.3');
  t.equal(paperTime(undefined), '–');
  t.equal(megabytes(2048), '2');
  t.equal(megabytes(undefined), '–');
  t.equal(median([3, 1, 2]), 2);
  t.equal(median([4, 1, 2, 3]), 2.5);
  t.end();
});

t.test('the machine description names cores, CPU and Node', (t) => {
  const m = machine();
  t.ok(m.cores >= 1);
  t.equal(m.node, process.version);
  t.match(describeMachine(m), new RegExp(`${m.cores} cores .*Node ${process.version}`));
  t.end();
});

t.test('a child process is timed, its error output kept, its memory measured when GNU time exists', async (t) => {
  const run = await runChild(['-e', 'process.stderr.write("from the child"); process.exitCode = 3']);
  t.equal(run.exitCode, 3);
  t.equal(run.stderr, 'from the child');
  t.ok(run.wallMs > 0);
  t.equal(run.maxRssKb !== undefined, MEASURES_MEMORY);
});

t.test('a schedule file is read once and removed; a missing or broken one is undefined', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-bench-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 's.json');
  writeFileSync(file, '{"format":"meetgrid.schedule/1","status":"feasible","assignments":[],"unscheduled":[],"stats":{}}');
  t.match(takeSchedule(file), { format: 'meetgrid.schedule/1' });
  t.notOk(existsSync(file));
  t.equal(takeSchedule(file), undefined);
  writeFileSync(file, '{ half');
  t.equal(takeSchedule(file), undefined);
  t.end();
});

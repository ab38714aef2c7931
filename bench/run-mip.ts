// HiGHS (the MIP baseline) beside `meetgrid solve` on the same problems and the same time limit. Usage:
//   node dist-bench/bench/run-mip.js [FILTER-REGEX] [--time-limit S] [--seed N] [--workers N]
// Default instances: the B2B originals with 10 slots or fewer, and the GSAT-size synthetic event.
// Both sides must place every meeting (as the paper's MIP does); ours runs with one worker unless told otherwise,
// since the HiGHS WebAssembly build is single-threaded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../src/engine/index.js';
import { attempt, stamp, verdict, writeProblem, type Attempt } from './attempt.js';
import { optionalWhole, parseRunnerArgs, positiveNumber } from './cli-args.js';
import { convertFile } from './dzn-to-problem.js';
import { readKnownOptima } from './known-optima.js';
import { describeMachine, machine } from './machine.js';
import { markdownTable, seconds } from './markdown.js';
import { b2bDir, resultsDir } from './paths.js';
import { generateSynthetic, PRESETS } from './synthetic.js';

interface Instance {
  readonly name: string;
  readonly problem: Problem;
  /** Known optimum, or the planted schedule's breaks (an upper bound) marked with "<=". */
  readonly reference: string;
}

function instances(filter: RegExp | undefined): Instance[] {
  const dir = b2bDir();
  const b2b = readKnownOptima(dir)
    .filter((k) => (filter ? filter.test(k.instance) : k.instance.endsWith('.original') && k.slots <= 10))
    .map((k) => ({ name: k.instance, problem: convertFile(join(dir, `${k.instance}.dzn`)), reference: String(k.optimum) }));
  const gsat = generateSynthetic(PRESETS.gsat);
  const synthetic = { name: 'synthetic-gsat', problem: gsat.problem, reference: `<= ${gsat.planted.stats.breaks}` };
  return filter && !filter.test(synthetic.name) ? b2b : [...b2b, synthetic];
}

function cells(a: Attempt, meetings: number): (string | number)[] {
  return [`${a.scheduled ?? '–'}/${meetings}`, a.breaks ?? '–', seconds(a.wallMs), verdict(a)];
}

async function main(): Promise<void> {
  const args = parseRunnerArgs(process.argv.slice(2), ['--time-limit', '--seed', '--workers']);
  const timeLimitS = positiveNumber(args, '--time-limit', 10);
  const seed = optionalWhole(args, '--seed') ?? 1;
  const workers = optionalWhole(args, '--workers') ?? 1;
  const list = instances(args.filter);
  if (list.length === 0) throw new Error(`no instance matches ${args.filter}`);
  const m = machine();
  const rows: { name: string; meetings: number; reference: string; ours: Attempt; highs: Attempt }[] = [];
  for (const { name, problem, reference } of list) {
    const file = writeProblem(problem, name);
    const ours = await attempt('meetgrid', problem, file, { timeLimitS, seed, workers });
    const highs = await attempt('highs', problem, file, { timeLimitS, placeAll: true });
    rows.push({ name, meetings: problem.meetings.length, reference, ours, highs });
    process.stderr.write(`${name}: ours ${ours.breaks ?? '-'} breaks in ${seconds(ours.wallMs)} s; HiGHS ${highs.breaks ?? '-'} breaks, ${highs.mipStatus ?? highs.error}\n`);
  }
  const table = markdownTable(
    ['instance', 'optimum', 'ours placed', 'ours breaks', 'ours wall s', 'ours checker', 'HiGHS placed', 'HiGHS breaks', 'HiGHS wall s', 'HiGHS checker', 'HiGHS status'],
    rows.map((r) => [r.name, r.reference, ...cells(r.ours, r.meetings), ...cells(r.highs, r.meetings), r.highs.mipStatus ?? '–']),
  );
  const better = rows.filter((r) => r.ours.valid && r.ours.scheduled === r.meetings && (!r.highs.valid || r.highs.scheduled !== r.meetings || r.ours.breaks! < r.highs.breaks!)).length;
  const worse = rows.filter((r) => r.highs.valid && r.highs.scheduled === r.meetings && (!r.ours.valid || r.ours.scheduled !== r.meetings || r.highs.breaks! < r.ours.breaks!)).length;
  const line = `fewer breaks (or the only full schedule): ours on ${better}, HiGHS on ${worse}, tie on ${rows.length - better - worse} of ${rows.length}`;
  process.stdout.write(`${describeMachine(m)}\n${timeLimitS} s per run; ours with ${workers} worker(s), HiGHS single-threaded\n\n${table}\n\n- ${line}\n`);
  mkdirSync(resultsDir(), { recursive: true });
  const out = join(resultsDir(), `mip-${stamp()}.json`);
  writeFileSync(out, `${JSON.stringify({ machine: m, timeLimitS, seed, workers, summary: [line], rows }, null, 2)}\n`);
  process.stderr.write(`raw results: ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`run-mip: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

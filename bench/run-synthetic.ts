// Synthetic events with a planted schedule through `meetgrid solve`: the large event (~5,000 participants, ~30,000
// meetings) and the GSAT-size one. Usage:
//   node dist-bench/bench/run-synthetic.js [FILTER-REGEX] [--large-time-limit S] [--gsat-time-limit S]
//        [--seed N] [--repeat N] [--workers N]
// With --repeat N each event is solved N times (seeds N, N+1, …) and the table shows medians.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSchedule } from '../src/engine/check.js';
import { attempt, stamp, verdict, writeProblem, type Attempt } from './attempt.js';
import { MEASURES_MEMORY } from './child-run.js';
import { optionalWhole, parseRunnerArgs, positiveNumber } from './cli-args.js';
import { describeMachine, machine } from './machine.js';
import { markdownTable, median, megabytes, seconds } from './markdown.js';
import { resultsDir } from './paths.js';
import { generateSynthetic, PRESETS } from './synthetic.js';

interface EventRun {
  readonly event: string;
  readonly participants: number;
  readonly meetings: number;
  readonly tables: number;
  readonly plantedBreaks: number;
  readonly generateMs: number;
  readonly timeLimitS: number;
  readonly attempts: readonly Attempt[];
}

function mid(attempts: readonly Attempt[], pick: (a: Attempt) => number | undefined): number | undefined {
  const values = attempts.map(pick).filter((v): v is number => v !== undefined);
  return values.length === attempts.length && values.length > 0 ? median(values) : undefined;
}

async function main(): Promise<void> {
  const args = parseRunnerArgs(process.argv.slice(2), ['--large-time-limit', '--gsat-time-limit', '--seed', '--repeat', '--workers']);
  const limits = { large: positiveNumber(args, '--large-time-limit', 60), gsat: positiveNumber(args, '--gsat-time-limit', 10) };
  const seed = optionalWhole(args, '--seed') ?? 1;
  const repeat = optionalWhole(args, '--repeat') ?? 1;
  const workers = optionalWhole(args, '--workers');
  const m = machine();
  const runs: EventRun[] = [];
  for (const event of ['gsat', 'large'] as const) {
    if (args.filter && !args.filter.test(event)) continue;
    const started = performance.now();
    const { problem, planted } = generateSynthetic(PRESETS[event]);
    const generateMs = Math.round(performance.now() - started);
    const plantedCheck = checkSchedule(problem, planted);
    if (!plantedCheck.valid) throw new Error(`${event}: the planted schedule is invalid: ${plantedCheck.violations[0]?.message}`);
    const file = writeProblem(problem, `synthetic-${event}`);
    const attempts: Attempt[] = [];
    for (let r = 0; r < repeat; r += 1) {
      const a = await attempt('meetgrid', problem, file, { timeLimitS: limits[event], seed: seed + r, ...(workers ? { workers } : {}) });
      attempts.push(a);
      process.stderr.write(`${event} seed ${seed + r}: ${a.scheduled ?? '-'}/${problem.meetings.length} placed, ${a.breaks ?? '-'} breaks (planted ${planted.stats.breaks}), ${seconds(a.wallMs)} s, ${megabytes(a.maxRssKb)} MB, ${verdict(a)}\n`);
    }
    const tables = typeof problem.tables === 'number' ? problem.tables : problem.tables.length;
    runs.push({ event, participants: problem.participants.length, meetings: problem.meetings.length, tables, plantedBreaks: planted.stats.breaks, generateMs, timeLimitS: limits[event], attempts });
  }
  const table = markdownTable(
    ['event', 'participants', 'meetings', 'tables', 'time limit s', 'placed', 'breaks', 'planted breaks', 'wall s', 'solver s', 'peak RSS MB', 'checker'],
    runs.map((r) => [
      r.event,
      r.participants,
      r.meetings,
      r.tables,
      r.timeLimitS,
      `${mid(r.attempts, (a) => a.scheduled) ?? '–'}/${r.meetings}`,
      mid(r.attempts, (a) => a.breaks) ?? '–',
      r.plantedBreaks,
      seconds(mid(r.attempts, (a) => a.wallMs)),
      seconds(mid(r.attempts, (a) => a.elapsedMs)),
      megabytes(mid(r.attempts, (a) => a.maxRssKb)),
      r.attempts.map(verdict).join(', '),
    ]),
  );
  const memory = MEASURES_MEMORY ? 'peak RSS by GNU time -v' : 'GNU time not installed: no memory figure';
  process.stdout.write(`${describeMachine(m)}\n${repeat > 1 ? `medians of ${repeat} runs (seeds ${seed}..${seed + repeat - 1}); ` : ''}${memory}\n\n${table}\n`);
  mkdirSync(resultsDir(), { recursive: true });
  const out = join(resultsDir(), `synthetic-${stamp()}.json`);
  writeFileSync(out, `${JSON.stringify({ machine: m, seed, repeat, workers: workers ?? 'default', runs }, null, 2)}\n`);
  process.stderr.write(`raw results: ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`run-synthetic: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

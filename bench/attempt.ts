// One solver run on one problem, measured from outside and judged by the independent checker.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchedule } from '../src/engine/index.js';
import type { Problem } from '../src/engine/index.js';
import { runChild, takeSchedule } from './child-run.js';
import { toJsonLines } from './json-lines.js';
import { resultsDir } from './paths.js';

export interface Attempt {
  readonly solver: 'meetgrid' | 'highs';
  readonly exitCode: number;
  readonly wallMs: number;
  readonly maxRssKb?: number;
  /** What the solver says it spent, from the schedule's stats. */
  readonly elapsedMs?: number;
  readonly status?: string;
  readonly scheduled?: number;
  readonly breaks?: number;
  readonly maxBreaks?: number;
  readonly tableChanges?: number;
  /** The checker's verdict; false too when no schedule came back. */
  readonly valid: boolean;
  readonly violations: readonly string[];
  /** HiGHS's model status (MIP baseline only). */
  readonly mipStatus?: string;
  readonly error?: string;
}

export interface AttemptOptions {
  readonly timeLimitS: number;
  readonly seed?: number;
  readonly workers?: number;
  /** Ours: false runs every worker as a local-search seed (`--exact off`), for a like-for-like ablation. */
  readonly exact?: boolean;
  /** MIP baseline: require every meeting to be placed, as the paper's MIP does. */
  readonly placeAll?: boolean;
}

export function tmpDir(): string {
  const dir = join(resultsDir(), 'tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeProblem(problem: Problem, name: string): string {
  const file = join(tmpDir(), `${name}.problem.json`);
  writeFileSync(file, toJsonLines(problem));
  return file;
}

// Compiled, this file is dist-bench/bench/attempt.js: the CLI and the baseline sit beside it in the same build.
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const MIP = fileURLToPath(new URL('./mip-baseline.js', import.meta.url));

export async function attempt(solver: Attempt['solver'], problem: Problem, problemFile: string, options: AttemptOptions): Promise<Attempt> {
  const out = problemFile.replace(/\.problem\.json$/, `.${solver}.schedule.json`);
  const limit = String(options.timeLimitS);
  const args =
    solver === 'meetgrid'
      ? [CLI, 'solve', problemFile, '--time-limit', limit, '--seed', String(options.seed ?? 1), '-o', out, ...(options.workers ? ['--workers', String(options.workers)] : []), ...(options.exact === false ? ['--exact', 'off'] : [])]
      : [MIP, problemFile, '--time-limit', limit, '-o', out, ...(options.placeAll ? ['--place-all'] : [])];
  const run = await runChild(args);
  const schedule = takeSchedule(out);
  const mipStatus = solver === 'highs' ? /HiGHS: ([^;]+);/.exec(run.stderr)?.[1] : undefined;
  const base = {
    solver,
    exitCode: run.exitCode,
    wallMs: run.wallMs,
    ...(run.maxRssKb !== undefined ? { maxRssKb: run.maxRssKb } : {}),
    ...(mipStatus !== undefined ? { mipStatus } : {}),
  };
  if (!schedule) return { ...base, valid: false, violations: [], error: run.stderr.trim().split('\n').slice(-3).join(' / ') || `exit ${run.exitCode}` };
  const report = checkSchedule(problem, schedule);
  return {
    ...base,
    elapsedMs: schedule.stats?.elapsedMs,
    status: schedule.status,
    scheduled: report.figures.scheduled,
    breaks: report.figures.breaks,
    maxBreaks: report.figures.maxBreaks,
    tableChanges: report.figures.tableChanges,
    valid: report.valid,
    violations: report.violations.slice(0, 5).map((v) => `${v.code}: ${v.message}`),
  };
}

export function verdict(a: Attempt): string {
  if (a.error !== undefined) return `no schedule (${a.error.slice(0, 80)})`;
  return a.valid ? 'valid' : `INVALID: ${a.violations[0] ?? ''}`;
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

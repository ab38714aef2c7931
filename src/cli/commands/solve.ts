// `meetgrid solve PROBLEM.json [--time-limit SECONDS] [--seed N] [--previous FILE] [-o FILE] [--workers N] [--exact on|off]`:
// validates the problem, solves it with the worker portfolio and writes the schedule JSON.
// Exit 0 with a schedule, 1 when the independent checker refuses the solver's answer (nothing is written then),
// 2 for bad usage or input (each input error printed with its path).
import { rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Problem, Schedule } from '../../engine/index.js';
import { checkSchedule, formatInputError, validateProblem } from '../../engine/index.js';
import { translator, type Translator } from '../../i18n/index.js';
import { searchTimeMs, solveInWorkers, type PortfolioProgress } from '../../solving/index.js';
import type { Command } from '../command.js';
import { InputFileError, readJsonFile } from '../read-json-file.js';
import { cliLanguage, violationLine } from './check.js';

export interface SolveIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Progress lines are drawn only on an interactive terminal. */
  readonly errIsTty: boolean;
  /** Time already spent before the command ran (process start, loading); --time-limit covers it too. */
  readonly spentMs?: () => number;
}

const processIo: SolveIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  errIsTty: process.stderr.isTTY === true,
  // The main thread's clock starts with the process.
  spentMs: () => performance.now(),
};

interface Options {
  problemFile: string;
  timeLimitMs: number;
  seed: number;
  workers: number;
  exact: boolean;
  previousFile?: string;
  outFile?: string;
}

class UsageError extends Error {}

const VALUE_OPTIONS = ['--time-limit', '--seed', '--previous', '-o', '--workers', '--exact'];

function parse(args: readonly string[], t: Translator): Options {
  const files: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!VALUE_OPTIONS.includes(name!)) throw new UsageError(t('solve.unknownOption', { option: arg }));
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(t('solve.missingValue', { option: name! }));
    values.set(name!, value);
  }
  if (files.length !== 1) throw new UsageError(t('solve.wrongArguments', { count: files.length }));
  const number = (option: string, fallback: number, min: number, whole: boolean): number => {
    const text = values.get(option);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < min || (whole && !Number.isInteger(value))) {
      throw new UsageError(t('solve.badNumber', { option, value: text, min }));
    }
    return value;
  };
  const exact = values.get('--exact') ?? 'on';
  if (exact !== 'on' && exact !== 'off') throw new UsageError(t('solve.badSwitch', { option: '--exact', value: exact }));
  const options: Options = {
    problemFile: files[0]!,
    exact: exact === 'on',
    timeLimitMs: Math.round(number('--time-limit', 10, 0.01, false) * 1000),
    seed: number('--seed', 1, 0, true),
    workers: number('--workers', Math.max(1, availableParallelism()), 1, true),
  };
  const previous = values.get('--previous');
  if (previous !== undefined) options.previousFile = previous;
  const out = values.get('-o');
  if (out !== undefined) options.outFile = out;
  return options;
}

/** A previous schedule needs only its assignments; anything else in it is ignored. */
function previousSchedule(input: unknown, file: string, t: Translator): Schedule {
  const fail = (path: string, expected: string): never => {
    throw new InputFileError(t('solve.previousInvalid', { file, path, expected }));
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('(file)', 'object');
  const record = input as Record<string, unknown>;
  if (record.format !== 'meetgrid.schedule/1') fail('format', '"meetgrid.schedule/1"');
  if (!Array.isArray(record.assignments)) return fail('assignments', 'list');
  record.assignments.forEach((a: unknown, i) => {
    const item = a as Record<string, unknown> | null;
    for (const field of ['meeting', 'slot', 'table']) {
      if (typeof item !== 'object' || item === null || typeof item[field] !== 'string') {
        fail(`assignments[${i}].${field}`, 'text');
      }
    }
  });
  return input as Schedule;
}

export async function run(args: readonly string[], io: SolveIo = processIo): Promise<number> {
  const t = translator(cliLanguage(io.env));
  if (args.includes('--help') || args.includes('-h')) {
    io.out(t('solve.usage'));
    return 0;
  }
  let options: Options;
  try {
    options = parse(args, t);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`meetgrid solve: ${error.message}\n\n${t('solve.usage')}`);
    return 2;
  }
  let problemInput: unknown;
  let previous: Schedule | undefined;
  try {
    problemInput = await readJsonFile(options.problemFile, t);
    if (options.previousFile !== undefined) {
      previous = previousSchedule(await readJsonFile(options.previousFile, t), options.previousFile, t);
    }
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.err(`meetgrid solve: ${error.message}\n`);
    return 2;
  }
  const validation = validateProblem(problemInput);
  if (!validation.ok) {
    const lines = validation.errors.map((e) => `  ${formatInputError(e)}\n`).join('');
    io.err(`meetgrid solve: ${t('solve.problemInvalid', { file: options.problemFile, count: validation.errors.length })}\n${lines}`);
    return 2;
  }
  const problem = validation.problem;
  const meetings = problem.meetings.length;
  const onProgress = io.errIsTty
    ? (p: PortfolioProgress): void => {
        const percent = Math.round(p.fraction * 100);
        io.err(`\r${t('solve.progress', { percent, scheduled: p.best.scheduled, meetings, breaks: p.best.breaks })}\u001b[K`);
      }
    : undefined;
  const schedule = await solveInWorkers(problem, {
    seeds: Array.from({ length: options.workers }, (_, i) => options.seed + i),
    timeLimitMs: searchTimeMs(options.timeLimitMs, io.spentMs?.() ?? 0),
    exact: options.exact,
    ...(previous ? { previous } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  if (io.errIsTty) io.err('\r\u001b[K');
  const refusal = checkerRefusal(problem, schedule, t);
  if (refusal !== undefined) {
    io.err(`meetgrid solve: ${refusal}`);
    return 1;
  }
  const text = `${JSON.stringify(schedule, null, 2)}\n`;
  if (options.outFile === undefined) {
    io.out(text);
    return 0;
  }
  try {
    // Write beside the target and rename, so an interrupted run never leaves half a file.
    const partial = `${options.outFile}.partial`;
    await writeFile(partial, text, 'utf8');
    await rename(partial, options.outFile);
  } catch (error) {
    io.err(`meetgrid solve: ${t('solve.writeFailed', { file: options.outFile, reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
    return 1;
  }
  const { status, stats } = schedule;
  io.err(`${t('solve.written', { file: options.outFile, status, scheduled: stats.scheduled, meetings, breaks: stats.breaks })}\n`);
  return 0;
}

/**
 * What the independent checker says against the solver's answer, or undefined when it accepts it. The solver is
 * never its own judge: a schedule that breaks a rule, or whose status claims more than it shows, is not written.
 */
export function checkerRefusal(problem: Problem, schedule: unknown, t: Translator): string | undefined {
  const report = checkSchedule(problem, schedule);
  if (report.valid) return undefined;
  const lines = report.violations.map((v) => `${violationLine(v)}\n`);
  return `${t('solve.checkerRefused', { count: report.violations.length })}\n${lines.join('')}`;
}

const command: Command = { summary: 'build a schedule from a problem file', run: (args) => run(args) };
export default command;

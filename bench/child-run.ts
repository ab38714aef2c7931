// Runs a program (the solver CLI, the MIP baseline) as a child process and measures it from the outside: wall time
// and, when GNU time is installed (/usr/bin/time -v), the peak resident memory of the whole process.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Schedule } from '../src/engine/index.js';

const GNU_TIME = '/usr/bin/time';

export interface ChildRun {
  readonly exitCode: number;
  readonly wallMs: number;
  /** Peak resident set size in kB, when GNU time is available. */
  readonly maxRssKb?: number;
  readonly stderr: string;
}

function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** The peak RSS line of `time -v`; the line is removed from the child's own error output. */
export function splitGnuTime(stderr: string): { stderr: string; maxRssKb?: number } {
  const match = /^\s*Maximum resident set size \(kbytes\): (\d+)\s*$/m.exec(stderr);
  // GNU time's report starts with "Command exited with non-zero status N" when the child failed.
  const start = stderr.search(/(?:Command exited with non-zero status \d+\n)?[ \t]*Command being timed:/);
  const own = start >= 0 ? stderr.slice(0, start) : stderr;
  return match ? { stderr: own, maxRssKb: Number(match[1]) } : { stderr: own };
}

export function runChild(args: readonly string[]): Promise<ChildRun> {
  const measured = hasGnuTime();
  const [command, ...rest] = measured ? [GNU_TIME, '-v', process.execPath, ...args] : [process.execPath, ...args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command!, rest, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Math.round(performance.now() - started);
      const split = measured ? splitGnuTime(stderr) : { stderr };
      resolve({ exitCode: code ?? 1, wallMs, ...split });
    });
  });
}

/** Reads and removes a schedule file the child wrote; undefined when there is none or it is not JSON. */
export function takeSchedule(path: string): Schedule | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Schedule;
  } catch {
    return undefined;
  } finally {
    rmSync(path, { force: true });
  }
}

export const MEASURES_MEMORY = hasGnuTime();

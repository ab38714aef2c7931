// The machine a run was measured on, recorded with every result file.
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { repoRoot } from './paths.js';

export interface Machine {
  readonly date: string;
  readonly cores: number;
  readonly cpu: string;
  readonly node: string;
  readonly memoryGb: number;
  /** 1-minute load average when the run started: other work on a shared machine slows every timing. */
  readonly loadAtStart: number;
  /** The commit measured, marked when the engine's files differ from it (the build compiles the working tree). */
  readonly revision: string;
}

function revision(): string {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: repoRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--', 'src/engine', 'src/solving') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted engine changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAtStart: Number(loadavg()[0]!.toFixed(2)),
    revision: revision(),
  };
}

export function describeMachine(m: Machine): string {
  return `${m.date} · ${m.cores} cores (${m.cpu}) · ${m.memoryGb} GB · Node ${m.node} · load ${m.loadAtStart} at start · revision ${m.revision}`;
}

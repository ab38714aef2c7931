// The machine a run was measured on, recorded with every result file.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly date: string;
  readonly cores: number;
  readonly cpu: string;
  readonly node: string;
  readonly memoryGb: number;
  /** 1-minute load average when the run started: other work on a shared machine slows every timing. */
  readonly loadAtStart: number;
}

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAtStart: Number(loadavg()[0]!.toFixed(2)),
  };
}

export function describeMachine(m: Machine): string {
  return `${m.date} · ${m.cores} cores (${m.cpu}) · ${m.memoryGb} GB · Node ${m.node} · load ${m.loadAtStart} at start`;
}

// One seed of the portfolio, in its own thread: runs the engine with the real clock and reports progress.
// The search is synchronous, so cancellation arrives through a shared flag rather than a message.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { solve } from '../engine/index.js';
import type { Problem, Schedule } from '../engine/index.js';

export interface WorkerInput {
  readonly problem: Problem;
  readonly seed: number;
  /** When the search must stop, in Date.now() terms: the clocks of threads differ otherwise. */
  readonly deadlineEpochMs: number;
  /** The search runs at least this long, however late the thread started. */
  readonly minSearchMs: number;
  readonly previous?: Schedule;
  readonly stopFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly fraction: number; readonly phase: string; readonly scheduled: number; readonly breaks: number }
  | { readonly type: 'done'; readonly schedule: Schedule };

const input = workerData as WorkerInput;
const stop = new Int32Array(input.stopFlag);
const port = parentPort;
if (port === null) throw new Error('solve-worker must run in a worker thread');

const schedule = solve(input.problem, {
  seed: input.seed,
  timeLimitMs: Math.max(input.minSearchMs, input.deadlineEpochMs - Date.now()),
  now: () => performance.now(),
  ...(input.previous ? { previous: input.previous } : {}),
  shouldStop: () => Atomics.load(stop, 0) !== 0,
  onProgress: (p) => {
    const message: WorkerMessage = { type: 'progress', fraction: p.fraction, phase: p.phase, ...p.best };
    port.postMessage(message);
  },
});
const done: WorkerMessage = { type: 'done', schedule };
port.postMessage(done);

// The exact member of the portfolio, in its own thread: asks clingo one question about the problem (see
// src/engine/exact/asp-program.ts), then lets the engine's search finish from that answer until the deadline.
// The parent terminates this thread while clingo runs past its share of the time; nothing is lost but the try.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { exactProgram, readExactAnswer, solve, type ExactQuestion, type Problem } from '../engine/index.js';
import { solveExactly } from './exact-solver.js';
import type { WorkerMessage } from './solve-worker.js';

export interface ExactWorkerInput {
  readonly problem: Problem;
  readonly question: ExactQuestion;
  readonly seed: number;
  /** When the search after the answer must stop, in Date.now() terms (clocks of threads differ otherwise). */
  readonly deadlineEpochMs: number;
  readonly stopFlag: SharedArrayBuffer;
}

export type ExactWorkerMessage =
  | WorkerMessage
  | { readonly type: 'answered' }
  | { readonly type: 'no-answer'; readonly proved: boolean; readonly why: string };

const input = workerData as ExactWorkerInput;
const stop = new Int32Array(input.stopFlag);
const port = parentPort;
if (port === null) throw new Error('exact-worker must run in a worker thread');
const post = (message: ExactWorkerMessage): void => port.postMessage(message);

const program = exactProgram(input.problem, input.question);
if (!program.supported) {
  post({ type: 'no-answer', proved: false, why: program.why });
} else {
  const outcome = await solveExactly(program.text, { seed: input.seed });
  if (outcome.kind !== 'answer') {
    post({ type: 'no-answer', proved: outcome.kind === 'none', why: outcome.kind === 'none' ? 'no such schedule' : outcome.message });
  } else {
    post({ type: 'answered' });
    const schedule = solve(input.problem, {
      seed: input.seed,
      start: readExactAnswer(input.problem, outcome.atoms),
      timeLimitMs: Math.max(0, input.deadlineEpochMs - Date.now()),
      now: () => performance.now(),
      shouldStop: () => Atomics.load(stop, 0) !== 0,
      onProgress: (p) => post({ type: 'progress', fraction: p.fraction, phase: p.phase, ...p.best }),
    });
    post({ type: 'done', schedule });
  }
}

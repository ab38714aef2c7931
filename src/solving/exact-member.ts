// One of the portfolio's exact members: a worker thread (break-bounds-worker.ts) that asks a SAT solver for
// schedules under falling break bounds, or proves lower bounds climbing from 0, sharing the totals with the other
// members, and searches on its own once the solver has nothing more to give. Its answers go through the same engine
// (tables, objective, explanations) as every other member's, so they are ranked like them.
import { Worker } from 'node:worker_threads';
import type { Problem, Schedule } from '../engine/index.js';
import type { BoundsDirection, BreakBoundsInput, BreakBoundsMessage } from './break-bounds-worker.js';

export interface ExactMemberOptions {
  readonly problem: Problem;
  readonly seed: number;
  readonly timeLimitMs: number;
  readonly stopFlag: SharedArrayBuffer;
  /** Fires when the portfolio stops early (cancelled, or another member proved its answer optimal). */
  readonly stopped: AbortSignal;
  readonly onProgress: (progress: { phase: string; fraction: number; scheduled: number; breaks: number }) => void;
  /** Shared by every member (best-breaks.ts): the fewest breaks of a complete schedule known, the climbed bound. */
  readonly bestBreaks: SharedArrayBuffer;
  /** The member proved that no schedule with every meeting has fewer breaks than this. */
  readonly onProved: (breaks: number) => void;
  readonly direction: BoundsDirection;
  /** See BreakBoundsInput. */
  readonly climbQuestionMs?: number;
  /** See BreakBoundsInput. */
  readonly firstSearchMs?: number;
}

/**
 * How long past the deadline the thread may take to hand its best in. The solver polls the deadline itself; this
 * only guards against a hang, which then costs the member's answer and nothing else.
 */
const GRACE_MS = 2_000;

function workerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./break-bounds-worker${extension}`, import.meta.url);
}

export function runExactMember(options: ExactMemberOptions): Promise<Schedule | undefined> {
  return new Promise((resolve) => {
    if (options.stopped.aborted) {
      resolve(undefined);
      return;
    }
    const deadline = Date.now() + options.timeLimitMs;
    const input: BreakBoundsInput = {
      problem: options.problem,
      seed: options.seed,
      deadlineEpochMs: deadline,
      stopFlag: options.stopFlag,
      bestBreaks: options.bestBreaks,
      direction: options.direction,
      ...(options.climbQuestionMs === undefined ? {} : { climbQuestionMs: options.climbQuestionMs }),
      ...(options.firstSearchMs === undefined ? {} : { firstSearchMs: options.firstSearchMs }),
    };
    const worker = new Worker(workerUrl(), { workerData: input });
    let answer: Schedule | undefined;
    const timer = setTimeout(() => void worker.terminate(), Math.max(0, deadline + GRACE_MS - Date.now()));
    worker.on('message', (message: BreakBoundsMessage) => {
      if (message.type === 'progress') options.onProgress(message);
      else if (message.type === 'proved') options.onProved(message.breaks);
      else answer = message.schedule;
    });
    // A failure of this member never fails the run: the search members still answer.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

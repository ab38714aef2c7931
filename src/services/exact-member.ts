// The portfolio's exact member: one worker thread that asks clingo a question about the whole problem, bounded in
// time by terminating the thread, because a wasm call cannot be interrupted from inside. Its answer goes through
// the same engine (tables, objective, explanations) as every other member's, so it is ranked like them.
import { Worker } from 'node:worker_threads';
import type { ExactQuestion, Problem, Schedule } from '../engine/index.js';
import type { ExactWorkerInput, ExactWorkerMessage } from './exact-worker.js';

export interface ExactMemberOptions {
  readonly problem: Problem;
  readonly seed: number;
  readonly timeLimitMs: number;
  readonly stopFlag: SharedArrayBuffer;
  /** Fires when the portfolio stops early (cancelled, or another member proved its answer optimal). */
  readonly stopped: AbortSignal;
  readonly onProgress: (progress: { phase: string; fraction: number; scheduled: number; breaks: number }) => void;
  /** The local search, for the time left when no question was answered: the thread is not wasted. */
  readonly fallback: (timeLimitMs: number) => Promise<Schedule>;
}

/** The share of the time the contiguous question may take before the member moves on. */
const CONTIGUOUS_SHARE = 0.4;
/** Up to this share of the time, a problem with precedences may still ask whether every meeting fits at all. */
const COMPLETE_SHARE = 0.7;
/** How long past the deadline a thread still searching from an answer may take to hand its best in. */
const GRACE_MS = 2_000;

function workerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./exact-worker${extension}`, import.meta.url);
}

function ask(options: ExactMemberOptions, question: ExactQuestion, giveUpAt: number, deadline: number): Promise<Schedule | undefined> {
  return new Promise((resolve) => {
    if (options.stopped.aborted) {
      resolve(undefined);
      return;
    }
    const input: ExactWorkerInput = {
      problem: options.problem,
      question,
      seed: options.seed,
      deadlineEpochMs: deadline,
      stopFlag: options.stopFlag,
    };
    const worker = new Worker(workerUrl(), { workerData: input });
    let answer: Schedule | undefined;
    const terminate = (): void => void worker.terminate();
    let timer = setTimeout(terminate, Math.max(0, giveUpAt - Date.now()));
    options.stopped.addEventListener('abort', terminate, { once: true });
    worker.on('message', (message: ExactWorkerMessage) => {
      if (message.type === 'answered') {
        // From here the engine's search runs and honours the deadline itself; the timer only guards against a hang.
        clearTimeout(timer);
        timer = setTimeout(terminate, Math.max(0, deadline + GRACE_MS - Date.now()));
        options.onProgress({ phase: `exact ${question}`, fraction: 0, scheduled: 0, breaks: Number.POSITIVE_INFINITY });
      } else if (message.type === 'progress') {
        options.onProgress(message);
      } else if (message.type === 'done') {
        answer = message.schedule;
      }
    });
    // A failure of this member never fails the run: the search members still answer.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      clearTimeout(timer);
      options.stopped.removeEventListener('abort', terminate);
      resolve(answer);
    });
  });
}

export async function runExactMember(options: ExactMemberOptions): Promise<Schedule | undefined> {
  const started = Date.now();
  const deadline = started + options.timeLimitMs;
  const at = (share: number): number => started + options.timeLimitMs * share;
  const contiguous = await ask(options, 'contiguous', at(CONTIGUOUS_SHARE), deadline);
  if (contiguous) return contiguous;
  // A precedence chain is what the local search finds hardest to fit; without one it rarely leaves a meeting out.
  if (options.problem.meetings.some((m) => (m.after?.length ?? 0) > 0)) {
    const complete = await ask(options, 'complete', at(COMPLETE_SHARE), deadline);
    if (complete) return complete;
  }
  const left = deadline - Date.now();
  if (left <= 0 || options.stopped.aborted) return undefined;
  return options.fallback(left);
}

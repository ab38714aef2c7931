// The portfolio's exact member, in its own thread: asks CaDiCaL for a schedule with every meeting and fewer breaks
// than the best known to any member, again and again (see src/engine/exact/break-cnf.ts). Each answer goes through
// the engine's search, which starts from it; a "no" proves the best known total optimal. When the solver has no
// more to give, the thread searches on until the deadline like any other member.
// The solver polls a callback while it works, so the deadline, a stop, and a better total found meanwhile by a
// search member all reach it without terminating the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { Cadical } from 'cadical-wasm';
import { breakCnf, solve, type BreakCnf, type Problem, type Schedule, type StartAssignment } from '../engine/index.js';
import { lowerBestBreaks } from './best-breaks.js';
import { satSolver } from './sat-solver.js';
import type { WorkerMessage } from './solve-worker.js';

export interface BreakDescentInput {
  readonly problem: Problem;
  readonly seed: number;
  /** When the member must hand in its answer, in Date.now() terms. */
  readonly deadlineEpochMs: number;
  readonly stopFlag: SharedArrayBuffer;
  /** One Int32: the fewest breaks of a schedule with every meeting, known to any member (written by all). */
  readonly bestBreaks: SharedArrayBuffer;
}

export type BreakDescentMessage = WorkerMessage | { readonly type: 'proved'; readonly breaks: number };

/** The engine's own search first, briefly, so the solver starts from a bound close to the answer. */
const FIRST_SEARCH_SHARE = 0.05;
const FIRST_SEARCH_MAX_MS = 500;
/** The engine's search from each answer: this share of the time left, but at least the minimum. */
const POLISH_SHARE = 0.15;
const POLISH_MIN_MS = 200;

const input = workerData as BreakDescentInput;
const stop = new Int32Array(input.stopFlag);
const shared = new Int32Array(input.bestBreaks);
const port = parentPort;
if (port === null) throw new Error('break-descent-worker must run in a worker thread');
const post = (message: BreakDescentMessage): void => port.postMessage(message);
const stopRequested = (): boolean => Atomics.load(stop, 0) !== 0;
const timeLeft = (): number => Math.max(0, input.deadlineEpochMs - Date.now());
const meetings = input.problem.meetings.length;
const breaksOf = (schedule: Schedule): number =>
  schedule.stats.scheduled === meetings ? schedule.stats.breaks : Number.POSITIVE_INFINITY;

/** The engine's search, from `start` when given, for `ms` or until the portfolio stops. */
function search(ms: number, start?: readonly StartAssignment[]): Schedule {
  return solve(input.problem, {
    seed: input.seed,
    timeLimitMs: Math.min(ms, timeLeft()),
    now: () => performance.now(),
    shouldStop: stopRequested,
    ...(start ? { start } : {}),
    onProgress: (p) => {
      // The solver's next bound follows the search's progress too, not only its finished answers.
      if (p.best.scheduled === meetings) lowerBestBreaks(shared, p.best.breaks);
      post({ type: 'progress', fraction: p.fraction, phase: p.phase, ...p.best });
    },
  });
}

function publish(schedule: Schedule): void {
  lowerBestBreaks(shared, breaksOf(schedule));
}

function loadSolver(cnf: BreakCnf): Promise<Cadical> {
  // CaDiCaL's setting for satisfiable questions: stable mode only, and decisions that follow the best assignment
  // seen. On four B2B questions (breaks at their optimum, 3 seeds, 2 at a time) the 12 runs took 90 s in all,
  // against 104 s in stable mode alone and 154 s by default.
  return satSolver(cnf.clauses, { stabilizeonly: 1, target: 2, seed: input.seed });
}

/**
 * Falling bounds: each asks for one break fewer than the best known to any member. Returns the best schedule this
 * thread found and whether its total (or a search member's) was proved optimal.
 */
async function descend(first: Schedule): Promise<{ best: Schedule; proved: boolean }> {
  let best = first;
  let cnf: BreakCnf | undefined;
  let solver: Cadical | undefined;
  let target = Number.POSITIVE_INFINITY;
  try {
    while (!stopRequested() && timeLeft() > 0) {
      const known = Math.min(Atomics.load(shared, 0), breaksOf(best));
      if (known === 0) return { best, proved: true };
      target = known - 1;
      if (cnf === undefined || (Number.isFinite(known) && target > cnf.widest && cnf.widest < cnf.breakVariables)) {
        // The counter is as wide as the best total when it is built, since width costs variables in proportion.
        // A first schedule that leaves meetings out gives no total: the question is then asked unbounded, and the
        // encoding built again, once, around the total of the first answer.
        const encoded = breakCnf(input.problem, Number.isFinite(known) ? known : 0);
        if (!encoded.supported) return { best, proved: false };
        cnf = encoded.cnf;
        solver?.dispose();
        solver = await loadSolver(cnf);
        solver.setTerminate(() => stopRequested() || timeLeft() === 0 || Atomics.load(shared, 0) <= target);
      }
      const bounded = target <= cnf.widest;
      const status = solver!.solve({ assumptions: bounded ? cnf.assumeAtMost(target) : [] });
      if (status === 'unsatisfiable') {
        // Unbounded, "no" means not every meeting fits: nothing for this member to prove.
        if (!bounded) return { best, proved: false };
        post({ type: 'proved', breaks: target + 1 });
        return { best, proved: true };
      }
      if (status === 'satisfiable') {
        // An answer only meets the bound; the engine's search, started from it, often takes it lower, and the
        // next bound starts from there.
        const polished = search(Math.max(POLISH_MIN_MS, timeLeft() * POLISH_SHARE), cnf.read(solver!.model()));
        // Polished from a complete answer, the schedule is complete, so fewer breaks is all "better" means here.
        if (breaksOf(polished) < breaksOf(best)) {
          best = polished;
          publish(best);
        } else if (!bounded) {
          return { best, proved: false };
        }
      }
    }
    return { best, proved: false };
  } finally {
    solver?.dispose();
  }
}

let best = search(Math.min(FIRST_SEARCH_MAX_MS, timeLeft() * FIRST_SEARCH_SHARE));
publish(best);
let proved = best.status === 'optimal';
if (!proved) ({ best, proved } = await descend(best));
// Started from the best schedule, the search can only keep or better it.
if (!proved && !stopRequested() && timeLeft() > 0) best = search(timeLeft(), best.assignments);
post({ type: 'done', schedule: best });

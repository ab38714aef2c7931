// An exact member of the portfolio, in its own thread: asks CaDiCaL whether every meeting fits with at most k breaks
// (see src/engine/exact/break-cnf.ts), for bounds that fall from the best total known ('down') or climb from 0
// ('up'). A "yes" goes through the engine's search, which starts from it; a "no" proves a lower bound. When the
// solver has no more to give, the thread searches on until the deadline like any other member.
// The solver polls a callback while it works, so the deadline, a stop, a better total found meanwhile by another
// member, and a bound proved by the climbing member all reach it without terminating the thread.
// Why two directions: a "yes" takes about as long a few breaks above the optimum as at it, so one-fewer-than-the-best
// steps can spend the whole time limit on two or three answers, while the "no" answers below a small optimum come
// quickly. The measurements behind this and the constants below are in bench/history/.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { Cadical, SolverOptions } from 'cadical-wasm';
import { breakCnf, solve, type BreakCnf, type Problem, type Schedule, type StartAssignment } from '../engine/index.js';
import {
  bestBreaks,
  climbedBound,
  descentTarget,
  lowerBestBreaks,
  raiseClimbedBound,
  settledTarget,
} from './best-breaks.js';
import { satSolver, startFrom } from './sat-solver.js';
import type { WorkerMessage } from './solve-worker.js';

/** Falling bounds below the best total known, or climbing bounds from 0: see descend() and ascend() below. */
export type BoundsDirection = 'down' | 'up';

export interface BreakBoundsInput {
  readonly problem: Problem;
  readonly seed: number;
  /** When the member must hand in its answer, in Date.now() terms. */
  readonly deadlineEpochMs: number;
  readonly stopFlag: SharedArrayBuffer;
  /** The break totals every member shares (best-breaks.ts). */
  readonly bestBreaks: SharedArrayBuffer;
  readonly direction: BoundsDirection;
  /** How long a climbing question may take before the climb stops; by default a share of the time (tests set it). */
  readonly climbQuestionMs?: number;
  /** How long the descending member's first search may take; by default a share of the time (tests set it). */
  readonly firstSearchMs?: number;
}

export type BreakBoundsMessage = WorkerMessage | { readonly type: 'proved'; readonly breaks: number };

/**
 * The descending member's engine search first, while it keeps finding better schedules (but for at most a tenth of
 * the time), so the solver starts from a bound close to the answer. On easy events the search reaches the optimum
 * itself, which a fixed short search missed. A longer share leaves the solver's answers too late on the B2B set, and
 * a shorter stall ends the search on small events before it has settled.
 */
const FIRST_SEARCH_SHARE = 0.1;
const FIRST_SEARCH_STALL_MS = 500;
/**
 * The engine's search from each answer: this share of the time left, but at least the minimum. The climbing
 * member's answer is its last, so it gets more. The descending member's next question is the faster way down: on
 * the hard B2B instances the search from its answers rarely lowered the total, and a larger share only delayed the
 * next question.
 */
const POLISH_SHARE = 0.03;
const LAST_POLISH_SHARE = 0.15;
const POLISH_MIN_MS = 200;
/**
 * An unbounded answer (asked when the first search left meetings out) places every meeting but is far from good
 * on breaks, and a short search kept it as it was whenever no later question was answered. The search from it runs
 * while it keeps finding better schedules, as the first search does, for at most this share of the time left.
 */
const UNBOUNDED_POLISH_SHARE = 0.2;

const input = workerData as BreakBoundsInput;
const stop = new Int32Array(input.stopFlag);
const shared = new Int32Array(input.bestBreaks);
const port = parentPort;
if (port === null) throw new Error('break-bounds-worker must run in a worker thread');
const post = (message: BreakBoundsMessage): void => port.postMessage(message);
const stopRequested = (): boolean => Atomics.load(stop, 0) !== 0;
const timeLeft = (): number => Math.max(0, input.deadlineEpochMs - Date.now());
const meetings = input.problem.meetings.length;
const breaksOf = (schedule: Schedule): number =>
  schedule.stats.scheduled === meetings ? schedule.stats.breaks : Number.POSITIVE_INFINITY;

/**
 * The engine's search, from `start` when given, for `ms` or until the portfolio stops; with `stallMs`, also once
 * that long has passed without a better schedule.
 */
function search(ms: number, start?: readonly StartAssignment[], stallMs = Number.POSITIVE_INFINITY): Schedule {
  let lastGain = performance.now();
  let lead = { scheduled: -1, breaks: Number.POSITIVE_INFINITY };
  return solve(input.problem, {
    seed: input.seed,
    timeLimitMs: Math.min(ms, timeLeft()),
    now: () => performance.now(),
    shouldStop: () => stopRequested() || performance.now() - lastGain > stallMs,
    ...(start ? { start } : {}),
    onProgress: (p) => {
      if (p.best.scheduled > lead.scheduled || (p.best.scheduled === lead.scheduled && p.best.breaks < lead.breaks)) {
        lead = p.best;
        lastGain = performance.now();
      }
      // The solver's next bound follows the search's progress too, not only its finished answers.
      if (p.best.scheduled === meetings) lowerBestBreaks(shared, p.best.breaks);
      post({ type: 'progress', fraction: p.fraction, phase: p.phase, ...p.best });
    },
  });
}

function publish(schedule: Schedule): void {
  lowerBestBreaks(shared, breaksOf(schedule));
}

function loadSolver(cnf: BreakCnf, options: SolverOptions = {}): Promise<Cadical> {
  // CaDiCaL's setting for satisfiable questions: stable mode only, and decisions that follow the best assignment
  // seen; on B2B questions at their optimum it answered faster than stable mode alone or the default.
  return satSolver(cnf.clauses, { stabilizeonly: 1, target: 2, seed: input.seed, ...options });
}

/**
 * Most of the descending member's questions lie above the optimum, and there CaDiCaL answers faster without three
 * of its inprocessing steps (sweeping, factoring, congruence closure); questions at the optimum take about as long
 * either way.
 */
const DESCENT_OPTIONS: SolverOptions = { sweep: 0, factor: 0, congruence: 0 };

/**
 * The descending member's counter is at least this wide, wider than its questions need: there its first answers
 * come sooner and more evenly than with a counter cut to the question, and sooner than with a much wider one. The
 * width costs little memory.
 */
const DESCENT_MIN_WIDTH = 16;

/**
 * Falling bounds: each question is `descentTarget` of the best total known to any member and the bounds proved so
 * far, asked again whenever one of them changes it. Returns the best schedule this thread found and whether the
 * best known total was proved optimal.
 *
 * Each answer becomes the solver's starting point (`startFrom`): the next question, one break fewer, is then answered
 * near it, several times faster than from the solver's own phases, for a few milliseconds an answer.
 */
async function descend(first: Schedule): Promise<{ best: Schedule; proved: boolean }> {
  let best = first;
  let cnf: BreakCnf | undefined;
  let solver: Cadical | undefined;
  let target = Number.POSITIVE_INFINITY;
  let lower = 0; // proved by this member
  let interrupted = false;
  let model: boolean[] | undefined;
  // The question changes when another member finds a better total or the climbing member proves more.
  const changed = (): boolean => descentTarget(bestBreaks(shared), lower, climbedBound(shared)) !== target;
  const load = async (encoded: BreakCnf): Promise<Cadical> => {
    solver?.dispose();
    const loaded = await loadSolver(encoded, DESCENT_OPTIONS);
    loaded.setTerminate(() => stopRequested() || timeLeft() === 0 || changed());
    if (model !== undefined) startFrom(loaded, model);
    return loaded;
  };
  try {
    while (!stopRequested() && timeLeft() > 0) {
      const known = Math.min(bestBreaks(shared), breaksOf(best));
      const next = descentTarget(known, lower, climbedBound(shared));
      if (next === undefined) return { best, proved: true };
      const easier = interrupted && next > target;
      target = next;
      if (cnf === undefined || (Number.isFinite(known) && target > cnf.widest && cnf.widest < cnf.breakVariables)) {
        // The counter is as wide as the best total when it is built, and at least DESCENT_MIN_WIDTH.
        // A first schedule that leaves meetings out gives no total: the question is then asked unbounded, and the
        // encoding built again, once, around the total of the first answer.
        const width = Number.isFinite(known) ? Math.max(known, DESCENT_MIN_WIDTH) : 0;
        const encoded = breakCnf(input.problem, width, { busyCounts: true });
        if (!encoded.supported) return { best, proved: false };
        cnf = encoded.cnf;
        // The last model's variables are those of the encoding it came from.
        model = undefined;
        solver = await load(cnf);
      } else if (easier) {
        // A harder question left unfinished (the climbing member proved more meanwhile) leaves the solver worse off
        // for the easier one than a fresh start.
        solver = await load(cnf);
      }
      const bounded = target <= cnf.widest;
      const status = solver!.solve({ assumptions: bounded ? cnf.assumeAtMost(target) : [] });
      interrupted = status === 'unknown';
      if (status === 'unsatisfiable') {
        // Unbounded, "no" means not every meeting fits: nothing for this member to prove.
        if (!bounded) return { best, proved: false };
        lower = target + 1;
        post({ type: 'proved', breaks: lower });
      }
      if (status === 'satisfiable') {
        // An answer only meets the bound; the engine's search, started from it, often takes it lower, and the
        // next bound starts from there.
        model = solver!.model();
        startFrom(solver!, model);
        const polished = bounded
          ? search(Math.max(POLISH_MIN_MS, timeLeft() * POLISH_SHARE), cnf.read(model))
          : search(timeLeft() * UNBOUNDED_POLISH_SHARE, cnf.read(model), FIRST_SEARCH_STALL_MS);
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

/** The climbing member's counter bounds totals up to this many breaks (the B2B optima are 0-6). */
const CLIMB_WIDTH = 20;
/**
 * CaDiCaL's default mode while the bound climbs, where every answer but the last is "no": it proves a "no" much
 * faster than stable mode. The questions after the climb go to a solver in stable mode, which answers "yes" faster.
 */
const CLIMB_OPTIONS: SolverOptions = { stabilizeonly: 0, target: 1 };
/**
 * While the bound climbs, a question that takes longer than this share of the time ends the climb. It sits between
 * two hard B2B instances' slow "no" answers, whose times overlap: a longer cut helps one and costs the other about as
 * often (bench/history/ has the runs).
 */
const CLIMB_QUESTION_SHARE = 0.15;
/**
 * Rising bounds from 0: a "no" for k proves that no schedule with every meeting has k breaks or fewer, and each proved
 * bound is shared at once, for the descending member. The first question that takes longer than a "no" usually does
 * ends the climb. The member then asks, in stable mode, `settledTarget`: two above the bound, then lower as answers
 * come, so that a "yes" at the bound is optimal. Returns the best schedule this thread found and whether it (or
 * another member's best total) was proved optimal.
 */
async function ascend(): Promise<{ best: Schedule | undefined; proved: boolean }> {
  const encoded = breakCnf(input.problem, CLIMB_WIDTH);
  if (!encoded.supported) return { best: undefined, proved: false };
  const cnf = encoded.cnf;
  const climbMs = input.climbQuestionMs ?? timeLeft() * CLIMB_QUESTION_SHARE;
  let lower = 0;
  let climbing = true;
  let questionEnds = 0;
  let best: Schedule | undefined;
  // The member's own answers are published as they come, so the shared total covers them.
  const next = (): number | undefined => {
    const known = bestBreaks(shared);
    if (climbing) return known <= lower ? undefined : lower;
    const target = settledTarget(known, lower);
    return target === undefined ? undefined : Math.min(target, cnf.widest);
  };
  let asked: number | undefined;
  const load = async (options?: SolverOptions): Promise<Cadical> => {
    const loaded = await loadSolver(cnf, options);
    loaded.setTerminate(
      () => stopRequested() || timeLeft() === 0 || next() !== asked || (climbing && Date.now() >= questionEnds),
    );
    return loaded;
  };
  let solver = await load(CLIMB_OPTIONS);
  try {
    while (!stopRequested() && timeLeft() > 0 && lower <= cnf.widest) {
      asked = next();
      // A schedule known to some member meets the bound: it is optimal.
      if (asked === undefined) return { best, proved: true };
      questionEnds = Date.now() + climbMs;
      const status = solver.solve({ assumptions: cnf.assumeAtMost(asked) });
      if (status === 'unsatisfiable') {
        // A "no" that needs no bound at all: not every meeting fits, so there is nothing to prove about breaks.
        if (solver.failedAssumptions().length === 0) return { best, proved: false };
        lower = asked + 1;
        post({ type: 'proved', breaks: lower });
        raiseClimbedBound(shared, lower);
      } else if (status === 'satisfiable') {
        // The engine's search from the answer assigns the tables and lowers the table changes; at the bound the
        // answer is optimal and the member's last, so the search gets more time.
        // Unlike the descending member, this one does not start its next question from the answer: in its setting
        // (stable mode after the climb) that was no faster.
        const last = asked <= lower;
        const polished = search(
          Math.max(POLISH_MIN_MS, timeLeft() * (last ? LAST_POLISH_SHARE : POLISH_SHARE)),
          cnf.read(solver.model()),
        );
        if (best === undefined || breaksOf(polished) < breaksOf(best)) best = polished;
        publish(best);
        if (last) return { best, proved: breaksOf(best) <= lower };
        // Should the engine not realise the answer in full, the same question would only get the same answer: the
        // search goes on from the best instead.
        if (breaksOf(best) > asked) return { best, proved: false };
      } else if (climbing && Date.now() >= questionEnds) {
        climbing = false;
        // Shared even when nothing is proved yet (0 breaks): the descending member then asks close above it.
        raiseClimbedBound(shared, lower);
        solver.dispose();
        solver = await load();
      }
    }
    return { best, proved: false };
  } finally {
    solver.dispose();
  }
}

async function run(): Promise<Schedule | undefined> {
  if (input.direction === 'up') {
    // The climb needs no schedule to start from; the descending member's first search finds the easy optima.
    const { best, proved } = await ascend();
    if (proved || stopRequested() || timeLeft() === 0) return best;
    return search(timeLeft(), best?.assignments);
  }
  let best = search(input.firstSearchMs ?? timeLeft() * FIRST_SEARCH_SHARE, undefined, FIRST_SEARCH_STALL_MS);
  publish(best);
  let proved = best.status === 'optimal';
  if (!proved) ({ best, proved } = await descend(best));
  // Started from the best schedule, the search can only keep or better it.
  if (!proved && !stopRequested() && timeLeft() > 0) best = search(timeLeft(), best.assignments);
  return best;
}

const answer = await run();
if (answer) post({ type: 'done', schedule: answer });

// What both exact members share in their thread: the input, the portfolio's stop flag and break totals, the
// engine's search (which every SAT answer goes through) and the SAT solver's setting. The falling bounds are in
// break-bounds-descent.ts, the climbing ones in break-bounds-climb.ts, the thread itself in break-bounds-worker.ts.
import { performance } from 'node:perf_hooks';
import type { Cadical, SolverOptions } from 'cadical-wasm';
import { solve, type BreakCnf, type Problem, type Schedule, type StartAssignment } from '../engine/index.js';
import { lowerBestBreaks } from './best-breaks.js';
import { satSolver } from './sat-solver.js';
import type { WorkerMessage } from './solve-worker.js';

/** Falling bounds below the best total known, or climbing bounds from 0: see break-bounds-descent.ts and break-bounds-climb.ts. */
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
export const FIRST_SEARCH_SHARE = 0.1;
export const FIRST_SEARCH_STALL_MS = 500;
/**
 * The engine's search from each answer: this share of the time left, but at least the minimum. The climbing
 * member's answer is its last, so it gets more. The descending member's next question is the faster way down: on
 * the hard B2B instances the search from its answers rarely lowered the total, and a larger share only delayed the
 * next question.
 */
export const POLISH_SHARE = 0.03;
export const LAST_POLISH_SHARE = 0.15;
export const POLISH_MIN_MS = 200;
/**
 * An unbounded answer (asked when the first search left meetings out) places every meeting but is far from good
 * on breaks, and a short search kept it as it was whenever no later question was answered. The search from it runs
 * while it keeps finding better schedules, as the first search does, for at most this share of the time left.
 */
export const UNBOUNDED_POLISH_SHARE = 0.2;

/** One member's thread: its input, what it shares with the others, and the search both directions use. */
export class BoundsMember {
  readonly shared: Int32Array;
  private readonly stop: Int32Array;
  private readonly meetings: number;

  constructor(
    readonly input: BreakBoundsInput,
    readonly post: (message: BreakBoundsMessage) => void,
  ) {
    this.stop = new Int32Array(input.stopFlag);
    this.shared = new Int32Array(input.bestBreaks);
    this.meetings = input.problem.meetings.length;
  }

  stopRequested(): boolean {
    return Atomics.load(this.stop, 0) !== 0;
  }

  timeLeft(): number {
    return Math.max(0, this.input.deadlineEpochMs - Date.now());
  }

  /** The breaks of a schedule with every meeting; infinite for one that leaves meetings out. */
  breaksOf(schedule: Schedule): number {
    return schedule.stats.scheduled === this.meetings ? schedule.stats.breaks : Number.POSITIVE_INFINITY;
  }

  /**
   * The engine's search, from `start` when given, for `ms` or until the portfolio stops; with `stallMs`, also once
   * that long has passed without a better schedule.
   */
  search(ms: number, start?: readonly StartAssignment[], stallMs = Number.POSITIVE_INFINITY): Schedule {
    let lastGain = performance.now();
    let lead = { scheduled: -1, breaks: Number.POSITIVE_INFINITY };
    return solve(this.input.problem, {
      seed: this.input.seed,
      timeLimitMs: Math.min(ms, this.timeLeft()),
      now: () => performance.now(),
      shouldStop: () => this.stopRequested() || performance.now() - lastGain > stallMs,
      ...(start ? { start } : {}),
      onProgress: (p) => {
        if (p.best.scheduled > lead.scheduled || (p.best.scheduled === lead.scheduled && p.best.breaks < lead.breaks)) {
          lead = p.best;
          lastGain = performance.now();
        }
        // The solver's next bound follows the search's progress too, not only its finished answers.
        if (p.best.scheduled === this.meetings) lowerBestBreaks(this.shared, p.best.breaks);
        this.post({ type: 'progress', fraction: p.fraction, phase: p.phase, ...p.best });
      },
    });
  }

  publish(schedule: Schedule): void {
    lowerBestBreaks(this.shared, this.breaksOf(schedule));
  }

  loadSolver(cnf: BreakCnf, options: SolverOptions = {}): Promise<Cadical> {
    // CaDiCaL's setting for satisfiable questions: stable mode only, and decisions that follow the best assignment
    // seen; on B2B questions at their optimum it answered faster than stable mode alone or the default.
    return satSolver(cnf.clauses, { stabilizeonly: 1, target: 2, seed: this.input.seed, ...options });
  }
}

// Runs the engine once per seed, each in its own worker thread, and keeps the best answer by the objective
// (priority scheduled, then fewer moved meetings, fewer breaks, fewer table changes). When the problem suits it, the
// last seed's thread is an exact member (exact-member.ts) that asks for fewer breaks than the best known, and on
// events of up to 400 meetings the first seed's is another that proves lower bounds upwards. Aborting the signal
// stops every worker early; each then answers with the best schedule it had. An answer proved optimal stops the
// others.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { exactUnsupported, type Problem, type Schedule } from '../engine/index.js';
import { bestBreaks, bestBreaksBuffer, lowerBestBreaks } from './best-breaks.js';
import type { BoundsDirection } from './break-bounds-worker.js';
import { runExactMember } from './exact-member.js';
import type { WorkerInput, WorkerMessage } from './solve-worker.js';

export interface PortfolioProgress {
  readonly phase: string;
  readonly fraction: number;
  readonly best: { readonly scheduled: number; readonly breaks: number };
}

export interface PortfolioOptions {
  /** One worker per seed; default one per core, seeds 1..N. */
  readonly seeds?: readonly number[];
  /** Wall time of the whole run, from this call to the answer (default 10 s). */
  readonly timeLimitMs?: number;
  readonly previous?: Schedule;
  readonly onProgress?: (progress: PortfolioProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * Default true: with two seeds or more and no previous schedule, the first and the last seed's threads go to the
   * exact members when the problem suits it. False keeps every thread on the local search (and the answer
   * reproducible by seed).
   */
  readonly exact?: boolean;
}

// After the search, tables, explanations, handing the schedule back and writing it out take time that grows with
// the meetings; the search stops early by this much so that the whole command keeps its time limit.
const FINISH_BASE_MS = 20;
const FINISH_MS_PER_MEETING = 0.015;

/**
 * Above this many meetings no thread climbs from 0 breaks, which spares the memory of a second encoding (a
 * large event without booths needs several hundred megabytes with both SAT members) where the search does well on its
 * own. The B2B instances are below it.
 */
const CLIMB_MAX_MEETINGS = 400;

/** However slowly the threads start, each search gets at least this share of the limit. */
const MIN_SEARCH_SHARE = 0.1;

/**
 * The time a search gets when `spentMs` of its limit went elsewhere first (process or thread start-up): the rest of
 * the limit, but never less than a tenth of it, so that a slow start still leaves a real search.
 */
export function searchTimeMs(limitMs: number, spentMs: number): number {
  return Math.max(limitMs * MIN_SEARCH_SHARE, limitMs - spentMs);
}

/** What the run keeps back from its time limit for the work after the search. */
export function finishReserveMs(problem: Problem): number {
  return Math.round(FINISH_BASE_MS + FINISH_MS_PER_MEETING * problem.meetings.length);
}

export function defaultSeeds(): number[] {
  return Array.from({ length: Math.max(1, availableParallelism()) }, (_, i) => i + 1);
}

// Under a TypeScript loader (tests) this module is a .ts file and so is its worker; compiled, both are .js.
function workerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./solve-worker${extension}`, import.meta.url);
}

/** Sort key: smaller is better. */
function rank(problem: Problem, schedule: Schedule): number[] {
  const priority = new Map(problem.meetings.map((m) => [m.id, m.priority ?? 1]));
  let scheduledPriority = 0;
  for (const a of schedule.assignments) scheduledPriority += priority.get(a.meeting) ?? 0;
  return [-scheduledPriority, schedule.stats.moved ?? 0, schedule.stats.breaks, schedule.stats.tableChanges];
}

export function better(problem: Problem, a: Schedule, b: Schedule): boolean {
  const ra = rank(problem, a);
  const rb = rank(problem, b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]!;
  return false;
}

/**
 * The status the run reports for its best answer. "optimal" needs a proof: the engine's own, when the member's search
 * met the lower bound of its problem, or an exact member's, when no schedule with every meeting has fewer breaks
 * than `provedBreaks` (-1 while nothing is proved). That proof is about breaks alone, so it makes optimal only a
 * schedule with every meeting and, when re-planning, none moved; anything else stays as the member reported it.
 */
export function answerStatus(best: Schedule, provedBreaks: number, replanning: boolean): Schedule['status'] {
  if (best.status !== 'feasible') return best.status;
  const complete = best.stats.scheduled === best.stats.meetings;
  const unmoved = !replanning || (best.stats.moved ?? 0) === 0;
  return provedBreaks >= 0 && complete && unmoved && best.stats.breaks <= provedBreaks ? 'optimal' : 'feasible';
}

/** What a seed's thread does: the engine's search, or an exact member asking for falling or climbing bounds. */
export type MemberRole = 'search' | BoundsDirection;

/**
 * The role of each of `seedCount` threads. With two seeds or more, no previous schedule, an answer not asked to be
 * reproducible and a problem the SAT encoding supports, the descending member takes the last seed and, on events of
 * up to CLIMB_MAX_MEETINGS meetings, the climbing member the first; the search members take the seeds between (none
 * on two cores).
 */
export function memberRoles(
  problem: Problem,
  seedCount: number,
  options: Pick<PortfolioOptions, 'exact' | 'previous'> = {},
): MemberRole[] {
  const withExact =
    options.exact !== false && seedCount >= 2 && options.previous === undefined && exactUnsupported(problem) === undefined;
  const withClimb = withExact && problem.meetings.length <= CLIMB_MAX_MEETINGS;
  return Array.from({ length: seedCount }, (_, i): MemberRole => {
    if (withExact && i === seedCount - 1) return 'down';
    if (withClimb && i === 0) return 'up';
    return 'search';
  });
}

export function solveInWorkers(problem: Problem, options: PortfolioOptions = {}): Promise<Schedule> {
  const started = Date.now();
  const seeds = options.seeds && options.seeds.length > 0 ? options.seeds : defaultSeeds();
  const roles = memberRoles(problem, seeds.length, options);
  const searchIndexes = roles.flatMap((role, i) => (role === 'search' ? [i] : []));
  const stopFlag = new SharedArrayBuffer(4);
  const totals = bestBreaksBuffer();
  const fewest = new Int32Array(totals);
  /** The most breaks proved unavoidable so far, -1 while nothing is proved. */
  let proved = -1;
  const stopIfProved = (): void => {
    if (proved >= 0 && bestBreaks(fewest) <= proved) stop();
  };
  const stopped = new AbortController();
  const stop = (): void => {
    Atomics.store(new Int32Array(stopFlag), 0, 1);
    stopped.abort();
  };
  const offer = (schedule: Schedule): Schedule => {
    if (schedule.status === 'optimal') stop();
    return schedule;
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });

  const latest = seeds.map(() => ({ fraction: 0, phase: 'start', scheduled: 0, breaks: Number.POSITIVE_INFINITY }));
  const emit = (phase: string): void => {
    if (!options.onProgress) return;
    const lead = latest.reduce((x, y) => (y.scheduled > x.scheduled || (y.scheduled === x.scheduled && y.breaks < x.breaks) ? y : x));
    options.onProgress({
      phase,
      // The exact members cannot tell how far they are, so the search members measure the progress, or the clock.
      fraction:
        searchIndexes.length > 0
          ? Math.min(...searchIndexes.map((i) => latest[i]!.fraction))
          : Math.min(1, (Date.now() - started) / timeLimitMs),
      best: { scheduled: lead.scheduled, breaks: lead.breaks },
    });
  };

  // The limit covers the whole run, up to the answer in the caller's hands: thread start-up is taken from it, and so
  // is the time the members need after their search to hand in their answers.
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  const deadline = started + timeLimitMs - finishReserveMs(problem);
  const search = (seed: number, index: number, deadlineEpochMs: number): Promise<Schedule> =>
    new Promise<Schedule>((resolve, reject) => {
      const input: WorkerInput = {
        problem,
        seed,
        deadlineEpochMs,
        minSearchMs: timeLimitMs * MIN_SEARCH_SHARE,
        stopFlag,
        ...(options.previous ? { previous: options.previous } : {}),
      };
      const worker = new Worker(workerUrl(), { workerData: input });
      let answer: Schedule | undefined;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'done') {
          answer = offer(message.schedule);
          return;
        }
        latest[index] = { fraction: message.fraction, phase: message.phase, scheduled: message.scheduled, breaks: message.breaks };
        if (message.scheduled === problem.meetings.length && options.previous === undefined) {
          // Shared with the SAT members: the descending one asks for fewer breaks than this.
          lowerBestBreaks(fewest, message.breaks);
          stopIfProved();
        }
        emit(message.phase);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (answer) resolve(answer);
        else reject(new Error(`solver worker for seed ${seed} stopped (exit code ${code}) without an answer`));
      });
    });

  const exact = (index: number, direction: BoundsDirection): Promise<Schedule | undefined> =>
    runExactMember({
      problem,
      seed: seeds[index]!,
      timeLimitMs: Math.max(0, deadline - Date.now()),
      stopFlag,
      bestBreaks: totals,
      direction,
      onProved: (breaks) => {
        proved = Math.max(proved, breaks);
        stopIfProved();
      },
      stopped: stopped.signal,
      onProgress: (progress) => {
        latest[index] = progress;
        emit(progress.phase);
      },
    }).then((schedule) => schedule && offer(schedule));
  const runs = roles.map((role, index): Promise<Schedule | undefined> =>
    role === 'search' ? search(seeds[index]!, index, deadline) : exact(index, role),
  );

  return Promise.allSettled(runs).then((results) => {
    options.signal?.removeEventListener('abort', stop);
    let best: Schedule | undefined;
    let failure: unknown;
    for (const result of results) {
      if (result.status === 'rejected') {
        failure ??= result.reason;
        continue;
      }
      if (result.value === undefined) continue;
      if (best === undefined || better(problem, result.value, best)) best = result.value;
    }
    if (best === undefined) throw failure instanceof Error ? failure : new Error(String(failure));
    best = { ...best, status: answerStatus(best, proved, options.previous !== undefined) };
    // The members' own figures leave out thread start-up and, for the exact member, the exact solver's time.
    return { ...best, stats: { ...best.stats, elapsedMs: Date.now() - started } };
  });
}

// The solver's entry point: compile, build a feasible schedule, improve it within the budget, choose tables.
import { explainUnscheduled } from './explain.js';
import { anneal, Best, load } from './solver/anneal.js';
import { Budget } from './solver/budget.js';
import { compile } from './solver/compile.js';
import { construct, repairCap } from './solver/construct.js';
import { improveByNeighbourhoods } from './solver/lns.js';
import { lowerBound } from './solver/lower-bound.js';
import type { Key } from './solver/objective.js';
import { BREAK } from './solver/weights.js';
import { Random } from './solver/random.js';
import { State } from './solver/state.js';
import { assignTables, countTableChanges } from './solver/tables.js';
import type { Assignment, Problem, Schedule, ScheduleStatus } from './types.js';

export interface SolveProgress {
  readonly phase: string;
  readonly fraction: number;
  readonly best: { readonly scheduled: number; readonly breaks: number };
}

/** A meeting's slot, without a table: what a start for the search needs. */
export interface StartAssignment {
  readonly meeting: string;
  readonly slot: string;
}

export interface SolveOptions {
  /** Default 1; the same seed and the same iteration budget give the same answer. */
  readonly seed?: number;
  /** Default 10 000; only applies when `now` is given, since the engine never reads a clock itself. */
  readonly timeLimitMs?: number;
  readonly now?: () => number;
  /** A deterministic budget; without `now` it is the only bound (default 2 000 000). */
  readonly maxIterations?: number;
  /** Re-planning: keep meetings where they were unless they must move. */
  readonly previous?: Schedule;
  readonly onProgress?: (progress: SolveProgress) => void;
  readonly shouldStop?: () => boolean;
  /** Slots to start from, e.g. an exact solver's answer; a placement that breaks a rule is left to the search. */
  readonly start?: readonly StartAssignment[];
}

const DEFAULT_ITERATIONS_WITHOUT_CLOCK = 2_000_000;
const NEIGHBOURHOOD_ATTEMPTS = 40;
/** Above this size the exact re-solves cost more time than they win back; annealing alone is used. */
const NEIGHBOURHOOD_MAX_MEETINGS = 2_000;

export function solve(problem: Problem, options: SolveOptions = {}): Schedule {
  const now = options.now;
  const started = now?.() ?? 0;
  const maxIterations =
    options.maxIterations ?? (now === undefined ? DEFAULT_ITERATIONS_WITHOUT_CLOCK : Number.POSITIVE_INFINITY);
  const budget = new Budget(maxIterations, options.timeLimitMs ?? 10_000, now, started, options.shouldStop);
  const c = compile(problem, options.previous);
  const rng = new Random(options.seed ?? 1);
  const st = new State(c);
  const best = new Best(c.M);
  const report = (phase: string): void => {
    const key = best.key;
    if (!options.onProgress || key === undefined) return;
    let scheduled = 0;
    for (const s of best.slots) if (s >= 0) scheduled++;
    options.onProgress({ phase, fraction: budget.fraction(), best: { scheduled, breaks: key.breaks } });
  };

  if (options.start) placeStart(st, options.start);
  construct(st, rng, BREAK * 3);
  repairCap(st);
  best.save(st);
  report('construct');
  const bound = lowerBound(c);
  const replanning = options.previous !== undefined;
  const finished = (): boolean => solvedToBound(best.key!, bound, replanning) || budget.exhausted;
  // Annealing and exact re-solving of linked pieces take turns until the budget is spent or the bound is met.
  while (!finished()) {
    anneal(st, best, rng, budget, { lowerBound: bound, replanning, patience: 3, report });
    if (finished()) break;
    if (c.M >= NEIGHBOURHOOD_MAX_MEETINGS) continue;
    load(st, best.slots, best.tables);
    improveByNeighbourhoods(st, best, rng, budget, NEIGHBOURHOOD_ATTEMPTS);
    report('neighbourhoods');
  }
  load(st, best.slots, best.tables);
  report('tables');
  return toSchedule(c, st, bound, replanning, now === undefined ? 0 : now() - started);
}

function placeStart(st: State, start: readonly StartAssignment[]): void {
  const c = st.c;
  const meetingIndex = new Map(c.meetingIds.map((id, m) => [id, m]));
  const slotIndex = new Map(c.slotIds.map((id, s) => [id, s]));
  const placements: [number, number][] = [];
  for (const { meeting, slot } of start) {
    const m = meetingIndex.get(meeting);
    const s = slotIndex.get(slot);
    if (m === undefined || s === undefined) throw new Error(`solve: start names unknown meeting "${meeting}" or slot "${slot}"`);
    placements.push([m, s]);
  }
  // Earliest first, so that a meeting's predecessors are in place when it is checked.
  placements.sort((x, y) => x[1] - y[1]);
  for (const [m, s] of placements) if (st.slotOf[m]! < 0 && st.canPlace(m, s)) st.place(m, s);
}

function solvedToBound(key: Key, bound: number, replanning: boolean): boolean {
  return key.unscheduledPriority === 0 && (!replanning || key.moved === 0) && key.breaks <= bound;
}

function toSchedule(
  c: ReturnType<typeof compile>,
  st: State,
  bound: number,
  replanning: boolean,
  elapsedMs: number,
): Schedule {
  const tables = assignTables(c, st.slotOf, st.tableOf);
  const assignments: Assignment[] = [];
  const left: string[] = [];
  let moved = 0;
  for (let m = 0; m < c.M; m++) {
    const s = st.slotOf[m]!;
    if (s >= 0) {
      assignments.push({ meeting: c.meetingIds[m]!, slot: c.slotIds[s]!, table: c.tableIds[tables[m]!]! });
    } else {
      left.push(c.meetingIds[m]!);
    }
    const prev = c.prevSlot[m]!;
    if (prev >= 0 && (s !== prev || (c.prevTable[m]! >= 0 && tables[m] !== c.prevTable[m]))) moved++;
  }
  let status: ScheduleStatus;
  if (left.length > 0) status = 'partial';
  else if (st.breaks <= bound && (!replanning || moved === 0)) status = 'optimal';
  else status = 'feasible';
  return {
    format: 'meetgrid.schedule/1',
    status,
    assignments,
    unscheduled: left.length > 0 ? explainUnscheduled(c.problem, assignments, left) : [],
    stats: {
      meetings: c.M,
      scheduled: assignments.length,
      breaks: st.breaks,
      tableChanges: countTableChanges(c, st.slotOf, tables),
      elapsedMs: Math.round(elapsedMs),
      ...(replanning ? { moved } : {}),
    },
  };
}

// Simulated annealing over Kempe-chain swaps, insertions with ejection and drops, with reheats.
// The break cap is a penalty here whose weight grows while it is violated; only states that respect it
// can become the best answer.
import { repairCap } from './construct.js';
import { Move, Slide } from './moves.js';
import { compareToKey, cost, keyOf, type Key } from './objective.js';
import { BREAK, UNSCHEDULED } from './weights.js';
import type { Budget } from './budget.js';
import type { Random } from './random.js';
import type { State } from './state.js';


export class Best {
  key: Key | undefined;
  slots: Int32Array;
  tables: Int32Array;
  constructor(M: number) {
    this.slots = new Int32Array(M).fill(-1);
    this.tables = new Int32Array(M).fill(-1);
  }

  offer(st: State): boolean {
    if (st.excess > 0) return false;
    if (this.key !== undefined && compareToKey(st, this.key) >= 0) return false;
    this.save(st);
    return true;
  }

  save(st: State): void {
    this.key = keyOf(st);
    this.slots.set(st.slotOf);
    this.tables.set(st.tableOf);
  }
}

/** Puts the state back to a saved answer. */
export function load(st: State, slots: Int32Array, tables: Int32Array): void {
  for (let m = 0; m < st.c.M; m++) if (st.slotOf[m]! >= 0) st.unplace(m);
  for (let m = 0; m < st.c.M; m++) if (slots[m]! >= 0) st.place(m, slots[m]!, tables[m]!);
}

export interface AnnealOptions {
  readonly lowerBound: number;
  readonly replanning: boolean;
  /** Return after this many cooling cycles without a new best, to let another method try. */
  readonly patience: number;
  readonly report: (phase: string) => void;
}

/** Share of moves that slide a whole run of one participant instead of swapping one meeting. */
const SLIDE_SHARE = 0.1;
/** Cooling cycle length per meeting, capped: long cycles beat frequent reheats on these problems. */
const CYCLE_PER_MEETING = 15_000;
const CYCLE_MAX = 2_000_000;
const FIRST_CYCLE = 100_000;
/**
 * Large problems are annealed cooler: there are only tens of moves per meeting in a time limit, and
 * polishing the greedy schedule beats scrambling it.
 */
const LARGE_HEAT = 0.1;
const LARGE = 2_000;

export function anneal(st: State, best: Best, rng: Random, budget: Budget, options: AnnealOptions): void {
  const c = st.c;
  const { M } = c;
  if (M === 0) return;
  const move = new Move(st, rng);
  const slide = new Slide(st, rng);
  const baseExcess = BREAK * 8;
  let excessWeight = baseExcess;
  const hot = BREAK * 0.3 * (M >= LARGE ? LARGE_HEAT : 1);
  const cold = BREAK * 0.02;
  const fullCycle = Math.max(20_000, Math.min(CYCLE_MAX, CYCLE_PER_MEETING * M));
  // A cycle should end (cold) well before the budget does. Cycles start short and double, so that an easy problem
  // is answered in a fraction of a second while a hard one still gets the long cycles it needs.
  let cycles = 0;
  const cycleLength = (): number =>
    Math.max(20_000, Math.min(fullCycle, FIRST_CYCLE * 2 ** cycles, budget.remaining() / 3));
  let cycle = cycleLength();
  let temperature = hot;
  let iteration = 0;
  let inCycle = 0;
  let cyclesWithoutGain = 0;
  let gainedThisCycle = false;
  let current = cost(st, excessWeight);
  let pendingBest = false; // the current state is the best but has not been copied yet
  let pendingKey: Key = keyOf(st);
  let lastSave = -M;

  const done = (): boolean =>
    st.excess === 0 &&
    st.unscheduledPriority === 0 &&
    (!options.replanning || st.moved === 0) &&
    st.breaks <= options.lowerBound;

  for (;;) {
    if ((iteration & 255) === 0) {
      if ((iteration > 0 && !budget.spend(256)) || done()) break;
      temperature = hot * Math.pow(cold / hot, inCycle / cycle);
    }
    iteration++;
    inCycle++;
    if (inCycle >= cycle) {
      inCycle = 0;
      cycles++;
      cycle = cycleLength();
      if (pendingBest) best.save(st);
      pendingBest = false;
      // On large problems a few participants are nearly always over the break cap: drop what it takes to
      // make the state valid, so it can count as an answer (the dropped meetings are re-inserted later).
      if (st.excess > 0) repairCap(st);
      if (best.offer(st)) gainedThisCycle = true;
      cyclesWithoutGain = gainedThisCycle ? 0 : cyclesWithoutGain + 1;
      gainedThisCycle = false;
      if (st.excess > 0) excessWeight = Math.min(excessWeight * 2, UNSCHEDULED * 4);
      else excessWeight = Math.max(baseExcess, excessWeight / 2);
      options.report('anneal');
      if (cyclesWithoutGain >= options.patience) break;
      current = cost(st, excessWeight);
    }

    const m = rng.int(M);
    let decided = false;
    const sliding = st.slotOf[m]! >= 0 && rng.next() < SLIDE_SHARE;
    if (sliding) {
      if (pendingBest && iteration - lastSave >= M >>> 3) {
        // A slide cannot be replayed cheaply, so keep the best state before trying one.
        best.save(st);
        lastSave = iteration;
        pendingBest = false;
      }
      const p = rng.next() < 0.5 ? c.ma[m]! : c.mb[m]!;
      if (!slide.apply(p, st.slotOf[m]!, rng.next() < 0.5 ? -1 : 1)) continue;
    } else {
      if (!propose(st, move, m, rng, excessWeight)) continue;
      // Meetings only changing slot: judge the move before touching the state, since most proposals are refused.
      // (A drop or an insertion changes the priority term, which only the full cost below sees.)
      const guess = !move.relocates()
        ? null
        : move.n === 1
          ? st.singleMoveDelta(m, move.to[0]!, excessWeight)
          : st.relocationDelta(move.meeting, move.from, move.to, move.n, excessWeight);
      if (guess !== null) {
        if (guess > 0 && rng.next() >= Math.exp(-guess / temperature)) continue;
        if (!move.apply()) continue;
        decided = true;
      } else if (!move.apply()) {
        continue;
      }
    }
    const next = cost(st, excessWeight);
    const delta = next - current;
    if (decided || delta <= 0 || rng.next() < Math.exp(-delta / temperature)) {
      current = next;
      if (st.excess === 0 && (best.key === undefined || compareToKey(st, best.key) < 0)) {
        if (!pendingBest) pendingKey = keyOf(st);
        else Object.assign(pendingKey, keyOf(st));
        pendingBest = true;
        gainedThisCycle = true;
      } else if (pendingBest && (st.excess > 0 || compareToKey(st, pendingKey) > 0)) {
        // Leaving the best state: copy it only now, and on large problems not more often than every M/8 moves,
        // so copying never dominates the search.
        pendingBest = false;
        if (!sliding && iteration - lastSave >= M >>> 3) {
          move.restore();
          best.save(st);
          lastSave = iteration;
          move.apply();
        }
      }
    } else if (sliding) {
      slide.restore();
    } else {
      move.restore();
    }
  }
  if (pendingBest) best.save(st);
  else best.offer(st);
}

/** Builds a one-meeting move for m: insert it if unscheduled, else a Kempe swap (or, under cap pressure, a drop). */
function propose(st: State, move: Move, m: number, rng: Random, excessWeight: number): boolean {
  const c = st.c;
  const S = c.S;
  const i0 = c.allowedStart[m]!;
  const n = c.allowedStart[m + 1]! - i0;
  if (st.slotOf[m]! < 0) return n > 0 && move.insert(m, c.allowedSlots[i0 + rng.int(n)]!);
  if (st.excess > 0 && excessWeight > UNSCHEDULED && rng.next() < 0.05) return move.drop(m);
  if (n <= 1) return false;
  let target: number;
  if (rng.next() < 0.5) {
    // Next to another meeting of one side, where breaks close.
    const p = rng.next() < 0.5 ? c.ma[m]! : c.mb[m]!;
    const j0 = c.partStart[p]!;
    const other = st.slotOf[c.partMeetings[j0 + rng.int(c.partStart[p + 1]! - j0)]!]!;
    if (other < 0) return false;
    target = other + (rng.next() < 0.5 ? -1 : 1);
    if (target < 0 || target >= S || !c.allowed[m * S + target]) return false;
  } else {
    target = c.allowedSlots[i0 + rng.int(n)]!;
  }
  return move.kempe(m, target);
}

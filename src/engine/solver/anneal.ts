// Simulated annealing over Kempe-chain swaps, insertions with ejection and drops, with reheats.
// The break cap is a penalty here whose weight grows while it is violated; only states that respect it
// can become the best answer.
import { Move } from './moves.js';
import { compareToKey, cost, keyOf, BREAK, UNSCHEDULED, type Key } from './objective.js';
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

export function anneal(st: State, best: Best, rng: Random, budget: Budget, options: AnnealOptions): void {
  const c = st.c;
  const { M, S } = c;
  if (M === 0) return;
  const move = new Move(st);
  const baseExcess = BREAK * 3;
  let excessWeight = baseExcess;
  const hot = BREAK * 0.6;
  const cold = BREAK * 0.02;
  const cycle = Math.max(20_000, Math.min(2_000_000, 400 * M));
  let temperature = hot;
  let iteration = 0;
  let inCycle = 0;
  let cyclesWithoutGain = 0;
  let gainedThisCycle = false;
  let current = cost(st, excessWeight);
  let pendingBest = false; // the current state is the best but has not been copied yet

  const done = (): boolean =>
    best.key !== undefined &&
    best.key.unscheduledPriority === 0 &&
    (!options.replanning || best.key.moved === 0) &&
    best.key.breaks <= options.lowerBound;

  for (;;) {
    if ((iteration & 255) === 0) {
      if ((iteration > 0 && !budget.spend(256)) || done()) break;
      temperature = hot * Math.pow(cold / hot, inCycle / cycle);
    }
    iteration++;
    inCycle++;
    if (inCycle >= cycle) {
      inCycle = 0;
      cyclesWithoutGain = gainedThisCycle ? 0 : cyclesWithoutGain + 1;
      gainedThisCycle = false;
      if (st.excess > 0) excessWeight = Math.min(excessWeight * 2, UNSCHEDULED * 4);
      else excessWeight = Math.max(baseExcess, excessWeight / 2);
      options.report('anneal');
      if (cyclesWithoutGain >= options.patience) break;
      current = cost(st, excessWeight);
    }

    let ok: boolean;
    const m = rng.int(M);
    const s = st.slotOf[m]!;
    if (s < 0) {
      const i0 = c.allowedStart[m]!;
      const n = c.allowedStart[m + 1]! - i0;
      if (n === 0) continue;
      ok = move.insert(m, c.allowedSlots[i0 + rng.int(n)]!);
    } else if (st.excess > 0 && excessWeight > UNSCHEDULED && rng.next() < 0.05) {
      ok = move.drop(m);
    } else {
      // Half the time aim next to another meeting of one side, where breaks close.
      let target: number;
      const i0 = c.allowedStart[m]!;
      const n = c.allowedStart[m + 1]! - i0;
      if (n <= 1) continue;
      if (rng.next() < 0.5) {
        const p = rng.next() < 0.5 ? c.ma[m]! : c.mb[m]!;
        const j0 = c.partStart[p]!;
        const other = st.slotOf[c.partMeetings[j0 + rng.int(c.partStart[p + 1]! - j0)]!]!;
        if (other < 0) continue;
        target = other + (rng.next() < 0.5 ? -1 : 1);
        if (target < 0 || target >= S || !c.allowed[m * S + target]) continue;
      } else {
        target = c.allowedSlots[i0 + rng.int(n)]!;
      }
      ok = move.kempe(m, target);
    }
    if (!ok || !move.apply()) continue;
    const next = cost(st, excessWeight);
    const delta = next - current;
    if (delta <= 0 || rng.next() < Math.exp(-delta / temperature)) {
      current = next;
      if (st.excess === 0 && (best.key === undefined || compareToKey(st, best.key) < 0)) {
        pendingBest = true;
        best.key = keyOf(st);
        gainedThisCycle = true;
      } else if (pendingBest && (st.excess > 0 || compareToKey(st, best.key!) > 0)) {
        // Leaving the best state: copy it only now, so long runs of improvements stay cheap.
        move.restore();
        best.save(st);
        pendingBest = false;
        move.apply();
      }
    } else {
      move.restore();
    }
  }
  if (pendingBest) best.save(st);
}

// The feasibility phase: a greedy pass placing the most constrained meetings first, each in the slot that
// adds the fewest breaks, then a repair that drops meetings only when the break cap cannot be met otherwise.
import { BREAK } from './weights.js';
import type { Random } from './random.js';
import type { State } from './state.js';

function localCost(st: State, excessWeight: number): number {
  return excessWeight * st.excess + BREAK * st.breaks + st.gaps;
}

function bestSlot(st: State, m: number, excessWeight: number, rng: Random, window: Window): number {
  const c = st.c;
  let best = -1;
  let bestCost = Infinity;
  let ties = 0;
  for (let i = c.allowedStart[m]!, end = c.allowedStart[m + 1]!; i < end; i++) {
    const s = c.allowedSlots[i]!;
    if (!st.canPlace(m, s)) continue;
    st.place(m, s);
    // Fuller slots are slightly preferred so that scarce table capacity is not spread thin; slots that would
    // leave no room for the meetings that must come before or after are avoided.
    const outside = s < window.earliest[m]! || s > window.latest[m]! ? BREAK * 4 : 0;
    const value = localCost(st, excessWeight) + outside - st.used[s]! / (c.capacity[s]! + 1);
    st.unplace(m);
    if (value < bestCost) {
      bestCost = value;
      best = s;
      ties = 1;
    } else if (value === bestCost && rng.int(++ties) === 0) {
      best = s;
    }
  }
  return best;
}

interface Window {
  readonly earliest: Int32Array;
  readonly latest: Int32Array;
}

/** Earliest and latest slot of each meeting once its whole precedence chain is held (slot order only). */
function precedenceWindows(c: State['c']): Window {
  const { M } = c;
  const earliest = new Int32Array(M);
  const latest = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    const n = c.allowedStart[m + 1]! - c.allowedStart[m]!;
    earliest[m] = n > 0 ? c.allowedSlots[c.allowedStart[m]!]! : 0;
    latest[m] = n > 0 ? c.allowedSlots[c.allowedStart[m + 1]! - 1]! : c.S - 1;
  }
  // Relax along the precedences until nothing changes; validated problems have no cycles, and M rounds bound it.
  for (let round = 0, changed = true; changed && round < M; round++) {
    changed = false;
    for (let m = 0; m < M; m++) {
      for (let i = c.predStart[m]!, end = c.predStart[m + 1]!; i < end; i++) {
        const q = c.preds[i]!;
        if (earliest[m]! < earliest[q]! + 1) {
          earliest[m] = earliest[q]! + 1;
          changed = true;
        }
        if (latest[q]! > latest[m]! - 1) {
          latest[q] = latest[m]! - 1;
          changed = true;
        }
      }
    }
  }
  return { earliest, latest };
}

export function construct(st: State, rng: Random, excessWeight: number): void {
  const c = st.c;
  const { M } = c;
  // Re-planning: keep every previous placement that is still allowed, earliest first for precedences.
  const kept = Array.from({ length: M }, (_, m) => m).filter((m) => c.prevSlot[m]! >= 0);
  kept.sort((x, y) => c.prevSlot[x]! - c.prevSlot[y]!);
  for (const m of kept) if (st.canPlace(m, c.prevSlot[m]!)) st.place(m, c.prevSlot[m]!);

  const window = precedenceWindows(c);
  const degree = (p: number): number => c.partStart[p + 1]! - c.partStart[p]!;
  // Participant by participant, busiest first, so that each one's meetings are laid next to each other;
  // within one participant, the meetings with the fewest allowed slots first. Priority above all.
  const people = Array.from({ length: c.P }, (_, p) => p).sort((x, y) => degree(y) - degree(x) || x - y);
  const rankOf = new Int32Array(c.P);
  people.forEach((p, i) => (rankOf[p] = i));
  const key = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const freedom = c.allowedStart[m + 1]! - c.allowedStart[m]!;
    const lead = Math.min(rankOf[c.ma[m]!]!, rankOf[c.mb[m]!]!);
    key[m] = -c.priority[m]! * 1e12 + lead * 1e4 + freedom + rng.next();
  }
  const order = Array.from({ length: M }, (_, m) => m).sort((x, y) => key[x]! - key[y]!);
  // Several passes, because a meeting whose predecessors are not placed yet has to wait for them.
  let progress = true;
  while (progress) {
    progress = false;
    for (const m of order) {
      if (st.slotOf[m]! >= 0) continue;
      const s = bestSlot(st, m, excessWeight, rng, window);
      if (s >= 0) {
        st.place(m, s);
        progress = true;
      }
    }
  }
}

/** Drops meetings until no participant exceeds the break cap, choosing each time the cheapest drop. */
export function repairCap(st: State): void {
  const c = st.c;
  if (c.maxBreaks < 0) return;
  while (st.excess > 0) {
    let worst = -1;
    for (let p = 0; p < c.P; p++) if (st.brkP[p]! > c.maxBreaks && (worst < 0 || st.brkP[p]! > st.brkP[worst]!)) worst = p;
    let bestM = -1;
    let bestValue = Infinity;
    for (let i = c.partStart[worst]!, end = c.partStart[worst + 1]!; i < end; i++) {
      const m = c.partMeetings[i]!;
      const s = st.slotOf[m]!;
      if (s < 0 || st.hasScheduledSuccessor(m)) continue;
      const table = st.tableOf[m]!;
      st.unplace(m);
      const value = st.excess * 1e6 + c.priority[m]! * 1e3 + st.breaks;
      st.place(m, s, table);
      if (value < bestValue) {
        bestValue = value;
        bestM = m;
      }
    }
    if (bestM < 0) {
      // Only meetings with scheduled successors remain: drop the last of the chain instead.
      for (let i = c.partStart[worst]!, end = c.partStart[worst + 1]!; i < end; i++) {
        const m = c.partMeetings[i]!;
        if (st.slotOf[m]! >= 0) dropWithSuccessors(st, m);
      }
      continue;
    }
    st.unplace(bestM);
  }
}

function dropWithSuccessors(st: State, m: number): void {
  const c = st.c;
  for (let i = c.succStart[m]!, end = c.succStart[m + 1]!; i < end; i++) {
    const q = c.succs[i]!;
    if (st.slotOf[q]! >= 0) dropWithSuccessors(st, q);
  }
  if (st.slotOf[m]! >= 0) st.unplace(m);
}

// Large-neighbourhood step: the breaks the annealing cannot remove are usually chains linking a few
// participants, so free every meeting of a participant with breaks and some of its partners, and re-place
// that piece exactly by branch and bound (bounded in nodes), keeping the result only when it is better.
import type { Best } from './anneal.js';
import type { Budget } from './budget.js';
import type { Random } from './random.js';
import type { State } from './state.js';

const NODE_LIMIT = 2000;
/** One node weighs about as much as this many annealing moves. */
const NODE_COST = 32;

class Piece {
  readonly meetings: number[] = [];
  readonly participants: number[] = [];
  readonly remaining: Int32Array;
  readonly original: number[] = [];
  readonly originalTables: number[] = [];
  bestSlots: number[] | undefined;
  bestBreaks: number;
  bestGaps: number;
  nodes = 0;
  readonly movedLimit: number;
  private readonly usable: Uint8Array; // local participant index * S + slot
  private readonly local: Map<number, number>;

  constructor(
    readonly st: State,
    picked: readonly number[],
    private readonly budget: Budget,
  ) {
    const c = st.c;
    this.remaining = new Int32Array(c.P);
    const inPiece = new Set<number>();
    const touched = new Set<number>();
    for (const p of picked) {
      for (let i = c.partStart[p]!, end = c.partStart[p + 1]!; i < end; i++) {
        const m = c.partMeetings[i]!;
        // Meetings with precedences stay put: re-placing them would need the whole chain.
        if (st.slotOf[m]! < 0 || inPiece.has(m) || c.predStart[m + 1]! > c.predStart[m]! || c.succStart[m + 1]! > c.succStart[m]!) continue;
        inPiece.add(m);
        this.meetings.push(m);
        touched.add(c.ma[m]!);
        touched.add(c.mb[m]!);
      }
    }
    this.participants = [...touched];
    this.local = new Map(this.participants.map((p, i) => [p, i]));
    this.usable = new Uint8Array(this.participants.length * c.S);
    for (const m of this.meetings) {
      for (let i = c.allowedStart[m]!, end = c.allowedStart[m + 1]!; i < end; i++) {
        const s = c.allowedSlots[i]!;
        this.usable[this.local.get(c.ma[m]!)! * c.S + s] = 1;
        this.usable[this.local.get(c.mb[m]!)! * c.S + s] = 1;
      }
    }
    this.bestBreaks = st.breaks;
    this.bestGaps = st.gaps;
    this.movedLimit = st.moved;
  }

  /**
   * Breaks that no placement of the remaining meetings can avoid. Per participant of the piece, an exact
   * minimum over its own free slots (a small dynamic programme over the slot order), ignoring the others.
   */
  private bound(): number {
    const st = this.st;
    let total = st.breaks;
    for (const p of this.participants) total += this.ownMinimum(p) - st.brkP[p]!;
    return total;
  }

  private readonly dp = new Float64Array(4 * 64);
  private readonly next = new Float64Array(4 * 64);

  private ownMinimum(p: number): number {
    const st = this.st;
    const c = st.c;
    const r = this.remaining[p]!;
    if (r === 0) return st.brkP[p]!;
    if (r > 62) return Math.max(0, st.brkP[p]! - r);
    const S = c.S;
    const usable = this.usable;
    const row = this.local.get(p)! * S;
    // State index: chosen * 4 + started * 2 + previousBusy; value: fewest breaks so far.
    let dp = this.dp;
    let next = this.next;
    const width = (r + 1) * 4;
    dp.fill(Infinity, 0, width);
    dp[0] = 0;
    for (let s = 0; s < S; s++) {
      if (c.slotPos[s] === 0) {
        // A new day: nothing started, nothing busy before.
        for (let j = 0; j <= r; j++) {
          const best = Math.min(dp[j * 4]!, dp[j * 4 + 1]!, dp[j * 4 + 2]!, dp[j * 4 + 3]!);
          dp[j * 4] = best;
          dp[j * 4 + 1] = Infinity;
          dp[j * 4 + 2] = Infinity;
          dp[j * 4 + 3] = Infinity;
        }
      }
      next.fill(Infinity, 0, width);
      const fixed = st.occ[p * S + s] !== 0;
      const canChoose = !fixed && usable[row + s] === 1;
      for (let j = 0; j <= r; j++) {
        for (let state = 0; state < 4; state++) {
          const v = dp[j * 4 + state]!;
          if (v === Infinity) continue;
          const started = state >> 1;
          const prevBusy = state & 1;
          const busyValue = v + (started && !prevBusy ? 1 : 0);
          if (fixed) {
            const k = j * 4 + 3;
            if (busyValue < next[k]!) next[k] = busyValue;
            continue;
          }
          const idle = j * 4 + started * 2;
          if (v < next[idle]!) next[idle] = v;
          if (canChoose && j < r) {
            const k = (j + 1) * 4 + 3;
            if (busyValue < next[k]!) next[k] = busyValue;
          }
        }
      }
      const swap = dp;
      dp = next;
      next = swap;
    }
    const result = Math.min(dp[r * 4]!, dp[r * 4 + 1]!, dp[r * 4 + 2]!, dp[r * 4 + 3]!);
    // Not enough free slots for all of them: some stay out anyway, so fall back to the weak bound.
    return result === Infinity ? Math.max(0, st.brkP[p]! - r) : result;
  }

  run(): boolean {
    const st = this.st;
    const c = st.c;
    // Most constrained first: fewest allowed slots.
    this.meetings.sort(
      (x, y) => c.allowedStart[x + 1]! - c.allowedStart[x]! - (c.allowedStart[y + 1]! - c.allowedStart[y]!),
    );
    for (const m of this.meetings) {
      this.original.push(st.slotOf[m]!);
      this.originalTables.push(st.tableOf[m]!);
    }
    for (const m of this.meetings) st.unplace(m);
    for (const m of this.meetings) {
      this.remaining[c.ma[m]!]!++;
      this.remaining[c.mb[m]!]!++;
    }
    this.search(0);
    for (const m of this.meetings) {
      this.remaining[c.ma[m]!] = 0;
      this.remaining[c.mb[m]!] = 0;
    }
    const chosen = this.bestSlots;
    if (chosen === undefined) {
      this.meetings.forEach((m, i) => st.place(m, this.original[i]!, this.originalTables[i]!));
      return false;
    }
    this.meetings.forEach((m, i) => st.place(m, chosen[i]!));
    return true;
  }

  private search(depth: number): void {
    const st = this.st;
    const c = st.c;
    if (++this.nodes > NODE_LIMIT) return;
    // Nodes are costly (each computes exact bounds): keep the clock and the caller's stop in view.
    if ((this.nodes & 63) === 0 && !this.budget.spend(64 * NODE_COST)) this.nodes = NODE_LIMIT + 1;
    if (depth === this.meetings.length) {
      if (st.excess > 0 || st.moved > this.movedLimit) return;
      if (st.breaks < this.bestBreaks || (st.breaks === this.bestBreaks && st.gaps < this.bestGaps)) {
        this.bestBreaks = st.breaks;
        this.bestGaps = st.gaps;
        this.bestSlots = this.meetings.map((m) => st.slotOf[m]!);
      }
      return;
    }
    const m = this.meetings[depth]!;
    const a = c.ma[m]!;
    const b = c.mb[m]!;
    // Try the slots that add the fewest breaks first.
    const options: { s: number; value: number }[] = [];
    for (let i = c.allowedStart[m]!, end = c.allowedStart[m + 1]!; i < end; i++) {
      const s = c.allowedSlots[i]!;
      if (!st.canPlace(m, s)) continue;
      st.place(m, s);
      options.push({ s, value: st.breaks * 64 + st.gaps });
      st.unplace(m);
    }
    options.sort((x, y) => x.value - y.value);
    this.remaining[a]!--;
    this.remaining[b]!--;
    for (const { s } of options) {
      st.place(m, s);
      const capOk = c.maxBreaks < 0 || (st.brkP[a]! - this.remaining[a]! <= c.maxBreaks && st.brkP[b]! - this.remaining[b]! <= c.maxBreaks);
      const bound = this.bound();
      if (capOk && bound <= this.bestBreaks) {
        this.search(depth + 1);
      }
      st.unplace(m);
      if (this.nodes > NODE_LIMIT) break;
    }
    this.remaining[a]!++;
    this.remaining[b]!++;
  }
}

function pickParticipants(st: State, rng: Random): number[] {
  const c = st.c;
  const start = rng.int(c.P);
  let p = -1;
  for (let k = 0; k < c.P; k++) {
    const q = (start + k) % c.P;
    if (st.brkP[q]! > 0) {
      p = q;
      break;
    }
  }
  if (p < 0) return [];
  const picked = [p];
  const partners: number[] = [];
  for (let i = c.partStart[p]!, end = c.partStart[p + 1]!; i < end; i++) {
    const m = c.partMeetings[i]!;
    const q = c.ma[m] === p ? c.mb[m]! : c.ma[m]!;
    if (!partners.includes(q)) partners.push(q);
  }
  // Partners with breaks of their own first: they are the other links of the chain.
  partners.sort((x, y) => st.brkP[y]! - st.brkP[x]! || rng.next() - 0.5);
  const extra = 1 + rng.int(2);
  for (let i = 0; i < partners.length && picked.length <= extra; i++) picked.push(partners[i]!);
  return picked;
}

/** Runs neighbourhood re-solves from the current (best) state; returns how many improved it. */
export function improveByNeighbourhoods(st: State, best: Best, rng: Random, budget: Budget, attempts: number): number {
  let improved = 0;
  for (let k = 0; k < attempts; k++) {
    if (st.breaks === 0) break;
    const picked = pickParticipants(st, rng);
    if (picked.length === 0) break;
    const piece = new Piece(st, picked, budget);
    if (piece.meetings.length === 0) continue;
    if (piece.run()) {
      improved++;
      best.offer(st);
    }
    if (!budget.spend((piece.nodes & 63) * NODE_COST)) break;
  }
  return improved;
}

// The mutable search state: where each meeting sits, who is busy when, and running totals of the objective.
// Every change goes through place/unplace so the per-participant day masks and break counts stay exact.
import type { Compiled } from './compile.js';
import { BREAK, MOVED } from './weights.js';

/** The distinct slots a move judged by `relocationDelta` may span: one bit each in a word. */
export const MAX_MOVE_SLOTS = 31;

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Breaks of one day's mask held in `words` words from `offset`: runs of busy slots minus one. */
export function dayBreaks(mask: Int32Array, offset: number, words: number): number {
  let runs = 0;
  let carry = 0;
  for (let w = 0; w < words; w++) {
    const m = mask[offset + w]!;
    runs += popcount(m & ~((m << 1) | carry));
    carry = m >>> 31;
  }
  return runs > 0 ? runs - 1 : 0;
}

/** Idle slots between a day's first and last meeting; the secondary term that steers the search over plateaus. */
export function dayGaps(mask: Int32Array, offset: number, words: number): number {
  let first = -1;
  let last = -1;
  let busy = 0;
  for (let w = 0; w < words; w++) {
    const m = mask[offset + w]!;
    if (m === 0) continue;
    busy += popcount(m);
    if (first < 0) first = w * 32 + (31 - Math.clz32(m & -m));
    last = w * 32 + (31 - Math.clz32(m));
  }
  return first < 0 ? 0 : last - first + 1 - busy;
}

export class State {
  readonly slotOf: Int32Array;
  readonly tableOf: Int32Array; // only for meetings with table options; free ones get tables at the end
  readonly occ: Int32Array; // p * S + s -> meeting + 1
  readonly used: Int32Array; // meetings per slot
  readonly inSlot: Int32Array; // s * T + k -> the k-th meeting held in slot s (k < used[s])
  private readonly inSlotPos: Int32Array;
  readonly tableOcc: Int32Array; // t * S + s -> meeting + 1
  readonly mask: Int32Array; // p * W + word
  readonly count: Int32Array;
  readonly countDay: Int32Array; // p * D + d
  readonly brk: Int32Array; // p * D + d
  readonly gap: Int32Array;
  readonly brkP: Int32Array;
  breaks = 0;
  gaps = 0;
  excess = 0;
  unscheduledPriority = 0;
  unscheduled = 0;
  moved = 0;
  private readonly dayWords: Int32Array;
  // Scratch for relocationDelta: the participants a move touches, and which of the move's slots flip for each.
  private readonly seen: Int32Array;
  private readonly odd: Int32Array;
  private readonly moveSlots = new Int32Array(MAX_MOVE_SLOTS);
  private readonly touched: Int32Array;
  private stamp = 0;

  constructor(readonly c: Compiled) {
    const { M, P, S, T, D, W } = c;
    this.slotOf = new Int32Array(M).fill(-1);
    this.tableOf = new Int32Array(M).fill(-1);
    this.occ = new Int32Array(P * S);
    this.used = new Int32Array(S);
    this.inSlot = new Int32Array(S * Math.max(1, T));
    this.inSlotPos = new Int32Array(M);
    this.tableOcc = new Int32Array(T * S);
    this.mask = new Int32Array(P * W);
    this.count = new Int32Array(P);
    this.countDay = new Int32Array(P * D);
    this.brk = new Int32Array(P * D);
    this.gap = new Int32Array(P * D);
    this.brkP = new Int32Array(P);
    this.dayWords = new Int32Array(D);
    this.seen = new Int32Array(P);
    this.odd = new Int32Array(P);
    this.touched = new Int32Array(P);
    for (let d = 0; d < D; d++) this.dayWords[d] = Math.max(1, Math.ceil(c.dayLen[d]! / 32));
    for (let m = 0; m < M; m++) {
      this.unscheduledPriority += c.priority[m]!;
      if (c.prevSlot[m]! >= 0) this.moved++;
    }
    this.unscheduled = M;
  }

  /** Whether unscheduled meeting m may go to slot s given everything else as it stands. */
  canPlace(m: number, s: number): boolean {
    const c = this.c;
    const S = c.S;
    if (!c.allowed[m * S + s]) return false;
    const a = c.ma[m]!;
    const b = c.mb[m]!;
    if (this.occ[a * S + s] !== 0 || this.occ[b * S + s] !== 0) return false;
    if (this.used[s]! >= c.capacity[s]!) return false;
    const ta = c.tableA[m]!;
    if (ta >= 0 && this.pickTable(m, s) < 0) return false;
    const d = c.slotDay[s]!;
    const D = c.D;
    if (this.count[a]! >= c.maxMeetings[a]! || this.count[b]! >= c.maxMeetings[b]!) return false;
    if (this.countDay[a * D + d]! >= c.maxPerDay[a]! || this.countDay[b * D + d]! >= c.maxPerDay[b]!) return false;
    for (let i = c.predStart[m]!, end = c.predStart[m + 1]!; i < end; i++) {
      const ps = this.slotOf[c.preds[i]!]!;
      if (ps < 0 || ps >= s) return false;
    }
    for (let i = c.succStart[m]!, end = c.succStart[m + 1]!; i < end; i++) {
      const qs = this.slotOf[c.succs[i]!]!;
      if (qs >= 0 && qs <= s) return false;
    }
    return true;
  }

  /** A free table among the meeting's options at slot s, or -1. */
  pickTable(m: number, s: number): number {
    const c = this.c;
    const S = c.S;
    const ta = c.tableA[m]!;
    if (c.tableAvail[ta * S + s] && this.tableOcc[ta * S + s] === 0) return ta;
    const tb = c.tableB[m]!;
    if (tb >= 0 && c.tableAvail[tb * S + s] && this.tableOcc[tb * S + s] === 0) return tb;
    return -1;
  }

  /** Whether some scheduled meeting must come after m (so m cannot be dropped alone). */
  hasScheduledSuccessor(m: number): boolean {
    const c = this.c;
    for (let i = c.succStart[m]!, end = c.succStart[m + 1]!; i < end; i++) {
      if (this.slotOf[c.succs[i]!]! >= 0) return true;
    }
    return false;
  }

  /** Puts m at s; `table` restores a known table choice, otherwise the first free option is taken. */
  place(m: number, s: number, table = -1): void {
    const c = this.c;
    const S = c.S;
    const a = c.ma[m]!;
    const b = c.mb[m]!;
    this.slotOf[m] = s;
    this.occ[a * S + s] = m + 1;
    this.occ[b * S + s] = m + 1;
    const T = c.T;
    this.inSlot[s * T + this.used[s]!] = m;
    this.inSlotPos[m] = this.used[s]!;
    this.used[s]!++;
    if (c.tableA[m]! >= 0) {
      const t = table >= 0 ? table : this.pickTable(m, s);
      this.tableOf[m] = t;
      this.tableOcc[t * S + s] = m + 1;
    }
    this.unscheduledPriority -= c.priority[m]!;
    this.unscheduled--;
    const prev = c.prevSlot[m]!;
    if (prev >= 0 && prev === s) this.moved--;
    this.toggle(a, s, 1);
    this.toggle(b, s, 1);
  }

  unplace(m: number): void {
    const c = this.c;
    const S = c.S;
    const s = this.slotOf[m]!;
    const a = c.ma[m]!;
    const b = c.mb[m]!;
    this.slotOf[m] = -1;
    this.occ[a * S + s] = 0;
    this.occ[b * S + s] = 0;
    const T = c.T;
    const last = this.inSlot[s * T + this.used[s]! - 1]!;
    this.inSlot[s * T + this.inSlotPos[m]!] = last;
    this.inSlotPos[last] = this.inSlotPos[m]!;
    this.used[s]!--;
    const t = this.tableOf[m]!;
    if (t >= 0) {
      this.tableOcc[t * S + s] = 0;
      this.tableOf[m] = -1;
    }
    this.unscheduledPriority += c.priority[m]!;
    this.unscheduled++;
    const prev = c.prevSlot[m]!;
    if (prev >= 0 && prev === s) this.moved++;
    this.toggle(a, s, -1);
    this.toggle(b, s, -1);
  }

  /**
   * Change of the annealing cost if scheduled meeting m alone moved to slot s2, computed without moving it
   * (feasibility is checked separately, when the move is applied).
   */
  singleMoveDelta(m: number, s2: number, excessWeight: number): number {
    const c = this.c;
    const s1 = this.slotOf[m]!;
    let delta = 0;
    const prev = c.prevSlot[m]!;
    if (prev >= 0) delta += MOVED * ((s2 !== prev ? 1 : 0) - (s1 !== prev ? 1 : 0));
    delta += this.participantDelta(c.ma[m]!, s1, s2, excessWeight);
    delta += this.participantDelta(c.mb[m]!, s1, s2, excessWeight);
    return delta;
  }

  /**
   * Change of the annealing cost if the listed scheduled meetings moved together (`from[i]` to `to[i]`, all slots),
   * computed without moving them; null for a move across more than MAX_MOVE_SLOTS slots, which must be applied to be
   * costed. Exact when the result respects the hard rules, which applying the move checks.
   * In a Kempe chain most participants swap one meeting for another between the same two slots, so their masks do
   * not change: only participants with a slot flipped an odd number of times are recounted.
   */
  relocationDelta(
    meeting: Int32Array,
    from: Int32Array,
    to: Int32Array,
    n: number,
    excessWeight: number,
  ): number | null {
    const c = this.c;
    if (this.stamp >= 0x3fffffff) {
      this.stamp = 0;
      this.seen.fill(0);
    }
    const stamp = ++this.stamp;
    const slots = this.moveSlots;
    let slotCount = 0;
    let delta = 0;
    let touched = 0;
    for (let i = 0; i < n; i++) {
      const m = meeting[i]!;
      const prev = c.prevSlot[m]!;
      if (prev >= 0) delta += MOVED * ((to[i] !== prev ? 1 : 0) - (from[i] !== prev ? 1 : 0));
      for (let e = 0; e < 2; e++) {
        const s = e === 0 ? from[i]! : to[i]!;
        let j = 0;
        while (j < slotCount && slots[j] !== s) j++;
        if (j === MAX_MOVE_SLOTS) return null;
        if (j === slotCount) slots[slotCount++] = s;
        for (let k = 0; k < 2; k++) {
          const p = k === 0 ? c.ma[m]! : c.mb[m]!;
          if (this.seen[p] !== stamp) {
            this.seen[p] = stamp;
            this.odd[p] = 0;
            this.touched[touched++] = p;
          }
          this.odd[p]! ^= 1 << j;
        }
      }
    }
    for (let k = 0; k < touched; k++) {
      const p = this.touched[k]!;
      const odd = this.odd[p]!;
      if (odd !== 0) delta += this.flippedDelta(p, odd, excessWeight);
    }
    return delta;
  }

  /** Cost change of participant p if the move's slots marked in `odd` changed state. */
  private flippedDelta(p: number, odd: number, excessWeight: number): number {
    const c = this.c;
    const slots = this.moveSlots;
    const base = p * c.W;
    let days = 0; // bit per day index among the first 31 days; other days recounted every time
    let far = false;
    for (let j = 0, bits = odd; bits !== 0; j++, bits >>>= 1) {
      if ((bits & 1) === 0) continue;
      const s = slots[j]!;
      const d = c.slotDay[s]!;
      const pos = c.slotPos[s]!;
      this.mask[base + c.dayWord[d]! + (pos >>> 5)]! ^= 1 << (pos & 31);
      if (d < 31) days |= 1 << d;
      else far = true;
    }
    let breaks = 0;
    let gaps = 0;
    for (let d = 0; d < c.D; d++) {
      if (d < 31 ? (days & (1 << d)) === 0 : !far) continue;
      const pd = p * c.D + d;
      const offset = base + c.dayWord[d]!;
      breaks += dayBreaks(this.mask, offset, this.dayWords[d]!) - this.brk[pd]!;
      gaps += dayGaps(this.mask, offset, this.dayWords[d]!) - this.gap[pd]!;
    }
    for (let j = 0, bits = odd; bits !== 0; j++, bits >>>= 1) {
      if ((bits & 1) === 0) continue;
      const s = slots[j]!;
      const pos = c.slotPos[s]!;
      this.mask[base + c.dayWord[c.slotDay[s]!]! + (pos >>> 5)]! ^= 1 << (pos & 31);
    }
    return this.weigh(p, breaks, gaps, excessWeight);
  }

  /** The annealing cost of p gaining `breaks` breaks and `gaps` idle slots, the break cap's penalty included. */
  private weigh(p: number, breaks: number, gaps: number, excessWeight: number): number {
    let delta = BREAK * breaks + gaps;
    const cap = this.c.maxBreaks;
    if (cap >= 0 && breaks !== 0) {
      const before = this.brkP[p]!;
      delta += excessWeight * (Math.max(0, before + breaks - cap) - Math.max(0, before - cap));
    }
    return delta;
  }

  private participantDelta(p: number, s1: number, s2: number, excessWeight: number): number {
    const c = this.c;
    const d1 = c.slotDay[s1]!;
    const d2 = c.slotDay[s2]!;
    const base = p * c.W;
    const o1 = base + c.dayWord[d1]!;
    const o2 = base + c.dayWord[d2]!;
    const p1 = c.slotPos[s1]!;
    const p2 = c.slotPos[s2]!;
    this.mask[o1 + (p1 >>> 5)]! ^= 1 << (p1 & 31);
    this.mask[o2 + (p2 >>> 5)]! ^= 1 << (p2 & 31);
    const pd1 = p * c.D + d1;
    let breaks = dayBreaks(this.mask, o1, this.dayWords[d1]!) - this.brk[pd1]!;
    let gaps = dayGaps(this.mask, o1, this.dayWords[d1]!) - this.gap[pd1]!;
    if (d2 !== d1) {
      const pd2 = p * c.D + d2;
      breaks += dayBreaks(this.mask, o2, this.dayWords[d2]!) - this.brk[pd2]!;
      gaps += dayGaps(this.mask, o2, this.dayWords[d2]!) - this.gap[pd2]!;
    }
    this.mask[o1 + (p1 >>> 5)]! ^= 1 << (p1 & 31);
    this.mask[o2 + (p2 >>> 5)]! ^= 1 << (p2 & 31);
    return this.weigh(p, breaks, gaps, excessWeight);
  }

  private toggle(p: number, s: number, delta: number): void {
    const c = this.c;
    const d = c.slotDay[s]!;
    const pos = c.slotPos[s]!;
    const offset = p * c.W + c.dayWord[d]!;
    this.mask[offset + (pos >>> 5)]! ^= 1 << (pos & 31);
    this.count[p]! += delta;
    const pd = p * c.D + d;
    this.countDay[pd]! += delta;
    const words = this.dayWords[d]!;
    const nb = dayBreaks(this.mask, offset, words);
    const ng = dayGaps(this.mask, offset, words);
    const ob = this.brk[pd]!;
    this.breaks += nb - ob;
    this.gaps += ng - this.gap[pd]!;
    this.brk[pd] = nb;
    this.gap[pd] = ng;
    if (nb !== ob) {
      const cap = c.maxBreaks;
      const before = this.brkP[p]!;
      const after = before + nb - ob;
      this.brkP[p] = after;
      if (cap >= 0) this.excess += Math.max(0, after - cap) - Math.max(0, before - cap);
    }
  }
}

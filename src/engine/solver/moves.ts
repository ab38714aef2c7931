// A move is a small set of meetings changing slot (or leaving / entering the schedule). It is applied by
// taking them all out and putting them back at their new places with the full hard-rule check, so a move
// either leaves a schedule that respects every hard rule or is rolled back.
import type { Random } from './random.js';
import type { State } from './state.js';

const LIMIT = 96;

export class Move {
  readonly meeting = new Int32Array(LIMIT);
  readonly from = new Int32Array(LIMIT);
  readonly fromTable = new Int32Array(LIMIT);
  readonly to = new Int32Array(LIMIT);
  n = 0;
  private readonly order = new Int32Array(LIMIT);
  private readonly queue = new Int32Array(LIMIT);

  constructor(
    private readonly st: State,
    private readonly rng: Random,
  ) {}

  reset(): void {
    this.n = 0;
  }

  private has(m: number): boolean {
    for (let i = 0; i < this.n; i++) if (this.meeting[i] === m) return true;
    return false;
  }

  add(m: number, to: number): boolean {
    if (this.n >= LIMIT) return false;
    this.meeting[this.n] = m;
    this.from[this.n] = this.st.slotOf[m]!;
    this.fromTable[this.n] = this.st.tableOf[m]!;
    this.to[this.n] = to;
    this.n++;
    return true;
  }

  /**
   * Kempe-chain swap of scheduled meeting m between its slot and s2: every meeting of the two slots linked to m
   * through a shared participant (or a shared fixed table) swaps slot too, so nobody is double-booked.
   */
  kempe(m: number, s2: number): boolean {
    const st = this.st;
    const c = st.c;
    const S = c.S;
    const s1 = st.slotOf[m]!;
    this.reset();
    if (s1 < 0 || s1 === s2) return false;
    this.add(m, s2);
    let head = 0;
    this.queue[0] = m;
    let tail = 1;
    for (let round = 0; ; round++) {
      while (head < tail) {
        const x = this.queue[head++]!;
        const sx = st.slotOf[x]!;
        const so = sx === s1 ? s2 : s1;
        for (let k = 0; k < 3; k++) {
          let y: number;
          if (k === 0) y = st.occ[c.ma[x]! * S + so]! - 1;
          else if (k === 1) y = st.occ[c.mb[x]! * S + so]! - 1;
          else y = c.tableA[x]! >= 0 && c.tableB[x]! < 0 ? st.tableOcc[c.tableA[x]! * S + so]! - 1 : -1;
          if (y < 0 || this.has(y)) continue;
          if (!this.add(y, sx)) return false;
          this.queue[tail++] = y;
        }
      }
      // A full slot takes one more meeting only if one leaves: bring a random one of its meetings along.
      let into2 = 0;
      for (let i = 0; i < this.n; i++) into2 += this.to[i] === s2 ? 1 : -1;
      const over = st.used[s2]! + into2 > c.capacity[s2]! ? s2 : st.used[s1]! - into2 > c.capacity[s1]! ? s1 : -1;
      if (over < 0) return true;
      if (round >= 3) return false;
      const count = st.used[over]!;
      let y = -1;
      for (let tries = 0; tries < 4 && y < 0; tries++) {
        const pick = st.inSlot[over * c.T + this.rng.int(count)]!;
        if (!this.has(pick)) y = pick;
      }
      if (y < 0 || !this.add(y, over === s2 ? s1 : s2)) return false;
      this.queue[tail++] = y;
    }
  }

  /**
   * Puts unscheduled meeting m at s, dropping whatever blocks it there: its participants' meetings at s, the
   * holder of its table, a meeting of a full slot, a meeting of a participant at its meeting cap.
   */
  insert(m: number, s: number): boolean {
    const st = this.st;
    const c = st.c;
    const S = c.S;
    this.reset();
    if (!c.allowed[m * S + s]) return false;
    this.add(m, s);
    const a = c.ma[m]!;
    const b = c.mb[m]!;
    const ya = st.occ[a * S + s]! - 1;
    const yb = st.occ[b * S + s]! - 1;
    if (ya >= 0) this.displace(ya);
    if (yb >= 0 && yb !== ya) this.displace(yb);
    if (c.tableA[m]! >= 0 && c.tableB[m]! < 0) {
      const yt = st.tableOcc[c.tableA[m]! * S + s]! - 1;
      if (yt >= 0 && !this.has(yt)) this.displace(yt);
    }
    let leaving = this.n - 1;
    if (st.used[s]! - leaving >= c.capacity[s]!) {
      const y = st.inSlot[s * c.T + this.rng.int(st.used[s]!)]!;
      if (this.has(y)) return false;
      this.add(y, -1);
      leaving++;
    }
    const day = c.slotDay[s]!;
    for (const p of [a, b]) {
      const overall = st.count[p]! >= c.maxMeetings[p]!;
      const daily = st.countDay[p * c.D + day]! >= c.maxPerDay[p]!;
      if (!overall && !daily) continue;
      if (this.dropsOf(p, daily ? day : -1)) continue;
      // Make room under the cap by dropping one of p's meetings (that day's, for the daily cap).
      const i0 = c.partStart[p]!;
      const count = c.partStart[p + 1]! - i0;
      let y = -1;
      for (let tries = 0; tries < 6 && y < 0; tries++) {
        const pick = c.partMeetings[i0 + this.rng.int(count)]!;
        const ps = st.slotOf[pick]!;
        if (ps >= 0 && (!daily || c.slotDay[ps] === day) && !this.has(pick)) y = pick;
      }
      if (y < 0) return false;
      this.add(y, -1);
    }
    for (let i = 1; i < this.n; i++) if (this.to[i]! < 0 && st.hasScheduledSuccessor(this.meeting[i]!)) return false;
    // A predecessor held too late (or a successor too early) comes along to a random slot on the right side.
    for (let i = c.predStart[m]!, end = c.predStart[m + 1]!; i < end; i++) {
      const q = c.preds[i]!;
      if (st.slotOf[q]! >= s && !this.has(q) && !this.shift(q, 0, s)) return false;
    }
    for (let i = c.succStart[m]!, end = c.succStart[m + 1]!; i < end; i++) {
      const q = c.succs[i]!;
      const qs = st.slotOf[q]!;
      if (qs >= 0 && qs <= s && !this.has(q) && !this.shift(q, s + 1, S)) return false;
    }
    return true;
  }

  /** A meeting in the way of an insertion: mostly moved to a free slot of its own, otherwise dropped. */
  private displace(y: number): void {
    if (this.rng.next() < 0.7 && this.shift(y, 0, this.st.c.S)) return;
    this.add(y, -1);
  }

  /** Adds q moving to an allowed slot in [from, to) where its participants are free and there is room. */
  private shift(q: number, from: number, to: number): boolean {
    const st = this.st;
    const c = st.c;
    const S = c.S;
    const i0 = c.allowedStart[q]!;
    const n = c.allowedStart[q + 1]! - i0;
    const offset = this.rng.int(n || 1);
    for (let k = 0; k < n; k++) {
      const t = c.allowedSlots[i0 + ((k + offset) % n)]!;
      if (t < from || t >= to || st.used[t]! >= c.capacity[t]!) continue;
      if (st.occ[c.ma[q]! * S + t] !== 0 || st.occ[c.mb[q]! * S + t] !== 0) continue;
      return this.add(q, t);
    }
    return false;
  }

  /** Whether this move already drops a meeting of p (on `day`, or any day when -1). */
  private dropsOf(p: number, day: number): boolean {
    const c = this.st.c;
    for (let i = 1; i < this.n; i++) {
      const y = this.meeting[i]!;
      if (c.ma[y] !== p && c.mb[y] !== p) continue;
      if (day < 0 || c.slotDay[this.from[i]!] === day) return true;
    }
    return false;
  }

  /** Whether the move only changes slots: every meeting is scheduled before and after it. */
  relocates(): boolean {
    for (let i = 0; i < this.n; i++) if (this.from[i]! < 0 || this.to[i]! < 0) return false;
    return this.n > 0;
  }

  drop(m: number): boolean {
    this.reset();
    if (this.st.slotOf[m]! < 0 || this.st.hasScheduledSuccessor(m)) return false;
    return this.add(m, -1);
  }

  /** Applies the move; false (and nothing changed) when the result would break a hard rule. */
  apply(): boolean {
    const st = this.st;
    const n = this.n;
    for (let i = 0; i < n; i++) if (this.from[i]! >= 0) st.unplace(this.meeting[i]!);
    // Earlier targets first, so a predecessor moving earlier is back in place before its successor is checked.
    for (let i = 0; i < n; i++) this.order[i] = i;
    const order = this.order;
    for (let i = 1; i < n; i++) {
      const v = order[i]!;
      let j = i - 1;
      while (j >= 0 && this.to[order[j]!]! > this.to[v]!) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const to = this.to[i]!;
      if (to < 0) continue;
      const m = this.meeting[i]!;
      if (!st.canPlace(m, to)) {
        this.restore();
        return false;
      }
      st.place(m, to);
    }
    return true;
  }

  /** Undoes an applied (or half-applied) move. */
  restore(): void {
    const st = this.st;
    for (let i = 0; i < this.n; i++) if (st.slotOf[this.meeting[i]!]! >= 0) st.unplace(this.meeting[i]!);
    for (let i = 0; i < this.n; i++) {
      if (this.from[i]! >= 0) st.place(this.meeting[i]!, this.from[i]!, this.fromTable[i]!);
    }
  }
}

/**
 * Slides a participant's whole run of consecutive meetings one slot earlier or later, as a sequence of
 * Kempe swaps evaluated together: the linked breaks single swaps cannot undo often need a whole run to move.
 */
export class Slide {
  private readonly steps: Move[];
  private k = 0;

  constructor(
    private readonly st: State,
    rng: Random,
  ) {
    this.steps = Array.from({ length: 10 }, () => new Move(st, rng));
  }

  /** Applies the slide of p's run containing slot s by `dir` (-1 or +1); false and nothing changed if impossible. */
  apply(p: number, s: number, dir: number): boolean {
    const st = this.st;
    const c = st.c;
    const S = c.S;
    const day = c.slotDay[s]!;
    let i = s;
    let j = s;
    while (i > 0 && c.slotDay[i - 1] === day && st.occ[p * S + i - 1] !== 0) i--;
    while (j + 1 < S && c.slotDay[j + 1] === day && st.occ[p * S + j + 1] !== 0) j++;
    const edge = dir < 0 ? i - 1 : j + 1;
    if (edge < 0 || edge >= S || c.slotDay[edge] !== day || j - i + 1 > this.steps.length) return false;
    this.k = 0;
    for (let n = 0; n <= j - i; n++) {
      const from = dir < 0 ? i + n : j - n;
      const m = st.occ[p * S + from]! - 1;
      const step = this.steps[this.k]!;
      if (m < 0 || !step.kempe(m, from + dir) || !step.apply()) {
        this.restore();
        return false;
      }
      this.k++;
    }
    return true;
  }

  restore(): void {
    for (let i = this.k - 1; i >= 0; i--) this.steps[i]!.restore();
    this.k = 0;
  }
}

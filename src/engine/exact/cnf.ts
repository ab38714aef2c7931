// A clause set in DIMACS terms (variables from 1, a negative literal is a negation), kept flat so that it crosses
// a thread boundary as one typed array, with the one cardinality encoding the break question needs.

/**
 * Up to this many literals, "at most one" is a clause per pair, with no helper variables; on the B2B set that
 * answered as fast or faster than the counter (a meeting has at most 22 slots, a slot rarely 30 meetings of one
 * participant).
 */
const PAIRWISE_MAX = 30;

export class CnfBuilder {
  private count = 0;
  private readonly literals: number[] = [];

  variable(): number {
    return ++this.count;
  }

  clause(...lits: number[]): void {
    // Checked before anything is kept, so that a refused clause leaves no half of itself behind.
    for (const lit of lits) {
      if (lit === 0 || Math.abs(lit) > this.count) throw new Error(`CnfBuilder: literal ${lit} names no variable`);
    }
    this.literals.push(...lits, 0);
  }

  /**
   * A totalizer (Bailleux and Boufkhad 2003) over `lits`, cut at the width it needs: returns min(width, n) literals,
   * the j-th true whenever at least j + 1 of `lits` are (only that direction is encoded, which is all an upper bound
   * needs). With `limit`, more than `limit` true literals is forbidden outright (1 <= limit <= width). Assuming the
   * negation of output k bounds the count by k.
   * It replaced a sequential counter (Sinz 2005) with the same outputs: on hard B2B questions CaDiCaL answered
   * faster with it, mostly through the tables-per-slot counts.
   */
  counter(lits: readonly number[], width: number, limit?: number): number[] {
    if (limit !== undefined && (limit < 1 || limit > width)) throw new Error(`CnfBuilder: limit ${limit} outside 1..${width}`);
    const forbid = limit !== undefined && limit < lits.length;
    const cap = Math.min(lits.length, forbid ? Math.max(width, limit + 1) : width);
    if (cap === 0) return [];
    const outputs = this.totalize(lits, 0, lits.length, cap);
    if (forbid) this.clause(-outputs[limit]!);
    return outputs.slice(0, Math.min(width, lits.length));
  }

  /** Unary count of lits[from, to), at most `cap` outputs (the last one meaning "cap or more"). */
  private totalize(lits: readonly number[], from: number, to: number, cap: number): number[] {
    if (to - from === 1) return [lits[from]!];
    const middle = (from + to) >> 1;
    const left = this.totalize(lits, from, middle, cap);
    const right = this.totalize(lits, middle, to, cap);
    const outputs = Array.from({ length: Math.min(to - from, cap) }, () => this.variable());
    for (let i = 0; i <= left.length; i++) {
      for (let j = 0; j <= right.length; j++) {
        if (i + j === 0) continue;
        const clause = [outputs[Math.min(i + j, outputs.length) - 1]!];
        if (i > 0) clause.push(-left[i - 1]!);
        if (j > 0) clause.push(-right[j - 1]!);
        this.clause(...clause);
      }
    }
    return outputs;
  }

  /** At most `k` of `lits`; nothing is added when the list cannot exceed it. */
  atMost(lits: readonly number[], k: number): void {
    if (lits.length <= k) return;
    if (k === 0) {
      for (const lit of lits) this.clause(-lit);
      return;
    }
    if (k === 1 && lits.length <= PAIRWISE_MAX) {
      for (let i = 0; i < lits.length; i++) for (let j = i + 1; j < lits.length; j++) this.clause(-lits[i]!, -lits[j]!);
      return;
    }
    this.counter(lits, k, k);
  }

  /** At least `k` of `lits`, as at most `n - k` of their negations. */
  atLeast(lits: readonly number[], k: number): void {
    if (k <= 0) return;
    if (k > lits.length) {
      this.emptyClause();
      return;
    }
    this.atMost(
      lits.map((lit) => -lit),
      lits.length - k,
    );
  }

  /** A contradiction: the question has no answer (e.g. a meeting without any allowed slot). */
  emptyClause(): void {
    const v = this.variable();
    this.clause(v);
    this.clause(-v);
  }

  /** Every clause, each closed by a 0, as DIMACS streams them. */
  toArray(): Int32Array {
    return Int32Array.from(this.literals);
  }
}

// The break totals that the threads of a run share, in two Int32s: the fewest breaks of a schedule with every
// meeting known to any thread (every member lowers it; the descending SAT member asks for fewer), and the lower
// bound the climbing SAT member has settled on (the descending member halves the range between the two).

/** The value while no thread has a schedule with every meeting. */
export const NO_BREAKS_KNOWN = 0x7fffffff;
/** The value while the climbing member is still climbing (or there is none). */
export const NO_BOUND_SETTLED = -1;

const BEST = 0;
const SETTLED = 1;

export function bestBreaksBuffer(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(8);
  const view = new Int32Array(buffer);
  Atomics.store(view, BEST, NO_BREAKS_KNOWN);
  Atomics.store(view, SETTLED, NO_BOUND_SETTLED);
  return buffer;
}

export function bestBreaks(shared: Int32Array): number {
  return Atomics.load(shared, BEST);
}

/** Lowers the shared total to `breaks`, unless another thread got lower meanwhile; never raises it. */
export function lowerBestBreaks(shared: Int32Array, breaks: number): void {
  let known = Atomics.load(shared, BEST);
  while (breaks < known) {
    const seen = Atomics.compareExchange(shared, BEST, known, breaks);
    if (seen === known) return;
    known = seen;
  }
}

/** The proved lower bound the climbing member stopped at, or NO_BOUND_SETTLED. */
export function settledBound(shared: Int32Array): number {
  return Atomics.load(shared, SETTLED);
}

/** Only the climbing member writes it, so a plain store suffices; it only ever rises. */
export function settleBound(shared: Int32Array, breaks: number): void {
  if (breaks > Atomics.load(shared, SETTLED)) Atomics.store(shared, SETTLED, breaks);
}

/**
 * The descending member's next question, as a break total: one fewer than the best known while no bound is settled;
 * then the middle of the range from the higher of the two proved bounds up to one fewer than the best known.
 * Undefined when the best known meets a proved bound: it is optimal and there is nothing left to ask.
 */
export function descentTarget(known: number, provedHere: number, settled: number): number | undefined {
  const floor = Math.max(provedHere, settled);
  if (known <= floor) return undefined;
  if (settled === NO_BOUND_SETTLED) return known - 1;
  return floor + Math.ceil((known - 1 - floor) / 2);
}

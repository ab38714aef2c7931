// The break totals that the threads of a run share, in two Int32s: the fewest breaks of a schedule with every
// meeting known to any thread (every member lowers it; the descending SAT member asks for fewer), and the lower
// bound the climbing SAT member has proved (the descending member asks a few breaks above it).

/** The value while no thread has a schedule with every meeting. */
export const NO_BREAKS_KNOWN = 0x7fffffff;
/** The value while the climbing member has proved nothing (or there is none). */
export const NO_BOUND_CLIMBED = -1;

const BEST = 0;
const CLIMBED = 1;

export function bestBreaksBuffer(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(8);
  const view = new Int32Array(buffer);
  Atomics.store(view, BEST, NO_BREAKS_KNOWN);
  Atomics.store(view, CLIMBED, NO_BOUND_CLIMBED);
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

/** The lower bound the climbing member has proved so far, or NO_BOUND_CLIMBED. */
export function climbedBound(shared: Int32Array): number {
  return Atomics.load(shared, CLIMBED);
}

/** Only the climbing member writes it, so a plain store suffices; it only ever rises. */
export function raiseClimbedBound(shared: Int32Array, breaks: number): void {
  if (breaks > Atomics.load(shared, CLIMBED)) Atomics.store(shared, CLIMBED, breaks);
}

/**
 * How far above the proved bound the descending member asks. Its first "yes" costs about as much anywhere a few
 * breaks above the optimum, and the next ones, from the same solver, come faster. Where the climb stops one below the
 * optimum, reaching one above it by way of two above is faster than asking for it directly, and the answer two above
 * is in hand early should time run out; asking closer at once left the runs that did not answer in time with the
 * first search's far worse total.
 */
export const DESCENT_ABOVE_BOUND = 3;

/**
 * The descending member's next question, as a break total: one fewer than the best known while no bound is proved
 * by the climbing member (or there is none) or no schedule with every meeting is known; then a few breaks above the
 * higher of the two proved bounds, or one fewer than the best known when that is lower. Undefined when the best
 * known meets a proved bound: it is optimal and there is nothing left to ask.
 */
export function descentTarget(known: number, provedHere: number, climbed: number): number | undefined {
  const floor = Math.max(provedHere, climbed);
  if (known <= floor) return undefined;
  // Without a schedule that holds every meeting, any such schedule comes first: the unbounded question is the
  // easiest one (a bounded question asked first can leave a meeting out where any complete schedule exists).
  if (climbed === NO_BOUND_CLIMBED || known >= NO_BREAKS_KNOWN) return known - 1;
  return aboveBound(known, floor, DESCENT_ABOVE_BOUND);
}

/** `above` breaks above the proved `floor`, or one fewer than the best known when lower; undefined at the floor. */
function aboveBound(known: number, floor: number, above: number): number | undefined {
  return known <= floor ? undefined : Math.min(known - 1, floor + above);
}

/**
 * How far above its bound the climbing member asks once its climb has stopped. Where the climb stops one below the
 * optimum, two above the bound is one above the optimum: the answer the descending member is after too, sought by a
 * second solver with another setting, which kept more runs within one break than staying on the question the climb
 * stopped at. Where the climb stops at the optimum, the same steps reach it a little later and still prove it.
 */
export const SETTLED_ABOVE_BOUND = 2;

/**
 * The climbing member's question once its climb has stopped at `lower`: a few breaks above it, or one fewer than
 * the best known when that is lower. Undefined when the best known meets the bound: it is optimal.
 */
export function settledTarget(known: number, lower: number): number | undefined {
  return aboveBound(known, lower, SETTLED_ABOVE_BOUND);
}

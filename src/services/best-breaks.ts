// The fewest breaks of a schedule with every meeting known to any thread of a run, in one shared Int32: the search
// members and the SAT member all lower it, and the SAT member asks for one break fewer than it holds.

/** The value while no thread has a schedule with every meeting. */
export const NO_BREAKS_KNOWN = 0x7fffffff;

export function bestBreaksBuffer(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(4);
  Atomics.store(new Int32Array(buffer), 0, NO_BREAKS_KNOWN);
  return buffer;
}

/** Lowers the shared total to `breaks`, unless another thread got lower meanwhile; never raises it. */
export function lowerBestBreaks(shared: Int32Array, breaks: number): void {
  let known = Atomics.load(shared, 0);
  while (breaks < known) {
    const seen = Atomics.compareExchange(shared, 0, known, breaks);
    if (seen === known) return;
    known = seen;
  }
}

// A lower bound on total breaks when every meeting is placed: each participant alone, with only its own free
// slots, must spread its meetings over stretches of consecutive free slots; each extra stretch used on a day
// costs one break. Reaching this bound proves a schedule optimal.
import type { Compiled } from './compile.js';

export function participantLowerBound(c: Compiled, p: number): number {
  const { S } = c;
  const k = c.partStart[p + 1]! - c.partStart[p]!;
  if (k === 0) return 0;
  const usable = new Uint8Array(S);
  for (let i = c.partStart[p]!, end = c.partStart[p + 1]!; i < end; i++) {
    const m = c.partMeetings[i]!;
    for (let j = c.allowedStart[m]!, e = c.allowedStart[m + 1]!; j < e; j++) usable[c.allowedSlots[j]!] = 1;
  }
  const firsts: number[] = []; // the longest stretch of each day: free of breaks
  const extras: number[] = []; // every other stretch: one break each
  for (let d = 0; d < c.D; d++) {
    const runs: number[] = [];
    let run = 0;
    for (let s = c.dayFirst[d]!, end = s + c.dayLen[d]!; s < end; s++) {
      if (usable[s]) run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
    if (run > 0) runs.push(run);
    runs.sort((x, y) => y - x);
    if (runs.length > 0) firsts.push(runs[0]!);
    extras.push(...runs.slice(1));
  }
  let room = firsts.reduce((sum, r) => sum + r, 0);
  if (room >= k) return 0;
  extras.sort((x, y) => y - x);
  let breaks = 0;
  for (const r of extras) {
    room += r;
    breaks++;
    if (room >= k) return breaks;
  }
  return breaks; // not even all stretches fit k meetings: some stay unscheduled anyway
}

export function lowerBound(c: Compiled): number {
  let total = 0;
  for (let p = 0; p < c.P; p++) total += participantLowerBound(c, p);
  return total;
}

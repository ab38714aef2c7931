// Final table choice, slot by slot: meetings with a booth or a table pin already hold theirs; the others take
// the table one of their participants sat at in their previous meeting of the day (or the previous schedule's
// table when re-planning), otherwise a free shared table before a free booth.
import type { Compiled } from './compile.js';

export function assignTables(c: Compiled, slots: Int32Array, fixed: Int32Array): Int32Array {
  const { S, T, M, P } = c;
  const tableOf = new Int32Array(M).fill(-1);
  const bySlot: number[][] = Array.from({ length: S }, () => []);
  for (let m = 0; m < M; m++) if (slots[m]! >= 0) bySlot[slots[m]!]!.push(m);
  const lastTable = new Int32Array(P).fill(-1);
  const lastDay = new Int32Array(P).fill(-1);
  const taken = new Uint8Array(T);
  for (let s = 0; s < S; s++) {
    const day = c.slotDay[s]!;
    const here = bySlot[s]!;
    taken.fill(0);
    for (let t = 0; t < T; t++) if (!c.tableAvail[t * S + s]) taken[t] = 1;
    for (const m of here) {
      if (fixed[m]! >= 0) {
        tableOf[m] = fixed[m]!;
        taken[fixed[m]!] = 1;
      }
    }
    const preferred = (p: number): number => (lastDay[p] === day ? lastTable[p]! : -1);
    // Two passes: first every meeting that can keep a table it wants, then the rest on what is left.
    for (let pass = 0; pass < 2; pass++) {
      for (const m of here) {
        if (tableOf[m]! >= 0) continue;
        const wishes = [c.prevTable[m]!, preferred(c.ma[m]!), preferred(c.mb[m]!)];
        let table = wishes.find((t) => t >= 0 && !taken[t]) ?? -1;
        if (table < 0 && pass === 1) {
          for (let t = 0; t < T && table < 0; t++) if (!taken[t] && !c.isBooth[t]) table = t;
          for (let t = 0; t < T && table < 0; t++) if (!taken[t]) table = t;
        }
        if (table < 0) continue;
        tableOf[m] = table;
        taken[table] = 1;
      }
    }
    for (const m of here) {
      for (const p of [c.ma[m]!, c.mb[m]!]) {
        lastTable[p] = tableOf[m]!;
        lastDay[p] = day;
      }
    }
  }
  return tableOf;
}

/** Table changes as the spec counts them: per participant without a booth and per day, consecutive meetings at different tables. */
export function countTableChanges(c: Compiled, slots: Int32Array, tables: Int32Array): number {
  const lastTable = new Int32Array(c.P).fill(-1);
  const lastDay = new Int32Array(c.P).fill(-1);
  const order = Array.from({ length: c.M }, (_, m) => m)
    .filter((m) => slots[m]! >= 0)
    .sort((x, y) => slots[x]! - slots[y]!);
  let changes = 0;
  for (const m of order) {
    const day = c.slotDay[slots[m]!]!;
    for (const p of [c.ma[m]!, c.mb[m]!]) {
      if (c.booth[p]! >= 0) continue;
      if (lastDay[p] === day && lastTable[p] !== tables[m]) changes++;
      lastTable[p] = tables[m]!;
      lastDay[p] = day;
    }
  }
  return changes;
}

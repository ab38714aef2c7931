// Which problems the exact encoding (break-cnf.ts) can state: the portfolio asks before it gives a thread to it.
import { compile, type Compiled } from '../solver/compile.js';
import type { Problem } from '../types.js';

/** Above this size the encoding alone takes longer than the local search needs for a good answer. */
export const EXACT_MAX_MEETINGS = 1_500;
/**
 * A size measure of the encoding: (meetings allowed in a slot) x (tables), over the slots where tables can run out.
 * It was the size of the table counters while they counted meetings, and the limit was set then, so that a run with
 * the SAT members stays within the memory of a small server; the largest B2B instance is well below it. The
 * counters now count owners (break-cnf.ts) and are smaller; the limit is a proxy kept until measured again. Above it
 * the SAT solver is not asked.
 */
export const EXACT_MAX_COUNTER_CELLS = 400_000;

/** Why the encoding cannot stand for this problem, or undefined when it can. */
export function exactUnsupported(problem: Problem, compiled?: Compiled): string | undefined {
  if (problem.meetings.length === 0) return 'no meetings';
  if (problem.meetings.length > EXACT_MAX_MEETINGS) return `more than ${EXACT_MAX_MEETINGS} meetings`;
  const c = compiled ?? compile(problem);
  for (let m = 0; m < c.M; m++) {
    // Booths tie meetings to one table, which a count per slot does not capture.
    if (c.tableA[m]! >= 0) return 'some meetings must be held at a booth';
  }
  const cells = tableCounterCells(c);
  if (cells > EXACT_MAX_COUNTER_CELLS) return `too large for the exact solver (${cells} table-count cells, limit ${EXACT_MAX_COUNTER_CELLS})`;
  for (let p = 0; p < c.P; p++) {
    // The encoding holds every meeting; a participant capped below its own meetings makes that impossible.
    if (c.partStart[p + 1]! - c.partStart[p]! > c.maxMeetings[p]!) return `participant ${c.participantIds[p]} cannot hold all its meetings`;
  }
  return undefined;
}

/** Cells of the per-slot table counters that the encoding would build (none where the tables cannot run out). */
export function tableCounterCells(c: Compiled): number {
  const allowedIn = meetingsAllowedPerSlot(c);
  let cells = 0;
  for (let s = 0; s < c.S; s++) if (allowedIn[s]! > c.capacity[s]!) cells += allowedIn[s]! * c.capacity[s]!;
  return cells;
}

/** How many meetings may be held in each slot: the tables need counting only where this exceeds them. */
export function meetingsAllowedPerSlot(c: Compiled): Int32Array {
  const allowedIn = new Int32Array(c.S);
  for (let i = 0; i < c.allowedSlots.length; i++) allowedIn[c.allowedSlots[i]!]!++;
  return allowedIn;
}

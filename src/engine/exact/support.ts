// Which problems the exact encoding (break-cnf.ts) can state: the portfolio asks before it gives a thread to it.
import { compile, type Compiled } from '../solver/compile.js';
import type { Problem } from '../types.js';

/** Above this size the encoding alone takes longer than the local search needs for a good answer. */
export const EXACT_MAX_MEETINGS = 1_500;

/** Why the encoding cannot stand for this problem, or undefined when it can. */
export function exactUnsupported(problem: Problem, compiled?: Compiled): string | undefined {
  if (problem.meetings.length === 0) return 'no meetings';
  if (problem.meetings.length > EXACT_MAX_MEETINGS) return `more than ${EXACT_MAX_MEETINGS} meetings`;
  const c = compiled ?? compile(problem);
  for (let m = 0; m < c.M; m++) {
    // Booths tie meetings to one table, which a count per slot does not capture.
    if (c.tableA[m]! >= 0) return 'some meetings must be held at a booth';
  }
  for (let p = 0; p < c.P; p++) {
    // The encoding holds every meeting; a participant capped below its own meetings makes that impossible.
    if (c.partStart[p + 1]! - c.partStart[p]! > c.maxMeetings[p]!) return `participant ${c.participantIds[p]} cannot hold all its meetings`;
  }
  return undefined;
}

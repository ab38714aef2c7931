// The slot assignment as an answer set program, for an exact solver (clingo) run by the services. Two questions:
// "contiguous": can every meeting be held with no participant having a break? An answer is optimal at once.
// "complete": can every meeting be held within the break cap? An answer is a start for the local search, which
// leaves meetings out when its moves cannot reach a full schedule (long precedence chains).
// Only the slots are decided here; tables, the objective's lower terms and the checking stay with the engine.
import type { StartAssignment } from '../solve.js';
import { compile, type Compiled } from '../solver/compile.js';
import { lowerBound } from '../solver/lower-bound.js';
import type { Problem } from '../types.js';

export type ExactQuestion = 'contiguous' | 'complete';

export type ExactProgram =
  | { readonly supported: true; readonly text: string }
  | { readonly supported: false; readonly why: string };

/** Above this size grounding alone takes longer than the local search needs for a good answer. */
export const EXACT_MAX_MEETINGS = 1_500;

const RULES = `
1 { at(M,S) : cand(M,S) } 1 :- meeting(M).
:- cap(S,K), #count{ M : at(M,S) } > K.
busy(P,S) :- at(M,S), part(M,P).
:- pslot(P,S), #count{ M : at(M,S), part(M,P) } > 1.
% Redundant: with every meeting held and none overlapping, a participant is busy in exactly as many slots as it
% has meetings. It lets the solver rule out a participant's pattern before any meeting is chosen.
:- need(P,N), #count{ S : busy(P,S) } != N.
run(P,S) :- busy(P,S), first(S).
run(P,S) :- busy(P,S), next(R,S), not busy(P,R).
used(P,D) :- busy(P,S), day(S,D).
:- prec(A,B), at(A,SA), at(B,SB), SA >= SB.
:- daycap(P,K), used(P,D), #count{ S : busy(P,S), day(S,D) } > K.
% Deciding who is busy when before which meeting goes where is what makes the contiguous question quick.
#heuristic busy(P,S) : pslot(P,S). [5,level]
#show at/2.
`;

const CONTIGUOUS = ':- used(P,D), #count{ S : run(P,S), day(S,D) } > 1.\n';

function breakCap(limit: number): string {
  return `:- need(P,_), #sum{ 1,S : run(P,S) ; -1,D : used(P,D) } > ${limit}.\n`;
}

/** Why the program cannot stand for this problem, or undefined when it can. */
export function exactUnsupported(problem: Problem, compiled?: Compiled): string | undefined {
  if (problem.meetings.length === 0) return 'no meetings';
  if (problem.meetings.length > EXACT_MAX_MEETINGS) return `more than ${EXACT_MAX_MEETINGS} meetings`;
  const c = compiled ?? compile(problem);
  for (let m = 0; m < c.M; m++) {
    // Booths tie meetings to one table, which a count per slot does not capture.
    if (c.tableA[m]! >= 0) return 'some meetings must be held at a booth';
  }
  for (let p = 0; p < c.P; p++) {
    if (c.partStart[p + 1]! - c.partStart[p]! > c.maxMeetings[p]!) return `participant ${c.participantIds[p]} cannot hold all its meetings`;
  }
  return undefined;
}

export function exactProgram(problem: Problem, question: ExactQuestion): ExactProgram {
  const c = compile(problem);
  const why = exactUnsupported(problem, c);
  if (why !== undefined) return { supported: false, why };
  if (question === 'contiguous' && lowerBound(c) > 0) return { supported: false, why: 'some participant cannot avoid a break' };
  const lines: string[] = [];
  for (let s = 0; s < c.S; s++) {
    lines.push(`cap(${s},${c.capacity[s]}). day(${s},${c.slotDay[s]}).`);
    if (c.slotPos[s] === 0) lines.push(`first(${s}).`);
    else lines.push(`next(${s - 1},${s}).`);
  }
  const pslots = new Set<number>();
  for (let m = 0; m < c.M; m++) {
    const a = c.ma[m]!;
    const b = c.mb[m]!;
    const slots: number[] = [];
    for (let i = c.allowedStart[m]!, end = c.allowedStart[m + 1]!; i < end; i++) {
      const s = c.allowedSlots[i]!;
      slots.push(s);
      pslots.add(a * c.S + s);
      pslots.add(b * c.S + s);
    }
    // A meeting with no allowed slot makes the whole question unanswerable, which is the truth.
    lines.push(`meeting(${m}). part(${m},${a}). part(${m},${b}).`);
    if (slots.length > 0) lines.push(`cand(${m},(${slots.join(';')})).`);
    for (let i = c.predStart[m]!, end = c.predStart[m + 1]!; i < end; i++) lines.push(`prec(${c.preds[i]},${m}).`);
  }
  for (const key of pslots) lines.push(`pslot(${Math.floor(key / c.S)},${key % c.S}).`);
  for (let p = 0; p < c.P; p++) {
    const need = c.partStart[p + 1]! - c.partStart[p]!;
    if (need === 0) continue;
    lines.push(`need(${p},${need}).`);
    if (c.maxPerDay[p]! < need) lines.push(`daycap(${p},${c.maxPerDay[p]}).`);
  }
  let rules = RULES;
  if (question === 'contiguous') rules += CONTIGUOUS;
  else if (c.maxBreaks >= 0) rules += breakCap(c.maxBreaks);
  return { supported: true, text: `${lines.join('\n')}\n${rules}` };
}

/** The slots of an answer: its `at(M,S)` atoms read back to meeting and slot ids. Unknown atoms are an error. */
export function readExactAnswer(problem: Problem, atoms: readonly string[]): StartAssignment[] {
  const assignments: StartAssignment[] = [];
  for (const atom of atoms) {
    const match = /^at\((\d+),(\d+)\)$/.exec(atom);
    const meeting = match ? problem.meetings[Number(match[1])] : undefined;
    const slot = match ? problem.slots[Number(match[2])] : undefined;
    if (!meeting || !slot) throw new Error(`readExactAnswer: "${atom}" is not an answer of this problem's program`);
    assignments.push({ meeting: meeting.id, slot: slot.id });
  }
  return assignments;
}

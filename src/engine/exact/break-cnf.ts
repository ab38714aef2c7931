// The slot assignment as a satisfiability question for a SAT solver (CaDiCaL, run by the services): "can every
// meeting be held, within the rules, with at most k breaks in total?". k is an assumption, so one solver answers a
// series of bounds and keeps what it learned between them; "no" for k proves that k + 1 breaks are unavoidable.
// Only slots are decided here; tables, the objective's lower terms and the checking stay with the engine.
import type { StartAssignment } from '../solve.js';
import { compile, type Compiled } from '../solver/compile.js';
import type { Problem } from '../types.js';
import { exactUnsupported, meetingsAllowedPerSlot } from './support.js';
import { CnfBuilder } from './cnf.js';

export interface BreakCnf {
  /** Clauses, each closed by a 0. */
  readonly clauses: Int32Array;
  /** The largest total this encoding can bound; asking for more needs no bound at all. */
  readonly widest: number;
  /** Break variables in all: no schedule can have more breaks than this. */
  readonly breakVariables: number;
  /** Literals to assume for "at most k breaks in total"; empty when any schedule qualifies. */
  readonly assumeAtMost: (k: number) => number[];
  /** The slots of a model, given as the truth of each variable (index 0 unused). */
  readonly read: (model: ArrayLike<boolean>) => StartAssignment[];
}

export interface BreakCnfOptions {
  /**
   * Also bound each slot's busy participants by twice its tables (each meeting makes two of them busy). Redundant.
   * It speeds up satisfiable questions a few breaks above the optimum, and slows down other questions, so only the
   * member that asks such questions sets it (figures at busyCounts below).
   */
  readonly busyCounts?: boolean;
}

export type BreakCnfResult =
  | { readonly supported: true; readonly cnf: BreakCnf }
  | { readonly supported: false; readonly why: string };

/**
 * Encodes the problem so that totals up to `widest` breaks can be asked for. A wider counter costs variables in
 * proportion, so the caller passes the best total it already has.
 */
export function breakCnf(problem: Problem, widest: number, options: BreakCnfOptions = {}): BreakCnfResult {
  const c = compile(problem);
  const why = exactUnsupported(problem, c);
  if (why !== undefined) return { supported: false, why };
  const f = new CnfBuilder();
  const x = meetingSlotVariables(c, f);
  const crowded = crowdedSlots(c);
  tableCounts(c, f, x, crowded);
  const breaks: number[] = [];
  const busy: Int32Array[] = [];
  for (let p = 0; p < c.P; p++) {
    const participant = participantClauses(c, f, x, p);
    breaks.push(...participant.breaks);
    busy.push(participant.busy);
  }
  if (options.busyCounts) busyCounts(c, f, busy, crowded);
  precedenceClauses(c, f, x);
  const width = Math.max(0, Math.min(widest, breaks.length));
  const outputs = f.counter(breaks, width + 1);
  const assumeAtMost = (k: number): number[] => {
    if (!Number.isInteger(k) || k < 0) throw new Error(`breakCnf: a bound of ${k} breaks cannot be asked`);
    if (k >= breaks.length) return [];
    if (k > width) throw new Error(`breakCnf: the encoding bounds totals up to ${width}, not ${k}`);
    return [-outputs[k]!];
  };
  const read = (model: ArrayLike<boolean>): StartAssignment[] => {
    const answer: StartAssignment[] = [];
    for (let m = 0; m < c.M; m++) {
      for (let i = c.allowedStart[m]!, end = c.allowedStart[m + 1]!; i < end; i++) {
        const s = c.allowedSlots[i]!;
        if (model[x[m * c.S + s]!]) {
          answer.push({ meeting: c.meetingIds[m]!, slot: c.slotIds[s]! });
          break;
        }
      }
    }
    return answer;
  };
  return {
    supported: true,
    cnf: { clauses: f.toArray(), widest: width, breakVariables: breaks.length, assumeAtMost, read },
  };
}

/** One variable per meeting and allowed slot (0 where not allowed); each meeting in exactly one slot. */
function meetingSlotVariables(c: Compiled, f: CnfBuilder): Int32Array {
  const x = new Int32Array(c.M * c.S);
  for (let m = 0; m < c.M; m++) {
    const lits: number[] = [];
    for (let i = c.allowedStart[m]!, end = c.allowedStart[m + 1]!; i < end; i++) {
      const v = f.variable();
      x[m * c.S + c.allowedSlots[i]!] = v;
      lits.push(v);
    }
    if (lits.length === 0) f.emptyClause();
    else f.clause(...lits);
    f.atMost(lits, 1);
  }
  return x;
}

/** Whether more meetings are allowed in each slot than it has tables: only there do the tables need counting. */
function crowdedSlots(c: Compiled): boolean[] {
  return Array.from(meetingsAllowedPerSlot(c), (n, s) => n > c.capacity[s]!);
}

/**
 * The tables of each slot, counted through owners: every meeting is owned by one of its two participants, who
 * holds at most one meeting per slot, so a slot's meetings are as many as the owners busy there with one of their
 * own. The counter then runs over owners rather than meetings, far fewer on the B2B instances, and the questions at
 * the optimum were answered faster than with a counter over meetings.
 */
function tableCounts(c: Compiled, f: CnfBuilder, x: Int32Array, crowded: readonly boolean[]): void {
  const owner = tableOwners(c);
  const owned: number[][] = Array.from({ length: c.P }, () => []);
  for (let m = 0; m < c.M; m++) owned[owner[m]!]!.push(m);
  for (let s = 0; s < c.S; s++) {
    if (!crowded[s]) continue;
    const lits: number[] = [];
    for (const meetings of owned) {
      const here = meetings.map((m) => x[m * c.S + s]!).filter((v) => v > 0);
      if (here.length <= 1) {
        lits.push(...here);
        continue;
      }
      // Both directions: the owner counts as busy here exactly when one of its own meetings is here.
      const y = f.variable();
      f.clause(-y, ...here);
      for (const lit of here) f.clause(-lit, y);
      lits.push(y);
    }
    f.atMost(lits, c.capacity[s]!);
  }
}

/**
 * The owner of each meeting: a small vertex cover of the meeting graph, taken greedily (the participant with most
 * meetings not yet owned owns them all, the lower index first on a tie). At events of corporates and startups the
 * corporates own nearly everything.
 */
export function tableOwners(c: Compiled): Int32Array {
  const owner = new Int32Array(c.M).fill(-1);
  const open = new Int32Array(c.P);
  for (let p = 0; p < c.P; p++) open[p] = c.partStart[p + 1]! - c.partStart[p]!;
  for (let left = c.M; left > 0; ) {
    let most = 0;
    for (let p = 1; p < c.P; p++) if (open[p]! > open[most]!) most = p;
    for (let i = c.partStart[most]!, end = c.partStart[most + 1]!; i < end; i++) {
      const m = c.partMeetings[i]!;
      if (owner[m]! >= 0) continue;
      owner[m] = most;
      left--;
      open[c.ma[m]!]!--;
      open[c.mb[m]!]!--;
    }
  }
  return owner;
}

/**
 * Each slot's busy participants, at most twice its tables: the same bound as the owners' count, stated over other
 * variables, so that the solver weighs a participant's idle slot against the tables before any meeting is placed.
 * Measured one question at a time against the owners' count alone, it helped above the optimum more often than it
 * cost, and at the optimum it helped some instances and slowed others. So only the descending member, whose
 * questions lie above the optimum, asks for it.
 */
function busyCounts(c: Compiled, f: CnfBuilder, busy: readonly Int32Array[], crowded: readonly boolean[]): void {
  for (let s = 0; s < c.S; s++) {
    if (!crowded[s]) continue;
    const lits = busy.map((b) => b[s]!).filter((v) => v > 0);
    f.atMost(lits, 2 * c.capacity[s]!);
  }
}

/**
 * One meeting per slot for the participant, its busy slots, its day caps, and its breaks: a break variable is true
 * when the participant is busy in a slot, idle in the slot before, and was busy earlier that day. Returns the break
 * variables and the busy variable of each slot (0 where the participant cannot be busy).
 */
function participantClauses(
  c: Compiled,
  f: CnfBuilder,
  x: Int32Array,
  p: number,
): { breaks: number[]; busy: Int32Array } {
  const busy = new Int32Array(c.S); // 0: never busy there
  const meetings = Array.from(c.partMeetings.subarray(c.partStart[p]!, c.partStart[p + 1]!));
  if (meetings.length === 0) return { breaks: [], busy };
  for (let s = 0; s < c.S; s++) {
    const lits = meetings.map((m) => x[m * c.S + s]!).filter((v) => v > 0);
    if (lits.length === 0) continue;
    f.atMost(lits, 1);
    const b = f.variable();
    busy[s] = b;
    f.clause(-b, ...lits);
    for (const lit of lits) f.clause(-lit, b);
  }
  // Redundant but decisive: with every meeting held, the participant is busy in exactly as many slots as it has
  // meetings, which rules out a busy pattern before any meeting is chosen (about twice as fast on the B2B set).
  const busyLits = Array.from(busy).filter((v) => v > 0);
  f.atMost(busyLits, meetings.length);
  f.atLeast(busyLits, meetings.length);
  windowCounts(c, f, busy, meetings);
  const breaks: number[] = [];
  for (let d = 0; d < c.D; d++) {
    const first = c.dayFirst[d]!;
    const end = first + c.dayLen[d]!;
    const day = Array.from(busy.subarray(first, end)).filter((v) => v > 0);
    if (c.maxPerDay[p]! < day.length) f.atMost(day, c.maxPerDay[p]!);
    const seen = new Int32Array(c.S); // "busy in this slot or earlier in the day"; 0 while never
    for (let s = first; s < end; s++) {
      const earlier = s - 2 >= first ? seen[s - 2]! : 0;
      if (busy[s]! > 0 && earlier > 0) {
        const g = f.variable();
        breaks.push(g);
        const before = busy[s - 1]!;
        if (before > 0) f.clause(-busy[s]!, before, -earlier, g);
        else f.clause(-busy[s]!, -earlier, g);
      }
      const previous = s > first ? seen[s - 1]! : 0;
      if (busy[s]! === 0) {
        seen[s] = previous;
        continue;
      }
      const v = f.variable();
      seen[s] = v;
      f.clause(-busy[s]!, v);
      if (previous > 0) f.clause(-previous, v);
    }
  }
  if (c.maxBreaks >= 0) f.atMost(breaks, c.maxBreaks);
  return { breaks, busy };
}

/** Participants with more distinct sets of allowed slots than this get the counts for the first ones only. */
const WINDOW_MAX_SETS = 8;

/**
 * Redundant as well, per set of slots that one of the participant's meetings is allowed in (a session, a day, the
 * slots around an absence): its meetings allowed only inside the set fill at least that many of its busy slots
 * there, and only meetings allowed somewhere in it can fill them. On hard B2B questions at the optimum CaDiCaL
 * answered in about half the time with these counts, and answered some that it left open without them.
 */
function windowCounts(c: Compiled, f: CnfBuilder, busy: Int32Array, meetings: readonly number[]): void {
  const sets = new Map<string, number[]>();
  for (const m of meetings) {
    const slots = Array.from(c.allowedSlots.subarray(c.allowedStart[m]!, c.allowedStart[m + 1]!));
    if (sets.size < WINDOW_MAX_SETS) sets.set(slots.join(','), slots);
  }
  const busySlots = Array.from(busy).filter((v) => v > 0).length;
  for (const slots of sets.values()) {
    const lits = slots.map((s) => busy[s]!).filter((v) => v > 0);
    if (lits.length >= busySlots) continue; // the count over all its slots already says it
    const inside = new Set(slots);
    let within = 0;
    let touching = 0;
    for (const m of meetings) {
      let all = true;
      let any = false;
      for (let i = c.allowedStart[m]!, end = c.allowedStart[m + 1]!; i < end; i++) {
        if (inside.has(c.allowedSlots[i]!)) any = true;
        else all = false;
      }
      if (all) within++;
      if (any) touching++;
    }
    f.atLeast(lits, within);
    f.atMost(lits, touching);
  }
}

/** A meeting in slot s needs each of its predecessors in a slot before s. */
function precedenceClauses(c: Compiled, f: CnfBuilder, x: Int32Array): void {
  for (let m = 0; m < c.M; m++) {
    for (let i = c.predStart[m]!, end = c.predStart[m + 1]!; i < end; i++) {
      const a = c.preds[i]!;
      for (let j = c.allowedStart[m]!, e = c.allowedStart[m + 1]!; j < e; j++) {
        const s = c.allowedSlots[j]!;
        const earlier: number[] = [];
        for (let t = 0; t < s; t++) if (x[a * c.S + t]! > 0) earlier.push(x[a * c.S + t]!);
        f.clause(-x[m * c.S + s]!, ...earlier);
      }
    }
  }
}

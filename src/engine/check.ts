// The independent judge of a schedule: re-checks the schedule file's shape and every hard rule of the spec against
// the problem, and recomputes the figures (breaks, table changes) instead of trusting the schedule's `stats`.
// It shares no code with the solver, so a solver bug cannot hide itself here.
import { countBreaks, countTableChanges, type Placement } from './breaks.js';
import { isObject } from './input-errors.js';
import type { Problem, ProblemMeeting, ProblemParticipant } from './types.js';
import { tableList } from './validate.js';

/** Every violation code, so user interfaces can translate them. */
export const VIOLATION_CODES = [
  'SHAPE',
  'FORMAT',
  'UNKNOWN_MEETING',
  'UNKNOWN_SLOT',
  'UNKNOWN_TABLE',
  'DUPLICATE_MEETING',
  'MISSING_MEETING',
  'MISSING_REASON',
  'PARTICIPANT_DOUBLE_BOOKED',
  'PARTICIPANT_UNAVAILABLE',
  'TABLE_DOUBLE_BOOKED',
  'TABLE_UNAVAILABLE',
  'WRONG_TABLE',
  'WRONG_SESSION',
  'PIN_SLOT',
  'PIN_TABLE',
  'PRECEDENCE',
  'MAX_MEETINGS',
  'MAX_PER_DAY',
  'MAX_BREAKS',
  'STATS_MISMATCH',
  'STATUS_MISMATCH',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  /** The meeting the violation is reported on, when there is one. */
  readonly meeting?: string;
  /** Every meeting involved (both of a double booking, all those over a cap): moving any of them may cure it. */
  readonly meetings?: readonly string[];
  /** The participant, for a violation about one participant. */
  readonly participant?: string;
}

interface Involved {
  readonly meetings?: readonly string[];
  readonly participant?: string;
}

export interface CheckFigures {
  meetings: number;
  scheduled: number;
  unscheduled: number;
  priorityScheduled: number;
  breaks: number;
  maxBreaks: number;
  tableChanges: number;
}

export interface CheckReport {
  readonly valid: boolean;
  readonly violations: readonly Violation[];
  readonly figures: CheckFigures;
}

const STATUSES = ['optimal', 'feasible', 'partial', 'infeasible'];
const STATS_REQUIRED = ['meetings', 'scheduled', 'breaks', 'tableChanges', 'elapsedMs'] as const;
const STATS_RECOMPUTED = ['meetings', 'scheduled', 'breaks', 'tableChanges'] as const;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

interface Placed {
  readonly meeting: ProblemMeeting;
  readonly slot: number;
  readonly table: string;
}

/** The problem, indexed once. Assumes a problem that passed `validateProblem`. */
class Index {
  readonly slotIndex = new Map<string, number>();
  readonly dayOfSlot: string[];
  readonly tableUnavailable = new Map<string, ReadonlySet<string>>();
  readonly participants = new Map<string, ProblemParticipant>();
  readonly participantUnavailable = new Map<string, ReadonlySet<string>>();
  readonly meetings = new Map<string, ProblemMeeting>();

  constructor(readonly problem: Problem) {
    problem.slots.forEach((slot, i) => this.slotIndex.set(slot.id, i));
    this.dayOfSlot = problem.slots.map((slot) => slot.day);
    for (const table of tableList(problem)) this.tableUnavailable.set(table.id, new Set(table.unavailable));
    for (const p of problem.participants) {
      this.participants.set(p.id, p);
      this.participantUnavailable.set(p.id, new Set(p.unavailable));
    }
    for (const m of problem.meetings) this.meetings.set(m.id, m);
  }

  slotId(index: number): string {
    return this.problem.slots[index]!.id;
  }
}

class Checker {
  readonly violations: Violation[] = [];
  /** Meetings already listed (assigned or unscheduled), with where: for duplicate detection. */
  readonly listed = new Map<string, string>();
  readonly placed: Placed[] = [];
  readonly unscheduled = new Set<string>();

  constructor(readonly at: Index) {}

  add(code: ViolationCode, message: string, meeting?: string, involved: Involved = {}): void {
    this.violations.push({
      code,
      message,
      ...(meeting === undefined ? {} : { meeting }),
      ...(involved.meetings === undefined ? {} : { meetings: involved.meetings }),
      ...(involved.participant === undefined ? {} : { participant: involved.participant }),
    });
  }

  /** Returns the problem's meeting when `id` is known and listed for the first time. */
  claim(id: string, path: string): ProblemMeeting | undefined {
    const meeting = this.at.meetings.get(id);
    if (!meeting) {
      this.add('UNKNOWN_MEETING', `${path}.meeting: unknown meeting "${id}"`, id);
      return undefined;
    }
    const first = this.listed.get(id);
    if (first !== undefined) {
      this.add('DUPLICATE_MEETING', `${path}: meeting "${id}" is already listed at ${first}`, id);
      return undefined;
    }
    this.listed.set(id, path);
    return meeting;
  }

  readAssignments(value: unknown): void {
    if (!Array.isArray(value)) {
      this.add('SHAPE', 'assignments: must be a list');
      return;
    }
    value.forEach((item: unknown, i) => {
      const path = `assignments[${i}]`;
      if (!isObject(item) || !isText(item.meeting) || !isText(item.slot) || !isText(item.table)) {
        this.add('SHAPE', `${path}: must be an object with string fields meeting, slot and table`);
        return;
      }
      const meeting = this.claim(item.meeting, path);
      const slot = this.at.slotIndex.get(item.slot);
      if (slot === undefined) this.add('UNKNOWN_SLOT', `${path}.slot: unknown slot "${item.slot}"`, item.meeting);
      if (!this.at.tableUnavailable.has(item.table)) {
        this.add('UNKNOWN_TABLE', `${path}.table: unknown table "${item.table}"`, item.meeting);
      } else if (meeting && slot !== undefined) this.placed.push({ meeting, slot, table: item.table });
    });
  }

  readUnscheduled(value: unknown): void {
    if (!Array.isArray(value)) {
      this.add('SHAPE', 'unscheduled: must be a list');
      return;
    }
    value.forEach((item: unknown, i) => {
      const path = `unscheduled[${i}]`;
      if (!isObject(item) || !isText(item.meeting)) {
        this.add('SHAPE', `${path}: must be an object with a string field meeting`);
        return;
      }
      if (!this.claim(item.meeting, path)) return;
      this.unscheduled.add(item.meeting);
      if (!isText(item.code) || !isText(item.reason)) {
        const message = `${path}: unscheduled meeting "${item.meeting}" needs a code and a reason`;
        this.add('MISSING_REASON', message, item.meeting);
      }
    });
  }

  checkEveryMeetingListed(): void {
    for (const meeting of this.at.problem.meetings) {
      if (!this.listed.has(meeting.id)) {
        this.add('MISSING_MEETING', `meeting "${meeting.id}" is neither in assignments nor in unscheduled`, meeting.id);
      }
    }
  }

  /** Rules 1-4 meeting by meeting: who and what is where, pins, sessions, booths, precedence. */
  checkPlacements(): void {
    const at = this.at;
    const participantAt = new Map<string, string>();
    const tableAt = new Map<string, string>();
    const slotOf = new Map(this.placed.map((p) => [p.meeting.id, p.slot]));
    for (const { meeting, slot, table } of this.placed) {
      const id = meeting.id;
      const slotId = at.slotId(slot);
      for (const person of meeting.between) {
        const other = participantAt.get(`${person}\n${slot}`);
        if (other !== undefined) {
          this.add('PARTICIPANT_DOUBLE_BOOKED', `${person} is in both ${other} and ${id} at slot ${slotId}`, id, {
            meetings: [other, id],
            participant: person,
          });
        } else participantAt.set(`${person}\n${slot}`, id);
        if (at.participantUnavailable.get(person)?.has(slotId)) {
          const message = `${id} is at slot ${slotId}, where ${person} is unavailable`;
          this.add('PARTICIPANT_UNAVAILABLE', message, id, { participant: person });
        }
      }
      const other = tableAt.get(`${table}\n${slot}`);
      if (other !== undefined) {
        const message = `table ${table} holds both ${other} and ${id} at slot ${slotId}`;
        this.add('TABLE_DOUBLE_BOOKED', message, id, { meetings: [other, id] });
      }
      else tableAt.set(`${table}\n${slot}`, id);
      if (at.tableUnavailable.get(table)?.has(slotId)) {
        this.add('TABLE_UNAVAILABLE', `${id} is at table ${table}, which is unavailable at slot ${slotId}`, id);
      }
      const booths = meeting.between.flatMap((p) => {
        const booth = at.participants.get(p)?.table;
        return booth === undefined ? [] : [`${booth} (${p})`];
      });
      if (booths.length > 0 && !meeting.between.some((p) => at.participants.get(p)?.table === table)) {
        const message = `${id} is at table ${table}, but must be at the fixed table ${booths.join(' or ')}`;
        this.add('WRONG_TABLE', message, id);
      }
      const session = at.problem.slots[slot]!.session;
      if (meeting.session !== undefined && session !== meeting.session) {
        const message = `${id} must be in session ${meeting.session}, but slot ${slotId} is in ${session ?? 'no session'}`;
        this.add('WRONG_SESSION', message, id);
      }
      if (meeting.slot !== undefined && meeting.slot !== slotId) {
        this.add('PIN_SLOT', `${id} is pinned to slot ${meeting.slot}, but is at ${slotId}`, id);
      }
      if (meeting.table !== undefined && meeting.table !== table) {
        this.add('PIN_TABLE', `${id} is pinned to table ${meeting.table}, but is at ${table}`, id);
      }
      for (const before of meeting.after ?? []) {
        const beforeSlot = slotOf.get(before);
        if (beforeSlot === undefined) {
          const message = `${id} must come after ${before}, which is not scheduled`;
          this.add('PRECEDENCE', message, id, { meetings: [before, id] });
        } else if (beforeSlot >= slot) {
          const message = `${id} (slot ${slotId}) must come after ${before} (slot ${at.slotId(beforeSlot)})`;
          this.add('PRECEDENCE', message, id, { meetings: [before, id] });
        }
      }
    }
  }

  /** Per-participant caps of rule 4, and the figures. */
  checkParticipants(): Pick<CheckFigures, 'breaks' | 'maxBreaks' | 'tableChanges'> {
    const at = this.at;
    const byParticipant = new Map<string, (Placement & { readonly meeting: string })[]>();
    for (const { meeting, slot, table } of this.placed) {
      for (const person of meeting.between) {
        const list = byParticipant.get(person) ?? [];
        list.push({ slot, table, meeting: meeting.id });
        byParticipant.set(person, list);
      }
    }
    const cap = at.problem.rules?.maxBreaksPerParticipant;
    const figures = { breaks: 0, maxBreaks: 0, tableChanges: 0 };
    for (const [person, placements] of byParticipant) {
      const participant = at.participants.get(person);
      const all = { meetings: placements.map((p) => p.meeting), participant: person };
      if (participant?.maxMeetings !== undefined && placements.length > participant.maxMeetings) {
        const message = `${person} has ${placements.length} meetings, more than maxMeetings (${participant.maxMeetings})`;
        this.add('MAX_MEETINGS', message, undefined, all);
      }
      const perDay = participant?.maxMeetingsPerDay;
      if (perDay !== undefined) {
        const byDay = new Map<string, string[]>();
        for (const { slot, meeting } of placements) {
          const day = at.dayOfSlot[slot]!;
          byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
        }
        for (const [day, meetings] of byDay) {
          if (meetings.length > perDay) {
            const message = `${person} has ${meetings.length} meetings on ${day}, more than maxMeetingsPerDay (${perDay})`;
            this.add('MAX_PER_DAY', message, undefined, { meetings, participant: person });
          }
        }
      }
      const breaks = countBreaks(
        placements.map((p) => p.slot),
        at.dayOfSlot,
      );
      if (cap !== undefined && breaks > cap) {
        const message = `${person} has ${breaks} breaks, more than maxBreaksPerParticipant (${cap})`;
        this.add('MAX_BREAKS', message, undefined, all);
      }
      figures.breaks += breaks;
      figures.maxBreaks = Math.max(figures.maxBreaks, breaks);
      if (participant?.table === undefined) figures.tableChanges += countTableChanges(placements, at.dayOfSlot);
    }
    return figures;
  }

  checkStats(stats: unknown, figures: CheckFigures): void {
    if (!isObject(stats)) {
      this.add('SHAPE', 'stats: must be an object');
      return;
    }
    for (const [key, value] of Object.entries(stats)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) this.add('SHAPE', `stats.${key}: must be a number`);
    }
    for (const key of STATS_REQUIRED) {
      if (stats[key] === undefined) this.add('SHAPE', `stats.${key}: is required`);
    }
    for (const key of STATS_RECOMPUTED) {
      const given = stats[key];
      if (typeof given === 'number' && given !== figures[key]) {
        this.add('STATS_MISMATCH', `stats.${key} is ${given}, but the schedule has ${figures[key]}`);
      }
    }
  }

  checkStatus(status: unknown): void {
    if (typeof status !== 'string' || !STATUSES.includes(status)) {
      this.add('SHAPE', `status: must be one of ${STATUSES.join(', ')}`);
    } else if (status === 'partial' && this.unscheduled.size === 0) {
      this.add('STATUS_MISMATCH', 'status is "partial", but no meeting is unscheduled');
    } else if ((status === 'optimal' || status === 'feasible') && this.unscheduled.size > 0) {
      const count = this.unscheduled.size;
      this.add('STATUS_MISMATCH', `status is "${status}", but ${count} meetings are unscheduled (that is "partial")`);
    } else if (status === 'infeasible' && this.placed.length > 0) {
      this.add('STATUS_MISMATCH', `status is "infeasible", but ${this.placed.length} meetings are scheduled`);
    }
  }
}

/** Checks `schedule` (any parsed JSON) against `problem`, which must have passed `validateProblem`. */
export function checkSchedule(problem: Problem, schedule: unknown): CheckReport {
  const checker = new Checker(new Index(problem));
  if (!isObject(schedule)) checker.add('SHAPE', 'the schedule must be a JSON object');
  else {
    if (schedule.format !== 'meetgrid.schedule/1') {
      const got = JSON.stringify(schedule.format) ?? 'nothing';
      checker.add('FORMAT', `format: must be "meetgrid.schedule/1", got ${got}`);
    }
    checker.readAssignments(schedule.assignments);
    checker.readUnscheduled(schedule.unscheduled);
    checker.checkEveryMeetingListed();
    checker.checkPlacements();
  }
  const figures: CheckFigures = {
    meetings: problem.meetings.length,
    scheduled: checker.placed.length,
    unscheduled: checker.unscheduled.size,
    priorityScheduled: checker.placed.reduce((sum, p) => sum + (p.meeting.priority ?? 1), 0),
    ...checker.checkParticipants(),
  };
  if (isObject(schedule)) {
    checker.checkStatus(schedule.status);
    checker.checkStats(schedule.stats, figures);
  }
  return { valid: checker.violations.length === 0, violations: checker.violations, figures };
}

// Why a meeting is not in a schedule: a stable code and a reason an organizer can act on, naming the participants,
// slots, sessions, tables and meetings in the way. Checks run from the most fundamental (the input alone rules the
// meeting out) to the least (it would need other meetings moved), and the first that explains everything wins.
// Each explanation also carries its facts as `params`, so a user interface can say the same in its own language.
import { countBreaks } from './breaks.js';
import { Blockers, listOf, plural, type Obstacle } from './explain-facts.js';
import { Occupancy } from './explain-occupancy.js';
import type { Assignment, Problem, ProblemMeeting, Unscheduled, UnscheduledParams } from './types.js';

/**
 * The codes of an unscheduled meeting, from the most to the least fundamental; user interfaces may translate them.
 * NEEDS_MOVES: every candidate slot is blocked, for different reasons. NOT_PLACED: it would fit as the schedule is.
 *
 * `params` of each code. `variant` names the sentence when a code has several. Every sentence about the candidate
 * slots has `count` (how many) and, when the meeting is pinned to a slot or bound to a session, `pinnedSlot` or
 * `session`. Participant ids are in `participant`, `other`, `a`, `b` and lists ending in `Participants` or
 * `participants`; meeting ids in `meetings` and lists ending in `Meetings`. Lists with one prefix are parallel:
 * entry i of each together is one fact (participant busyParticipants[i] is in meeting busyMeetings[i] in slot
 * busySlots[i]), each fact once.
 * - NO_COMMON_SLOT `unavailable` {participant}; `apart` {participant, other: the one who can attend, count};
 *   `busy` {a, b, count, busyParticipants, busyMeetings, busySlots}.
 * - NO_TABLE `noTables` {}; `noneAvailable` {count}; `unavailable` {count, pinnedTable | boothParticipants +
 *   boothTables}; `taken` {count, boothParticipants, boothTables (both empty without booths), takenTables,
 *   takenMeetings, takenSlots}.
 * - MAX_MEETINGS {participant, cap}. MAX_PER_DAY {count, fullParticipants, fullCaps, fullDays}.
 * - PRECEDENCE `unscheduled` {meetings}; `tooLate` {meetings: the latest ones, slot: theirs, count}.
 * - PIN_TAKEN `slotBusy` {slot, busy…}; `tableTaken` {table, taken…}; `slotTables` {slot, taken…}.
 * - BREAK_CAP {cap, participants, count}. NEEDS_MOVES {count, and per obstacle met the number of slots it blocks:
 *   dayCap, precedence, busy, tableTaken, breakCap}. NOT_PLACED {slot, table, a, b}.
 */
export const EXPLANATION_CODES = [
  'NO_COMMON_SLOT',
  'NO_TABLE',
  'MAX_MEETINGS',
  'PRECEDENCE',
  'MAX_PER_DAY',
  'PIN_TAKEN',
  'BREAK_CAP',
  'NEEDS_MOVES',
  'NOT_PLACED',
] as const;
export type ExplanationCode = (typeof EXPLANATION_CODES)[number];

class Diagnosis {
  private readonly a: string;
  private readonly b: string;
  private readonly scope: string;
  /** What `scope` says, as params. */
  private readonly scoped: UnscheduledParams;

  constructor(
    private readonly at: Occupancy,
    private readonly meeting: ProblemMeeting,
  ) {
    [this.a, this.b] = meeting.between;
    this.scope =
      meeting.slot !== undefined
        ? ` (pinned slot ${meeting.slot})`
        : meeting.session !== undefined
          ? ` in session ${meeting.session}`
          : '';
    this.scoped =
      meeting.slot !== undefined
        ? { pinnedSlot: meeting.slot }
        : meeting.session !== undefined
          ? { session: meeting.session }
          : {};
  }

  private result(code: ExplanationCode, reason: string, params: UnscheduledParams): Unscheduled {
    return { meeting: this.meeting.id, code, reason, params };
  }

  /** Params of a sentence about the `count` candidate slots. */
  private about(count: number, params: UnscheduledParams = {}): UnscheduledParams {
    return { count, ...this.scoped, ...params };
  }

  /** The booths the meeting must use, as params (empty lists without booths). */
  private boothParams(): UnscheduledParams {
    const owners = this.meeting.between.filter((p) => this.at.booth.has(p));
    return { boothParticipants: owners, boothTables: owners.map((p) => this.at.booth.get(p)!) };
  }

  /** What the tables the meeting may use are called in a reason. */
  private tableWords(): string {
    const m = this.meeting;
    if (m.table !== undefined) return `pinned table ${m.table}`;
    const owners = m.between.filter((p) => this.at.booth.has(p));
    if (owners.length === 0) return 'no table';
    return owners.map((p) => `fixed table ${this.at.booth.get(p)} of ${p}`).join(' and ');
  }

  run(): Unscheduled {
    const { at, meeting, a, b } = this;
    const candidates = this.at.problem.slots.flatMap((slot, i) =>
      (meeting.session === undefined || slot.session === meeting.session) &&
      (meeting.slot === undefined || slot.id === meeting.slot)
        ? [i]
        : [],
    );
    const forA = candidates.filter((s) => at.available(a, s));
    const forB = candidates.filter((s) => at.available(b, s));
    const common = forA.filter((s) => at.available(b, s));
    if (common.length === 0) {
      for (const person of [a, b]) {
        if ((person === a ? forA : forB).length > 0) continue;
        const params = { variant: 'unavailable', participant: person, ...this.scoped };
        return this.result('NO_COMMON_SLOT', `${person} is unavailable in every slot${this.scope}`, params);
      }
      const slots = `${plural(forA.length, 'slot')} ${a} can attend${this.scope}`;
      const params = this.about(forA.length, { variant: 'apart', participant: b, other: a });
      return this.result('NO_COMMON_SLOT', `${b} is unavailable in all ${slots}`, params);
    }
    const tables = at.tablesFor(meeting);
    const usable = (s: number) => tables.filter((t) => !at.tableUnavailable.get(t)?.has(at.slotId(s)));
    const open = common.filter((s) => usable(s).length > 0);
    if (open.length === 0) {
      const where = `in the ${plural(common.length, 'slot')} both can attend${this.scope}`;
      if (tables.length === 0) return this.result('NO_TABLE', 'the problem has no tables', { variant: 'noTables' });
      const owned = meeting.table !== undefined || meeting.between.some((p) => at.booth.has(p));
      const what = owned ? `${this.tableWords()} is` : 'no table is';
      const reason = `${what} ${owned ? 'unavailable' : 'available'} ${where}`;
      if (!owned) return this.result('NO_TABLE', reason, this.about(common.length, { variant: 'noneAvailable' }));
      const which = meeting.table !== undefined ? { pinnedTable: meeting.table } : this.boothParams();
      return this.result('NO_TABLE', reason, this.about(common.length, { variant: 'unavailable', ...which }));
    }
    for (const person of meeting.between) {
      const cap = this.cap(person, 'maxMeetings');
      const count = at.slotsOf(person).length;
      if (cap !== undefined && count >= cap) {
        return this.result('MAX_MEETINGS', `maxMeetings of ${person} reached (${cap})`, { participant: person, cap });
      }
    }
    const missing = (meeting.after ?? []).filter((id) => !at.placedSlot.has(id));
    if (missing.length > 0) {
      const verb = missing.length === 1 ? 'is' : 'are';
      const params = { variant: 'unscheduled', meetings: [...new Set(missing)] };
      return this.result('PRECEDENCE', `must come after ${listOf(missing)}, which ${verb} unscheduled`, params);
    }
    return this.bySlot(open, usable);
  }

  private cap(person: string, key: 'maxMeetings' | 'maxMeetingsPerDay'): number | undefined {
    return this.at.participants.get(person)?.[key];
  }

  /** Files every open slot under its first obstacle; one obstacle everywhere gives its code, a mix says so. */
  private bySlot(open: readonly number[], usable: (s: number) => string[]): Unscheduled {
    const { at } = this;
    const blockers = new Blockers();
    const filed = new Map<Obstacle, number>();
    for (const s of open) {
      const obstacle = this.obstacleAt(s, usable(s), blockers);
      if (obstacle === undefined) {
        const table = usable(s).find((t) => !at.tableAt.get(t)?.has(s))!;
        const where = `slot ${at.slotId(s)} at table ${table}`;
        const reason = `it fits without moving anything: ${where} is free for ${this.a} and ${this.b}`;
        return this.result('NOT_PLACED', reason, { slot: at.slotId(s), table, a: this.a, b: this.b });
      }
      filed.set(obstacle, (filed.get(obstacle) ?? 0) + 1);
    }
    const slots = `${plural(open.length, 'slot')} both can attend${this.scope}`;
    if (filed.size > 1) {
      const parts = [...filed].map(([obstacle, count]) => `${count} ${OBSTACLE_WORDS[obstacle]}`);
      const reason = `placing it needs other meetings moved: of the ${slots}, ${parts.join(', ')}`;
      return this.result('NEEDS_MOVES', reason, this.about(open.length, Object.fromEntries(filed)));
    }
    return this.verdict([...filed.keys()][0]!, slots, this.about(open.length), blockers);
  }

  /** The first obstacle to holding the meeting in slot `s`, noting in `blockers` who or what is in the way. */
  private obstacleAt(s: number, tables: readonly string[], blockers: Blockers): Obstacle | undefined {
    const { at, meeting } = this;
    const day = at.dayOfSlot[s]!;
    const full = meeting.between.filter((p) => {
      const cap = this.cap(p, 'maxMeetingsPerDay');
      return cap !== undefined && at.slotsOf(p).filter((x) => at.dayOfSlot[x] === day).length >= cap;
    });
    full.forEach((p) => blockers.full.add(p, String(this.cap(p, 'maxMeetingsPerDay')), day));
    if (full.length > 0) return 'dayCap';
    if (s <= this.latestBefore()) return 'precedence';
    const busy = meeting.between.filter((p) => at.participantAt.get(p)?.has(s));
    busy.forEach((p) => blockers.busy.add(p, at.participantAt.get(p)!.get(s)!, at.slotId(s)));
    if (busy.length > 0) return 'busy';
    if (tables.every((t) => at.tableAt.get(t)?.has(s))) {
      tables.forEach((t) => blockers.taken.add(t, at.tableAt.get(t)!.get(s)!, at.slotId(s)));
      return 'tableTaken';
    }
    const cap = at.problem.rules?.maxBreaksPerParticipant;
    const over = meeting.between.filter((p) => cap !== undefined && countBreaks([...at.slotsOf(p), s], at.dayOfSlot) > cap);
    over.forEach((p) => blockers.overCap.add(p));
    return over.length > 0 ? 'breakCap' : undefined;
  }

  /** The slot of the latest `after` meeting (all are placed by now), or -1. */
  private latestBefore(): number {
    return Math.max(-1, ...(this.meeting.after ?? []).map((id) => this.at.placedSlot.get(id)!));
  }

  /** The reason when the same obstacle blocks every candidate slot; `about` has the params of `slots`. */
  private verdict(obstacle: Obstacle, slots: string, about: UnscheduledParams, blockers: Blockers): Unscheduled {
    const { at, meeting } = this;
    const held = (row: readonly string[]) => `${row[1]} (${row[2]})`;
    switch (obstacle) {
      case 'dayCap': {
        const full = blockers.full.text(' on ', (row) => `${row[0]} (${row[1]})`, (row) => row[2]!);
        const params = { ...about, ...blockers.full.params() };
        return this.result('MAX_PER_DAY', `maxMeetingsPerDay is reached on every day of the ${slots}: ${full}`, params);
      }
      case 'precedence': {
        const latest = this.latestBefore();
        const last = (meeting.after ?? []).filter((id) => at.placedSlot.get(id) === latest);
        const after = `must come after ${listOf(last)} (slot ${at.slotId(latest)})`;
        const params = { ...about, variant: 'tooLate', meetings: [...new Set(last)], slot: at.slotId(latest) };
        return this.result('PRECEDENCE', `${after}, and none of the ${slots} is later`, params);
      }
      case 'busy': {
        const busy = blockers.busy.text(' is in ', (row) => row[0]!, held);
        if (meeting.slot !== undefined) {
          const params = { variant: 'slotBusy', slot: meeting.slot, ...blockers.busy.params() };
          return this.result('PIN_TAKEN', `pinned slot ${meeting.slot} is taken: ${busy}`, params);
        }
        const reason = `${this.a} and ${this.b} have no free slot in common: of the ${slots}, ${busy}`;
        const params = { ...about, variant: 'busy', a: this.a, b: this.b, ...blockers.busy.params() };
        return this.result('NO_COMMON_SLOT', reason, params);
      }
      case 'tableTaken': {
        const taken = blockers.taken.text(' by ', (row) => row[0]!, held);
        const takenParams = blockers.taken.params();
        if (meeting.table !== undefined) {
          const params = { variant: 'tableTaken', table: meeting.table, ...takenParams };
          return this.result('PIN_TAKEN', `pinned table ${meeting.table} is taken: ${taken}`, params);
        }
        if (meeting.slot !== undefined) {
          const params = { variant: 'slotTables', slot: meeting.slot, ...takenParams };
          return this.result('PIN_TAKEN', `every table at pinned slot ${meeting.slot} is taken: ${taken}`, params);
        }
        const booths = meeting.between.some((p) => at.booth.has(p)) ? ` (${this.tableWords()})` : '';
        const reason = `no table free in the ${slots.replace('can attend', 'have free')}${booths}: ${taken}`;
        return this.result('NO_TABLE', reason, { ...about, variant: 'taken', ...this.boothParams(), ...takenParams });
      }
      case 'breakCap': {
        const limit = at.problem.rules?.maxBreaksPerParticipant;
        const cap = `maxBreaksPerParticipant (${limit})`;
        const who = listOf([...blockers.overCap]);
        const params = { ...about, cap: limit!, participants: [...blockers.overCap] };
        return this.result('BREAK_CAP', `every free common slot would exceed ${cap} for ${who} (${slots})`, params);
      }
    }
  }
}

const OBSTACLE_WORDS: Readonly<Record<Obstacle, string>> = {
  dayCap: 'on a day where maxMeetingsPerDay is reached',
  precedence: 'too early for its `after` meetings',
  busy: 'with a participant in another meeting',
  tableTaken: 'with no free table',
  breakCap: 'over maxBreaksPerParticipant',
};

/**
 * Explains each of `meetingIds`, left out of `assignments` (which must respect the hard rules), with the most
 * fundamental reason that applies. Throws on an id the problem does not have: that is a caller's bug.
 */
export function explainUnscheduled(
  problem: Problem,
  assignments: readonly Assignment[],
  meetingIds: readonly string[],
): Unscheduled[] {
  const at = new Occupancy(problem, assignments, new Set(meetingIds));
  return meetingIds.map((id) => {
    const meeting = at.meetings.get(id);
    if (!meeting) throw new Error(`explainUnscheduled: unknown meeting "${id}"`);
    return new Diagnosis(at, meeting).run();
  });
}

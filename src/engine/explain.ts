// Why a meeting is not in a schedule: a stable code and a reason an organizer can act on, naming the participants,
// slots, sessions, tables and meetings in the way. Checks run from the most fundamental (the input alone rules the
// meeting out) to the least (it would need other meetings moved), and the first that explains everything wins.
import { countBreaks } from './breaks.js';
import type { Assignment, Problem, ProblemMeeting, ProblemParticipant, Unscheduled } from './types.js';
import { tableList } from './validate.js';

/**
 * The codes of an unscheduled meeting, from the most to the least fundamental; user interfaces may translate them.
 * NEEDS_MOVES: every candidate slot is blocked, for different reasons. NOT_PLACED: it would fit as the schedule is.
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

/** Per-slot obstacles, from the most fundamental; a slot is filed under the first one that applies. */
type Obstacle = 'dayCap' | 'precedence' | 'busy' | 'tableTaken' | 'breakCap';

const MAX_NAMED = 5;

function listOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  const named = unique.slice(0, MAX_NAMED).join(', ');
  return unique.length > MAX_NAMED ? `${named} and ${unique.length - MAX_NAMED} more` : named;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Items grouped under a name, written as "name joiner item, item; name joiner item". */
class Grouped {
  private readonly groups = new Map<string, string[]>();

  add(name: string, item: string): void {
    const items = this.groups.get(name) ?? [];
    if (!items.includes(item)) items.push(item);
    this.groups.set(name, items);
  }

  text(joiner: string): string {
    return [...this.groups].map(([name, items]) => `${name}${joiner}${listOf(items)}`).join('; ');
  }
}

class Occupancy {
  readonly slotIndex = new Map<string, number>();
  readonly dayOfSlot: string[];
  readonly tables: readonly string[];
  readonly tableUnavailable = new Map<string, ReadonlySet<string>>();
  readonly participantUnavailable = new Map<string, ReadonlySet<string>>();
  readonly booth = new Map<string, string>();
  readonly participants = new Map<string, ProblemParticipant>();
  readonly meetings = new Map<string, ProblemMeeting>();
  /** participant → slot position → meeting held there */
  readonly participantAt = new Map<string, Map<number, string>>();
  /** table → slot position → meeting held there */
  readonly tableAt = new Map<string, Map<number, string>>();
  readonly placedSlot = new Map<string, number>();

  constructor(
    readonly problem: Problem,
    assignments: readonly Assignment[],
    explained: ReadonlySet<string>,
  ) {
    problem.slots.forEach((slot, i) => this.slotIndex.set(slot.id, i));
    this.dayOfSlot = problem.slots.map((slot) => slot.day);
    const tables = tableList(problem);
    this.tables = tables.map((t) => t.id);
    for (const table of tables) this.tableUnavailable.set(table.id, new Set(table.unavailable));
    for (const p of problem.participants) {
      this.participantUnavailable.set(p.id, new Set(p.unavailable));
      this.participants.set(p.id, p);
      if (p.table !== undefined) this.booth.set(p.id, p.table);
    }
    for (const m of problem.meetings) this.meetings.set(m.id, m);
    for (const a of assignments) {
      const meeting = this.meetings.get(a.meeting);
      const slot = this.slotIndex.get(a.slot);
      // A meeting being explained does not stand in its own way, should the caller still list it.
      if (!meeting || slot === undefined || explained.has(a.meeting)) continue;
      this.placedSlot.set(a.meeting, slot);
      for (const person of meeting.between) this.mapOf(this.participantAt, person).set(slot, a.meeting);
      this.mapOf(this.tableAt, a.table).set(slot, a.meeting);
    }
  }

  private mapOf(maps: Map<string, Map<number, string>>, key: string): Map<number, string> {
    let map = maps.get(key);
    if (!map) maps.set(key, (map = new Map()));
    return map;
  }

  slotsOf(person: string): number[] {
    return [...(this.participantAt.get(person)?.keys() ?? [])];
  }

  slotId(index: number): string {
    return this.problem.slots[index]!.id;
  }

  available(person: string, slot: number): boolean {
    return !this.participantUnavailable.get(person)?.has(this.slotId(slot));
  }

  /** Tables the meeting may use: its pinned table, else the booth(s) of its participants, else any. */
  tablesFor(meeting: ProblemMeeting): readonly string[] {
    if (meeting.table !== undefined) return [meeting.table];
    const booths = meeting.between.flatMap((p) => (this.booth.has(p) ? [this.booth.get(p)!] : []));
    return booths.length > 0 ? [...new Set(booths)] : this.tables;
  }
}

class Diagnosis {
  private readonly a: string;
  private readonly b: string;
  private readonly scope: string;

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
  }

  private result(code: ExplanationCode, reason: string): Unscheduled {
    return { meeting: this.meeting.id, code, reason };
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
      if (forA.length === 0) return this.result('NO_COMMON_SLOT', `${a} is unavailable in every slot${this.scope}`);
      if (forB.length === 0) return this.result('NO_COMMON_SLOT', `${b} is unavailable in every slot${this.scope}`);
      const slots = `${plural(forA.length, 'slot')} ${a} can attend${this.scope}`;
      return this.result('NO_COMMON_SLOT', `${b} is unavailable in all ${slots}`);
    }
    const tables = at.tablesFor(meeting);
    const usable = (s: number) => tables.filter((t) => !at.tableUnavailable.get(t)?.has(at.slotId(s)));
    const open = common.filter((s) => usable(s).length > 0);
    if (open.length === 0) {
      const where = `in the ${plural(common.length, 'slot')} both can attend${this.scope}`;
      if (tables.length === 0) return this.result('NO_TABLE', 'the problem has no tables');
      const owned = meeting.table !== undefined || meeting.between.some((p) => at.booth.has(p));
      const what = owned ? `${this.tableWords()} is` : 'no table is';
      return this.result('NO_TABLE', `${what} ${owned ? 'unavailable' : 'available'} ${where}`);
    }
    for (const person of meeting.between) {
      const cap = this.cap(person, 'maxMeetings');
      const count = at.slotsOf(person).length;
      if (cap !== undefined && count >= cap) {
        return this.result('MAX_MEETINGS', `maxMeetings of ${person} reached (${cap})`);
      }
    }
    const missing = (meeting.after ?? []).filter((id) => !at.placedSlot.has(id));
    if (missing.length > 0) {
      const verb = missing.length === 1 ? 'is' : 'are';
      return this.result('PRECEDENCE', `must come after ${listOf(missing)}, which ${verb} unscheduled`);
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
        return this.result('NOT_PLACED', `it fits without moving anything: ${where} is free for ${this.a} and ${this.b}`);
      }
      filed.set(obstacle, (filed.get(obstacle) ?? 0) + 1);
    }
    const slots = `${plural(open.length, 'slot')} both can attend${this.scope}`;
    if (filed.size > 1) {
      const parts = [...filed].map(([obstacle, count]) => `${count} ${OBSTACLE_WORDS[obstacle]}`);
      return this.result('NEEDS_MOVES', `placing it needs other meetings moved: of the ${slots}, ${parts.join(', ')}`);
    }
    return this.verdict([...filed.keys()][0]!, slots, blockers);
  }

  /** The first obstacle to holding the meeting in slot `s`, noting in `blockers` who or what is in the way. */
  private obstacleAt(s: number, tables: readonly string[], blockers: Blockers): Obstacle | undefined {
    const { at, meeting } = this;
    const day = at.dayOfSlot[s]!;
    const full = meeting.between.filter((p) => {
      const cap = this.cap(p, 'maxMeetingsPerDay');
      return cap !== undefined && at.slotsOf(p).filter((x) => at.dayOfSlot[x] === day).length >= cap;
    });
    full.forEach((p) => blockers.fullDays.add(`${p} (${this.cap(p, 'maxMeetingsPerDay')})`, day));
    if (full.length > 0) return 'dayCap';
    if (s <= this.latestBefore()) return 'precedence';
    const busy = meeting.between.filter((p) => at.participantAt.get(p)?.has(s));
    busy.forEach((p) => blockers.busyIn.add(p, `${at.participantAt.get(p)!.get(s)} (${at.slotId(s)})`));
    if (busy.length > 0) return 'busy';
    if (tables.every((t) => at.tableAt.get(t)?.has(s))) {
      tables.forEach((t) => blockers.takenBy.add(t, `${at.tableAt.get(t)!.get(s)} (${at.slotId(s)})`));
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

  /** The reason when the same obstacle blocks every candidate slot. */
  private verdict(obstacle: Obstacle, slots: string, blockers: Blockers): Unscheduled {
    const { at, meeting } = this;
    switch (obstacle) {
      case 'dayCap':
        return this.result('MAX_PER_DAY', `maxMeetingsPerDay is reached on every day of the ${slots}: ${blockers.fullDays.text(' on ')}`);
      case 'precedence': {
        const latest = this.latestBefore();
        const last = (meeting.after ?? []).filter((id) => at.placedSlot.get(id) === latest);
        const after = `must come after ${listOf(last)} (slot ${at.slotId(latest)})`;
        return this.result('PRECEDENCE', `${after}, and none of the ${slots} is later`);
      }
      case 'busy': {
        const busy = blockers.busyIn.text(' is in ');
        if (meeting.slot !== undefined) return this.result('PIN_TAKEN', `pinned slot ${meeting.slot} is taken: ${busy}`);
        return this.result('NO_COMMON_SLOT', `${this.a} and ${this.b} have no free slot in common: of the ${slots}, ${busy}`);
      }
      case 'tableTaken': {
        const taken = blockers.takenBy.text(' by ');
        if (meeting.table !== undefined) return this.result('PIN_TAKEN', `pinned table ${meeting.table} is taken: ${taken}`);
        if (meeting.slot !== undefined) return this.result('PIN_TAKEN', `every table at pinned slot ${meeting.slot} is taken: ${taken}`);
        const booths = meeting.between.some((p) => at.booth.has(p)) ? ` (${this.tableWords()})` : '';
        return this.result('NO_TABLE', `no table free in the ${slots.replace('can attend', 'have free')}${booths}: ${taken}`);
      }
      case 'breakCap': {
        const cap = `maxBreaksPerParticipant (${at.problem.rules?.maxBreaksPerParticipant})`;
        const who = listOf([...blockers.overCap]);
        return this.result('BREAK_CAP', `every free common slot would exceed ${cap} for ${who} (${slots})`);
      }
    }
  }
}

/** Who or what stands in the way, grouped by participant or table, for the reason text. */
class Blockers {
  readonly fullDays = new Grouped();
  readonly busyIn = new Grouped();
  readonly takenBy = new Grouped();
  readonly overCap = new Set<string>();
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

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
      return this.result('NO_COMMON_SLOT', `${b} is unavailable in all ${plural(forA.length, 'slot')} ${a} can attend${this.scope}`);
    }
    const tables = at.tablesFor(meeting);
    const usable = (s: number) => tables.filter((t) => !at.tableUnavailable.get(t)?.has(at.slotId(s)));
    const open = common.filter((s) => usable(s).length > 0);
    if (open.length === 0) {
      const where = `in the ${plural(common.length, 'slot')} both can attend${this.scope}`;
      if (tables.length === 0) return this.result('NO_TABLE', 'the problem has no tables');
      const owned = meeting.table !== undefined || meeting.between.some((p) => at.booth.has(p));
      return this.result('NO_TABLE', owned ? `${this.tableWords()} is unavailable ${where}` : `no table is available ${where}`);
    }
    for (const person of meeting.between) {
      const cap = this.cap(person, 'maxMeetings');
      const count = at.slotsOf(person).length;
      if (cap !== undefined && count >= cap) return this.result('MAX_MEETINGS', `maxMeetings of ${person} reached (${cap})`);
    }
    const missing = (meeting.after ?? []).filter((id) => !at.placedSlot.has(id));
    if (missing.length > 0) {
      return this.result('PRECEDENCE', `must come after ${listOf(missing)}, which ${missing.length === 1 ? 'is' : 'are'} unscheduled`);
    }
    return this.bySlot(open, usable);
  }

  private cap(person: string, key: 'maxMeetings' | 'maxMeetingsPerDay'): number | undefined {
    return this.at.participants.get(person)?.[key];
  }

  /** Files every open slot under its first obstacle; one obstacle everywhere gives its code, a mix says so. */
  private bySlot(open: readonly number[], usable: (s: number) => string[]): Unscheduled {
    const { at, meeting } = this;
    const latestBefore = Math.max(-1, ...(meeting.after ?? []).map((id) => at.placedSlot.get(id)!));
    const breakCap = at.problem.rules?.maxBreaksPerParticipant;
    const filed = new Map<Obstacle, number[]>();
    // What blocks the slots, grouped by participant (days, meetings) or by table, for the reason text.
    const fullDays = new Grouped();
    const busyIn = new Grouped();
    const takenBy = new Grouped();
    const overCap = new Set<string>();
    for (const s of open) {
      const day = at.dayOfSlot[s]!;
      const obstacle = ((): Obstacle | undefined => {
        const full = meeting.between.filter((p) => {
          const cap = this.cap(p, 'maxMeetingsPerDay');
          return cap !== undefined && at.slotsOf(p).filter((x) => at.dayOfSlot[x] === day).length >= cap;
        });
        full.forEach((p) => fullDays.add(`${p} (${this.cap(p, 'maxMeetingsPerDay')})`, day));
        if (full.length > 0) return 'dayCap';
        if (s <= latestBefore) return 'precedence';
        const busy = meeting.between.filter((p) => at.participantAt.get(p)?.has(s));
        busy.forEach((p) => busyIn.add(p, `${at.participantAt.get(p)!.get(s)} (${at.slotId(s)})`));
        if (busy.length > 0) return 'busy';
        const tables = usable(s);
        const free = tables.filter((t) => !at.tableAt.get(t)?.has(s));
        if (free.length === 0) {
          tables.forEach((t) => takenBy.add(t, `${at.tableAt.get(t)!.get(s)} (${at.slotId(s)})`));
          return 'tableTaken';
        }
        const over = breakCap === undefined ? [] : meeting.between.filter((p) => countBreaks([...at.slotsOf(p), s], at.dayOfSlot) > breakCap);
        over.forEach((p) => overCap.add(p));
        if (over.length > 0) return 'breakCap';
        return undefined;
      })();
      if (obstacle === undefined) {
        const table = usable(s).find((t) => !at.tableAt.get(t)?.has(s))!;
        return this.result(
          'NOT_PLACED',
          `it fits without moving anything: slot ${at.slotId(s)} at table ${table} is free for ${this.a} and ${this.b}`,
        );
      }
      filed.set(obstacle, [...(filed.get(obstacle) ?? []), s]);
    }
    const n = plural(open.length, 'slot');
    if (filed.size > 1) {
      const parts = [...filed].map(([obstacle, slots]) => `${slots.length} ${OBSTACLE_WORDS[obstacle]}`);
      return this.result(
        'NEEDS_MOVES',
        `placing it needs other meetings moved: of the ${n} both can attend${this.scope}, ${parts.join(', ')}`,
      );
    }
    const [obstacle] = [...filed.keys()] as [Obstacle];
    switch (obstacle) {
      case 'dayCap':
        return this.result('MAX_PER_DAY', `maxMeetingsPerDay is reached on every day of the ${n} both can attend${this.scope}: ${fullDays.text(' on ')}`);
      case 'precedence': {
        const last = (meeting.after ?? []).filter((id) => at.placedSlot.get(id) === latestBefore);
        return this.result('PRECEDENCE', `must come after ${listOf(last)} (slot ${at.slotId(latestBefore)}), and none of the ${n} both can attend${this.scope} is later`);
      }
      case 'busy':
        if (meeting.slot !== undefined) return this.result('PIN_TAKEN', `pinned slot ${meeting.slot} is taken: ${busyIn.text(' is in ')}`);
        return this.result('NO_COMMON_SLOT', `${this.a} and ${this.b} have no free slot in common${this.scope}: of the ${n} both can attend, ${busyIn.text(' is in ')}`);
      case 'tableTaken':
        if (meeting.slot !== undefined || meeting.table !== undefined) {
          return this.result('PIN_TAKEN', `${meeting.table !== undefined ? `pinned table ${meeting.table}` : `every table at pinned slot ${meeting.slot}`} is taken: ${takenBy.text(' by ')}`);
        }
        return this.result('NO_TABLE', `no table free in the ${n} both have free${this.scope}${this.at.booth.has(this.a) || this.at.booth.has(this.b) ? ` (${this.tableWords()})` : ''}: ${takenBy.text(' by ')}`);
      case 'breakCap':
        return this.result('BREAK_CAP', `every free common slot (${n}) would exceed maxBreaksPerParticipant (${at.problem.rules?.maxBreaksPerParticipant}) for ${listOf([...overCap])}`);
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
export function explainUnscheduled(problem: Problem, assignments: readonly Assignment[], meetingIds: readonly string[]): Unscheduled[] {
  const at = new Occupancy(problem, assignments, new Set(meetingIds));
  return meetingIds.map((id) => {
    const meeting = at.meetings.get(id);
    if (!meeting) throw new Error(`explainUnscheduled: unknown meeting "${id}"`);
    return new Diagnosis(at, meeting).run();
  });
}

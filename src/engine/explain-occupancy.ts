// Where everything already is, for explaining unscheduled meetings: which participant and table hold which slot,
// who may attend when, and which tables a meeting may use.
import type { Assignment, Problem, ProblemMeeting, ProblemParticipant } from './types.js';
import { tableList } from './validate.js';

/** The schedule as placed so far, indexed for the questions the explanations ask. */
export class Occupancy {
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

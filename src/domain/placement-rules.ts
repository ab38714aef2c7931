// The engine's hard rules (spec: "What a schedule must respect"), asked one placement at a time: may this meeting go
// to this slot and table, given where the others are? Manual edits use it to show the allowed targets before a move
// and to name the reason of a refusal; the independent checker then confirms the edited schedule as a whole.
import { countBreaks } from '../engine/index.js';
import { tableList } from '../engine/index.js';
import type { Problem, ProblemMeeting, ProblemParticipant, Schedule } from '../engine/index.js';

/** Why a placement is refused: a stable code (the i18n key suffix) and the ids it concerns. */
export interface Conflict {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

interface Place {
  readonly slot: number;
  readonly table: string;
}

export class Placements {
  private readonly slotIndex = new Map<string, number>();
  private readonly dayOfSlot: string[];
  private readonly participants = new Map<string, ProblemParticipant>();
  private readonly personUnavailable = new Map<string, ReadonlySet<string>>();
  private readonly tableUnavailable = new Map<string, ReadonlySet<string>>();
  readonly meetings = new Map<string, ProblemMeeting>();
  private readonly placeOf = new Map<string, Place>();
  private readonly personAt = new Map<string, string>();
  private readonly tableAt = new Map<string, string>();
  /** Per participant, the slot of each of their placed meetings. */
  private readonly slotsByPerson = new Map<string, Map<string, number>>();

  constructor(
    readonly problem: Problem,
    schedule: Pick<Schedule, 'assignments'>,
  ) {
    problem.slots.forEach((slot, index) => this.slotIndex.set(slot.id, index));
    this.dayOfSlot = problem.slots.map((slot) => slot.day);
    for (const participant of problem.participants) {
      this.participants.set(participant.id, participant);
      this.personUnavailable.set(participant.id, new Set(participant.unavailable));
    }
    for (const table of tableList(problem)) this.tableUnavailable.set(table.id, new Set(table.unavailable));
    for (const meeting of problem.meetings) this.meetings.set(meeting.id, meeting);
    for (const assignment of schedule.assignments) this.add(assignment.meeting, assignment.slot, assignment.table);
  }

  slotOf(meetingId: string): string | null {
    const place = this.placeOf.get(meetingId);
    return place ? this.problem.slots[place.slot]!.id : null;
  }

  tableOf(meetingId: string): string | null {
    return this.placeOf.get(meetingId)?.table ?? null;
  }

  /** The meeting at a table in a slot, if any. */
  meetingAt(slotId: string, table: string): string | null {
    const slot = this.slotIndex.get(slotId);
    return slot === undefined ? null : (this.tableAt.get(key(table, slot)) ?? null);
  }

  add(meetingId: string, slotId: string, table: string): void {
    const meeting = this.meetings.get(meetingId);
    const slot = this.slotIndex.get(slotId);
    if (!meeting || slot === undefined) return;
    this.placeOf.set(meetingId, { slot, table });
    for (const person of meeting.between) {
      this.personAt.set(key(person, slot), meetingId);
      const own = this.slotsByPerson.get(person) ?? new Map<string, number>();
      own.set(meetingId, slot);
      this.slotsByPerson.set(person, own);
    }
    this.tableAt.set(key(table, slot), meetingId);
  }

  remove(meetingId: string): void {
    const place = this.placeOf.get(meetingId);
    const meeting = this.meetings.get(meetingId);
    if (!place || !meeting) return;
    this.placeOf.delete(meetingId);
    for (const person of meeting.between) {
      this.personAt.delete(key(person, place.slot));
      this.slotsByPerson.get(person)?.delete(meetingId);
    }
    this.tableAt.delete(key(place.table, place.slot));
  }

  get assignments(): { meeting: string; slot: string; table: string }[] {
    return [...this.placeOf].map(([meeting, place]) => ({
      meeting,
      slot: this.problem.slots[place.slot]!.id,
      table: place.table,
    }));
  }

  /** Every hard rule the meeting (currently not placed) would break at this slot and table; empty when allowed. */
  conflicts(meetingId: string, slotId: string, table: string): Conflict[] {
    const meeting = this.meetings.get(meetingId);
    const slot = this.slotIndex.get(slotId);
    if (!meeting) return [{ code: 'unknownMeeting', params: { meeting: meetingId } }];
    if (slot === undefined) return [{ code: 'unknownSlot', params: { slot: slotId } }];
    if (!this.tableUnavailable.has(table)) return [{ code: 'unknownTable', params: { table } }];
    const found: Conflict[] = [];
    const session = this.problem.slots[slot]!.session;
    if (meeting.session !== undefined && meeting.session !== session) {
      found.push({ code: 'session', params: { session: meeting.session, slot: slotId } });
    }
    if (meeting.slot !== undefined && meeting.slot !== slotId) {
      found.push({ code: 'pinnedSlot', params: { slot: meeting.slot } });
    }
    if (meeting.table !== undefined && meeting.table !== table) {
      found.push({ code: 'pinnedTable', params: { table: meeting.table } });
    }
    if (this.tableUnavailable.get(table)!.has(slotId)) {
      found.push({ code: 'tableUnavailable', params: { table, slot: slotId } });
    }
    const occupant = this.tableAt.get(key(table, slot));
    if (occupant !== undefined && occupant !== meetingId) {
      found.push({ code: 'tableTaken', params: { table, slot: slotId, other: this.pair(occupant) } });
    }
    const booths = meeting.between
      .map((person) => this.participants.get(person)?.table)
      .filter((booth): booth is string => booth !== undefined);
    if (booths.length > 0 && !booths.includes(table)) {
      found.push({ code: 'booth', params: { tables: booths.join(', ') } });
    }
    for (const person of meeting.between) found.push(...this.personConflicts(person, meetingId, slot, slotId));
    return found;
  }

  private personConflicts(person: string, meetingId: string, slot: number, slotId: string): Conflict[] {
    const found: Conflict[] = [];
    if (this.personUnavailable.get(person)?.has(slotId)) {
      found.push({ code: 'participantUnavailable', params: { participant: person, slot: slotId } });
    }
    const busy = this.personAt.get(key(person, slot));
    if (busy !== undefined && busy !== meetingId) {
      found.push({ code: 'participantBusy', params: { participant: person, slot: slotId, other: this.pair(busy) } });
    }
    const slots = this.slotsOf(person, meetingId);
    const participant = this.participants.get(person);
    if (participant?.maxMeetings !== undefined && slots.length + 1 > participant.maxMeetings) {
      found.push({ code: 'maxMeetings', params: { participant: person, max: participant.maxMeetings } });
    }
    const day = this.dayOfSlot[slot]!;
    if (
      participant?.maxMeetingsPerDay !== undefined &&
      slots.filter((other) => this.dayOfSlot[other] === day).length + 1 > participant.maxMeetingsPerDay
    ) {
      found.push({ code: 'maxPerDay', params: { participant: person, max: participant.maxMeetingsPerDay, day } });
    }
    const cap = this.problem.rules?.maxBreaksPerParticipant;
    if (cap !== undefined && countBreaks([...slots, slot], this.dayOfSlot) > cap) {
      found.push({ code: 'maxBreaks', params: { participant: person, max: cap } });
    }
    return found;
  }

  /** Slots of the participant's placed meetings other than `except`. */
  private slotsOf(person: string, except: string): number[] {
    const slots: number[] = [];
    for (const [meetingId, slot] of this.slotsByPerson.get(person) ?? []) if (meetingId !== except) slots.push(slot);
    return slots;
  }

  private pair(meetingId: string): string {
    return this.meetings.get(meetingId)?.between.join(' – ') ?? meetingId;
  }
}

function key(owner: string, slot: number): string {
  return `${owner}\n${slot}`;
}

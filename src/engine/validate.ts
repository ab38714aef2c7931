// Checks a `meetgrid.problem/1` document against every rule of the format's field table, collecting all errors,
// each with the JSON path of the offending field, so a user can fix a file in one pass.
import { Collector, isObject, isWhole, join, type InputError, type Kind, type Obj } from './input-errors.js';
import type { Problem, ProblemTable } from './types.js';

export { formatInputError, type InputError } from './input-errors.js';

export type ValidationResult = { ok: true; problem: Problem } | { ok: false; errors: readonly InputError[] };

const tableListCache = new WeakMap<Problem, readonly ProblemTable[]>();

/** The problem's tables as a list, whether the file gives a list or a count N (tables "T1".."TN"). */
export function tableList(problem: Problem): readonly ProblemTable[] {
  if (typeof problem.tables !== 'number') return problem.tables;
  let list = tableListCache.get(problem);
  if (!list) {
    list = Array.from({ length: problem.tables }, (_, i) => ({ id: `T${i + 1}` }));
    tableListCache.set(problem, list);
  }
  return list;
}

const FIELDS = {
  problem: ['format', 'name', 'timezone', 'slots', 'tables', 'participants', 'meetings', 'rules'],
  slot: ['id', 'day', 'start', 'end', 'session'],
  table: ['id', 'room', 'unavailable'],
  participant: ['id', 'name', 'role', 'table', 'unavailable', 'maxMeetings', 'maxMeetingsPerDay'],
  meeting: ['id', 'between', 'priority', 'session', 'slot', 'table', 'after'],
  rules: ['maxBreaksPerParticipant'],
} as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isValidDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

interface SlotInfo {
  readonly index: number;
  readonly session?: string;
}

interface ParticipantInfo {
  readonly table?: string;
  readonly unavailable: Set<string>;
}

interface MeetingInfo {
  readonly path: string;
  readonly slot?: string;
  readonly after: { readonly id: string; readonly path: string }[];
}

function validateSlots(c: Collector, slots: unknown[]): Map<string, SlotInfo> {
  const seen = new Map<string, string>();
  const info = new Map<string, SlotInfo>();
  const dayStart = new Map<string, number>();
  let previous: { day: string; start: string; end: string; index: number } | undefined;
  slots.forEach((slot, index) => {
    const path = `slots[${index}]`;
    if (!isObject(slot)) {
      c.fail(path, 'must be an object');
      c.markIncomplete('slot');
      return;
    }
    c.unknownFields(slot, path, FIELDS.slot);
    const id = c.id(slot, path, seen, 'slot');
    const session = c.optionalString(slot, 'session', path);
    if (id !== undefined && !info.has(id)) info.set(id, { index, session });
    const { day, start, end } = slot;
    let ok = true;
    if (typeof day !== 'string' || !isValidDay(day)) {
      c.fail(`${path}.day`, 'must be a date YYYY-MM-DD');
      ok = false;
    }
    for (const [key, time] of [['start', start] as const, ['end', end] as const]) {
      if (typeof time !== 'string' || !TIME.test(time)) {
        c.fail(`${path}.${key}`, 'must be a time HH:MM (00:00 to 23:59)');
        ok = false;
      }
    }
    if (!ok) return;
    const [d, s, e] = [day as string, start as string, end as string];
    if (e <= s) c.fail(`${path}.end`, `must be after start (${s})`);
    if (previous && previous.day !== d) {
      const first = dayStart.get(d);
      if (first !== undefined) {
        const ended = `day ${d} already ended at slots[${previous.index}]`;
        c.fail(`${path}.day`, `slots of day ${d} must be consecutive (${ended})`);
      } else if (d < previous.day) {
        c.fail(`${path}.day`, `slots must be in chronological order (${d} comes after ${previous.day})`);
      }
    } else if (previous) {
      if (s < previous.start) {
        const before = `${s} is before slots[${previous.index}] at ${previous.start}`;
        c.fail(`${path}.start`, `slots must be in chronological order (${before})`);
      } else if (s < previous.end) {
        c.fail(`${path}.start`, `overlaps slots[${previous.index}] (${previous.start}-${previous.end})`);
      }
    }
    if (!dayStart.has(d)) dayStart.set(d, index);
    previous = { day: d, start: s, end: e, index };
  });
  return info;
}

function validateTables(c: Collector, tables: unknown, slots: ReadonlyMap<string, SlotInfo>): Map<string, Set<string>> {
  const info = new Map<string, Set<string>>();
  if (isWhole(tables, 0)) {
    for (let i = 1; i <= tables; i++) info.set(`T${i}`, new Set());
    return info;
  }
  if (!Array.isArray(tables)) {
    c.fail('tables', tables === undefined ? 'is required' : 'must be a list of tables or a whole number >= 0');
    c.markIncomplete('table');
    return info;
  }
  const seen = new Map<string, string>();
  tables.forEach((table: unknown, index) => {
    const path = `tables[${index}]`;
    if (!isObject(table)) {
      c.fail(path, 'must be an object');
      c.markIncomplete('table');
      return;
    }
    c.unknownFields(table, path, FIELDS.table);
    const id = c.id(table, path, seen, 'table');
    c.optionalString(table, 'room', path);
    const unavailable = c.slotList(table, 'unavailable', path, slots);
    if (id !== undefined && !info.has(id)) info.set(id, unavailable);
  });
  return info;
}

function validateParticipants(
  c: Collector,
  participants: unknown[],
  slots: ReadonlyMap<string, SlotInfo>,
  tables: ReadonlyMap<string, Set<string>>,
): Map<string, ParticipantInfo> {
  const seen = new Map<string, string>();
  const info = new Map<string, ParticipantInfo>();
  participants.forEach((participant, index) => {
    const path = `participants[${index}]`;
    if (!isObject(participant)) {
      c.fail(path, 'must be an object');
      c.markIncomplete('participant');
      return;
    }
    c.unknownFields(participant, path, FIELDS.participant);
    const id = c.id(participant, path, seen, 'participant');
    c.optionalString(participant, 'name', path);
    c.optionalString(participant, 'role', path);
    let table = c.optionalString(participant, 'table', path);
    if (table !== undefined && !tables.has(table)) {
      c.unknown(`${path}.table`, 'table', table);
      table = undefined;
    }
    const unavailable = c.slotList(participant, 'unavailable', path, slots);
    c.optionalWhole(participant, 'maxMeetings', path, 0);
    c.optionalWhole(participant, 'maxMeetingsPerDay', path, 0);
    if (id !== undefined && !info.has(id)) info.set(id, { table, unavailable });
  });
  return info;
}

interface Lookups {
  readonly slots: ReadonlyMap<string, SlotInfo>;
  readonly sessions: ReadonlySet<string>;
  readonly tables: ReadonlyMap<string, Set<string>>;
  readonly participants: ReadonlyMap<string, ParticipantInfo>;
}

function validateMeeting(c: Collector, meeting: Obj, path: string, at: Lookups): MeetingInfo {
  c.unknownFields(meeting, path, FIELDS.meeting);
  const between = meeting.between;
  const pair: { id: string; info: ParticipantInfo }[] = [];
  if (!Array.isArray(between) || between.length !== 2) {
    c.fail(`${path}.between`, 'must be a list of exactly two participant ids');
  } else {
    between.forEach((id: unknown, i) => {
      if (typeof id !== 'string') c.fail(`${path}.between[${i}]`, 'must be a participant id (string)');
      else {
        const info = at.participants.get(id);
        if (!info) c.unknown(`${path}.between[${i}]`, 'participant', id);
        else pair.push({ id, info });
      }
    });
    if (between[0] === between[1] && typeof between[0] === 'string') {
      c.fail(`${path}.between`, `must name two different participants (both are "${between[0]}")`);
    }
  }
  c.optionalWhole(meeting, 'priority', path, 1);
  const session = c.optionalString(meeting, 'session', path);
  if (session !== undefined && !at.sessions.has(session) && c.isComplete('slot')) {
    c.fail(`${path}.session`, `no slot has session "${session}"`);
  }
  let slot = c.optionalString(meeting, 'slot', path);
  if (slot !== undefined && !at.slots.has(slot)) {
    c.unknown(`${path}.slot`, 'slot', slot);
    slot = undefined;
  }
  let table = c.optionalString(meeting, 'table', path);
  if (table !== undefined && !at.tables.has(table)) {
    c.unknown(`${path}.table`, 'table', table);
    table = undefined;
  }
  if (slot !== undefined) {
    const slotSession = at.slots.get(slot)?.session;
    if (session !== undefined && slotSession !== session) {
      c.fail(`${path}.slot`, `pinned slot "${slot}" is not in session "${session}"`);
    }
    for (const { id, info } of pair) {
      if (info.unavailable.has(slot)) {
        c.fail(`${path}.slot`, `pinned slot "${slot}" is unavailable for participant "${id}"`);
      }
    }
    if (table !== undefined && at.tables.get(table)?.has(slot)) {
      c.fail(`${path}.table`, `pinned table "${table}" is unavailable in pinned slot "${slot}"`);
    }
  }
  const booths = [...new Set(pair.flatMap(({ info }) => (info.table === undefined ? [] : [info.table])))];
  if (booths.length > 0 && pair.length === 2) {
    const owners = pair.filter(({ info }) => info.table !== undefined).map(({ id }) => `"${id}"`);
    if (table !== undefined && !booths.includes(table)) {
      const allowed = booths.map((b) => `"${b}"`).join(' or ');
      c.fail(`${path}.table`, `pinned table "${table}" contradicts the fixed table (booth) of ${owners.join(' and ')}: ${allowed}`);
    }
    if (slot !== undefined && table === undefined && booths.every((booth) => at.tables.get(booth)?.has(slot!))) {
      const fixed = `fixed table ${booths.map((b) => `"${b}"`).join(' and ')} of ${owners.join(' and ')}`;
      c.fail(`${path}.slot`, `${fixed} unavailable in pinned slot "${slot}"`);
    }
  }
  const after: { id: string; path: string }[] = [];
  if (meeting.after !== undefined) {
    if (!Array.isArray(meeting.after)) c.fail(`${path}.after`, 'must be a list of meeting ids');
    else {
      meeting.after.forEach((id: unknown, i) => {
        if (typeof id !== 'string') c.fail(`${path}.after[${i}]`, 'must be a meeting id (string)');
        else after.push({ id, path: `${path}.after[${i}]` });
      });
    }
  }
  return { path, slot, after };
}

/** Unknown `after` ids, pins that contradict an `after`, and cycles (each named once, through its meetings). */
function validatePrecedence(
  c: Collector,
  meetings: ReadonlyMap<string, MeetingInfo>,
  slots: ReadonlyMap<string, SlotInfo>,
): void {
  for (const [id, meeting] of meetings) {
    for (const edge of meeting.after) {
      const before = meetings.get(edge.id);
      if (!before) c.unknown(edge.path, 'meeting', edge.id);
      else if (before.slot !== undefined && meeting.slot !== undefined && edge.id !== id) {
        const [a, b] = [slots.get(before.slot)!.index, slots.get(meeting.slot)!.index];
        if (a >= b) {
          const message = `"${edge.id}" is pinned to slot "${before.slot}", not earlier than this meeting's pinned slot "${meeting.slot}"`;
          c.fail(edge.path, message);
        }
      }
    }
  }
  // Iterative depth-first search: white (absent), grey (on the stack), black (done).
  const state = new Map<string, 'grey' | 'black'>();
  for (const root of meetings.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'grey');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = meetings.get(frame.id)!.after;
      if (frame.next >= edges.length) {
        state.set(frame.id, 'black');
        stack.pop();
        continue;
      }
      const edge = edges[frame.next++]!;
      if (!meetings.has(edge.id)) continue;
      const seen = state.get(edge.id);
      if (seen === 'grey') {
        const from = stack.findIndex((f) => f.id === edge.id);
        const cycle = [...stack.slice(from).map((f) => f.id), edge.id];
        c.fail(edge.path, `"after" forms a cycle: ${cycle.map((m) => `"${m}"`).join(' → ')}`);
      } else if (seen === undefined) {
        state.set(edge.id, 'grey');
        stack.push({ id: edge.id, next: 0 });
      }
    }
  }
}

export function validateProblem(input: unknown): ValidationResult {
  const c = new Collector();
  if (!isObject(input)) {
    return { ok: false, errors: [{ path: '', message: 'the problem must be a JSON object' }] };
  }
  c.unknownFields(input, '', FIELDS.problem);
  if (input.format !== 'meetgrid.problem/1') {
    c.fail('format', `must be "meetgrid.problem/1", got ${JSON.stringify(input.format) ?? 'nothing'}`);
  }
  c.optionalString(input, 'name', '');
  const timezone = c.optionalString(input, 'timezone', '');
  if (timezone !== undefined && !isTimeZone(timezone)) c.fail('timezone', `unknown IANA time zone "${timezone}"`);

  const slots = validateSlots(c, c.list(input, 'slots', 'slot'));
  const sessions = new Set([...slots.values()].flatMap((s) => (s.session === undefined ? [] : [s.session])));
  const tables = validateTables(c, input.tables, slots);
  const participants = validateParticipants(c, c.list(input, 'participants', 'participant'), slots, tables);
  const lookups: Lookups = { slots, sessions, tables, participants };

  const seen = new Map<string, string>();
  const meetings = new Map<string, MeetingInfo>();
  c.list(input, 'meetings', 'meeting').forEach((meeting, index) => {
    const path = `meetings[${index}]`;
    if (!isObject(meeting)) {
      c.fail(path, 'must be an object');
      c.markIncomplete('meeting');
      return;
    }
    const id = c.id(meeting, path, seen, 'meeting');
    const info = validateMeeting(c, meeting, path, lookups);
    if (id !== undefined && !meetings.has(id)) meetings.set(id, info);
  });
  validatePrecedence(c, meetings, slots);

  if (input.rules !== undefined) {
    if (!isObject(input.rules)) c.fail('rules', 'must be an object');
    else {
      c.unknownFields(input.rules, 'rules', FIELDS.rules);
      c.optionalWhole(input.rules, 'maxBreaksPerParticipant', 'rules', 0);
    }
  }
  return c.errors.length === 0 ? { ok: true, problem: input as unknown as Problem } : { ok: false, errors: c.errors };
}

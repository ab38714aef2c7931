// Turns a validated problem into dense integer arrays so the search never touches strings or objects.
import type { Problem, Schedule } from '../types.js';

export interface Compiled {
  readonly problem: Problem;
  readonly S: number; // slots
  readonly D: number; // days
  readonly P: number; // participants
  readonly T: number; // tables
  readonly M: number; // meetings
  readonly slotDay: Int32Array;
  readonly slotPos: Int32Array; // position of the slot within its day
  readonly dayFirst: Int32Array; // first slot of each day
  readonly dayLen: Int32Array;
  /** Words of a participant's day masks: day d occupies words dayWord[d] .. dayWord[d] + ceil(dayLen/32) - 1. */
  readonly dayWord: Int32Array;
  readonly W: number; // words per participant
  readonly slotIds: readonly string[];
  readonly tableIds: readonly string[];
  readonly participantIds: readonly string[];
  readonly meetingIds: readonly string[];
  readonly tableAvail: Uint8Array; // t * S + s
  readonly isBooth: Uint8Array; // per table: some participant's fixed table
  readonly capacity: Int32Array; // per slot: available tables
  readonly booth: Int32Array; // per participant, -1 none
  readonly maxMeetings: Int32Array;
  readonly maxPerDay: Int32Array;
  readonly ma: Int32Array; // first participant of each meeting
  readonly mb: Int32Array;
  readonly priority: Float64Array;
  /** Table options: -1 = any table; otherwise the meeting must use tableA (or tableB when >= 0). */
  readonly tableA: Int32Array;
  readonly tableB: Int32Array;
  readonly allowed: Uint8Array; // m * S + s
  readonly allowedStart: Int32Array; // CSR of allowed slots per meeting
  readonly allowedSlots: Int32Array;
  readonly predStart: Int32Array; // CSR: meetings that must be strictly earlier
  readonly preds: Int32Array;
  readonly succStart: Int32Array;
  readonly succs: Int32Array;
  readonly partStart: Int32Array; // CSR: meetings of each participant
  readonly partMeetings: Int32Array;
  readonly maxBreaks: number; // -1 = no cap
  readonly prevSlot: Int32Array; // re-planning: previous slot, -1 none
  readonly prevTable: Int32Array;
}

const NO_LIMIT = 0x3fffffff;

function csr(n: number, lists: readonly (readonly number[])[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + (lists[i]?.length ?? 0);
  const items = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) items.set(lists[i] ?? [], start[i]!);
  return { start, items };
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, i) => map.set(id, i));
  return map;
}

function need(map: Map<string, number>, id: string, what: string): number {
  const i = map.get(id);
  if (i === undefined) throw new Error(`solve: unknown ${what} "${id}" (validate the problem first)`);
  return i;
}

export function compile(problem: Problem, previous?: Schedule): Compiled {
  const slotIds = problem.slots.map((s) => s.id);
  const S = slotIds.length;
  const slotIndex = indexOf(slotIds);
  const slotDay = new Int32Array(S);
  const slotPos = new Int32Array(S);
  const dayFirstList: number[] = [];
  const dayLenList: number[] = [];
  let lastDay: string | undefined;
  problem.slots.forEach((slot, s) => {
    if (slot.day !== lastDay) {
      dayFirstList.push(s);
      dayLenList.push(0);
      lastDay = slot.day;
    }
    const d = dayFirstList.length - 1;
    slotDay[s] = d;
    slotPos[s] = dayLenList[d]!;
    dayLenList[d]! += 1;
  });
  const D = dayFirstList.length;
  const dayWord = new Int32Array(D);
  let W = 0;
  for (let d = 0; d < D; d++) {
    dayWord[d] = W;
    W += Math.max(1, Math.ceil(dayLenList[d]! / 32));
  }

  const tableIds =
    typeof problem.tables === 'number'
      ? Array.from({ length: problem.tables }, (_, i) => `T${i + 1}`)
      : problem.tables.map((t) => t.id);
  const T = tableIds.length;
  const tableIndex = indexOf(tableIds);
  const tableAvail = new Uint8Array(T * S).fill(1);
  if (typeof problem.tables !== 'number') {
    problem.tables.forEach((table, t) => {
      for (const id of table.unavailable ?? []) tableAvail[t * S + need(slotIndex, id, 'slot')] = 0;
    });
  }
  const capacity = new Int32Array(S);
  for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) capacity[s]! += tableAvail[t * S + s]!;

  const participantIds = problem.participants.map((p) => p.id);
  const P = participantIds.length;
  const partIndex = indexOf(participantIds);
  const booth = new Int32Array(P).fill(-1);
  const isBooth = new Uint8Array(T);
  const maxMeetings = new Int32Array(P).fill(NO_LIMIT);
  const maxPerDay = new Int32Array(P).fill(NO_LIMIT);
  const partAvail = new Uint8Array(P * S).fill(1);
  problem.participants.forEach((p, i) => {
    if (p.table !== undefined) {
      booth[i] = need(tableIndex, p.table, 'table');
      isBooth[booth[i]!] = 1;
    }
    if (p.maxMeetings !== undefined) maxMeetings[i] = p.maxMeetings;
    if (p.maxMeetingsPerDay !== undefined) maxPerDay[i] = p.maxMeetingsPerDay;
    for (const id of p.unavailable ?? []) partAvail[i * S + need(slotIndex, id, 'slot')] = 0;
  });

  const meetingIds = problem.meetings.map((m) => m.id);
  const M = meetingIds.length;
  const meetingIndex = indexOf(meetingIds);
  const ma = new Int32Array(M);
  const mb = new Int32Array(M);
  const priority = new Float64Array(M);
  const tableA = new Int32Array(M).fill(-1);
  const tableB = new Int32Array(M).fill(-1);
  const allowed = new Uint8Array(M * S);
  const allowedLists: number[][] = [];
  const predLists: number[][] = [];
  const succLists: number[][] = Array.from({ length: M }, () => []);
  const partLists: number[][] = Array.from({ length: P }, () => []);
  problem.meetings.forEach((meeting, m) => {
    const a = need(partIndex, meeting.between[0], 'participant');
    const b = need(partIndex, meeting.between[1], 'participant');
    ma[m] = a;
    mb[m] = b;
    partLists[a]!.push(m);
    partLists[b]!.push(m);
    priority[m] = meeting.priority ?? 1;
    // Table options: the booths of the two sides (either one), narrowed by a table pin.
    let options: number[] | undefined;
    const booths = [booth[a]!, booth[b]!].filter((t) => t >= 0);
    if (booths.length > 0) options = [...new Set(booths)];
    if (meeting.table !== undefined) {
      const pin = need(tableIndex, meeting.table, 'table');
      options = options === undefined || options.includes(pin) ? [pin] : [];
    }
    let pinnedSlot = -1;
    if (meeting.slot !== undefined) pinnedSlot = need(slotIndex, meeting.slot, 'slot');
    const list: number[] = [];
    if (options === undefined || options.length > 0) {
      if (options !== undefined) {
        tableA[m] = options[0]!;
        tableB[m] = options[1] ?? -1;
      }
      for (let s = 0; s < S; s++) {
        if (pinnedSlot >= 0 && s !== pinnedSlot) continue;
        if (!partAvail[a * S + s] || !partAvail[b * S + s]) continue;
        if (meeting.session !== undefined && problem.slots[s]!.session !== meeting.session) continue;
        const tableOk =
          options === undefined ? capacity[s]! > 0 : options.some((t) => tableAvail[t * S + s] === 1);
        if (!tableOk) continue;
        allowed[m * S + s] = 1;
        list.push(s);
      }
    }
    allowedLists.push(list);
    const preds = (meeting.after ?? []).map((id) => need(meetingIndex, id, 'meeting'));
    predLists.push(preds);
    for (const p of preds) succLists[p]!.push(m);
  });
  const allowedCsr = csr(M, allowedLists);
  const predCsr = csr(M, predLists);
  const succCsr = csr(M, succLists);
  const partCsr = csr(P, partLists);

  const prevSlot = new Int32Array(M).fill(-1);
  const prevTable = new Int32Array(M).fill(-1);
  for (const assignment of previous?.assignments ?? []) {
    const m = meetingIndex.get(assignment.meeting);
    const s = slotIndex.get(assignment.slot);
    if (m === undefined || s === undefined) continue; // a meeting or slot removed since: nothing to keep
    prevSlot[m] = s;
    prevTable[m] = tableIndex.get(assignment.table) ?? -1;
  }

  return {
    problem,
    S,
    D,
    P,
    T,
    M,
    slotDay,
    slotPos,
    dayFirst: Int32Array.from(dayFirstList),
    dayLen: Int32Array.from(dayLenList),
    dayWord,
    W,
    slotIds,
    tableIds,
    participantIds,
    meetingIds,
    tableAvail,
    isBooth,
    capacity,
    booth,
    maxMeetings,
    maxPerDay,
    ma,
    mb,
    priority,
    tableA,
    tableB,
    allowed,
    allowedStart: allowedCsr.start,
    allowedSlots: allowedCsr.items,
    predStart: predCsr.start,
    preds: predCsr.items,
    succStart: succCsr.start,
    succs: succCsr.items,
    partStart: partCsr.start,
    partMeetings: partCsr.items,
    maxBreaks: problem.rules?.maxBreaksPerParticipant ?? -1,
    prevSlot,
    prevTable,
  };
}

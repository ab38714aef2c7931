// The true optimum of a tiny problem, by trying everything: the yardstick for the solver and the exact encodings.
import { countBreaks } from '../../src/engine/breaks.js';
import { tableList } from '../../src/engine/index.js';
import type { Problem, ProblemMeeting } from '../../src/engine/types.js';

export interface Optimum {
  readonly priority: number;
  readonly breaks: number;
}

/**
 * The best (priority, breaks) by trying every slot (or none) for every meeting; tables are then matched per slot.
 * Only for tiny problems: (slots + 1) ^ meetings leaves.
 */
export function exhaustiveOptimum(problem: Problem): Optimum {
  const slots = problem.slots;
  const day = slots.map((s) => s.day);
  const tables = tableList(problem);
  const people = new Map(problem.participants.map((p) => [p.id, p]));
  const index = new Map(problem.meetings.map((m, i) => [m.id, i]));
  const allowedTables = (m: ProblemMeeting, s: number): string[] => {
    const booths = m.between.flatMap((p) => (people.get(p)?.table === undefined ? [] : [people.get(p)!.table!]));
    const wanted = m.table !== undefined ? [m.table] : booths.length > 0 ? booths : tables.map((x) => x.id);
    return wanted.filter((id) => !tables.find((x) => x.id === id)?.unavailable?.includes(slots[s]!.id));
  };
  const canMatch = (meetings: ProblemMeeting[], s: number, used = new Set<string>()): boolean => {
    if (meetings.length === 0) return true;
    const [first, ...rest] = meetings as [ProblemMeeting, ...ProblemMeeting[]];
    return allowedTables(first, s).some((table) => !used.has(table) && canMatch(rest, s, new Set([...used, table])));
  };
  const choice: number[] = [];
  let best: Optimum = { priority: -1, breaks: 0 };
  const leaf = (): void => {
    const bySlot = new Map<number, ProblemMeeting[]>();
    const placed = new Map<string, number[]>();
    let priority = 0;
    for (const [i, m] of problem.meetings.entries()) {
      const s = choice[i]!;
      if (s < 0) continue;
      for (const before of m.after ?? []) {
        const b = choice[index.get(before)!]!;
        if (b < 0 || b >= s) return;
      }
      bySlot.set(s, [...(bySlot.get(s) ?? []), m]);
      for (const p of m.between) placed.set(p, [...(placed.get(p) ?? []), s]);
      priority += m.priority ?? 1;
    }
    let breaks = 0;
    for (const [id, list] of placed) {
      const p = people.get(id)!;
      if (new Set(list).size < list.length) return;
      if (p.maxMeetings !== undefined && list.length > p.maxMeetings) return;
      if (p.maxMeetingsPerDay !== undefined) {
        for (const d of new Set(list.map((s) => day[s]))) {
          if (list.filter((s) => day[s] === d).length > p.maxMeetingsPerDay) return;
        }
      }
      const own = countBreaks(list, day);
      if (problem.rules?.maxBreaksPerParticipant !== undefined && own > problem.rules.maxBreaksPerParticipant) return;
      breaks += own;
    }
    for (const [s, meetings] of bySlot) if (!canMatch(meetings, s)) return;
    if (priority > best.priority || (priority === best.priority && breaks < best.breaks)) best = { priority, breaks };
  };
  const search = (i: number): void => {
    if (i === problem.meetings.length) return leaf();
    const m = problem.meetings[i]!;
    for (let s = -1; s < slots.length; s++) {
      if (s >= 0) {
        const slot = slots[s]!;
        if (m.slot !== undefined && m.slot !== slot.id) continue;
        if (m.session !== undefined && m.session !== slot.session) continue;
        if (m.between.some((p) => people.get(p)?.unavailable?.includes(slot.id))) continue;
      }
      choice[i] = s;
      search(i + 1);
    }
  };
  search(0);
  return best;
}


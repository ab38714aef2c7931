// Properties of the solver, judged by the independent checker: every answer is valid, and on tiny problems the
// optimum is the one an exhaustive search finds and does not depend on names or on the direction of time.
import t from 'tap';
import { countBreaks } from '../../src/engine/breaks.js';
import { checkSchedule } from '../../src/engine/check.js';
import { explainUnscheduled, solve, tableList, validateProblem } from '../../src/engine/index.js';
import type { Problem, ProblemMeeting } from '../../src/engine/types.js';
import { mulberry32, mutate, randomProblem, type ProblemSize } from '../helpers/random-problem.js';

const ITERATIONS = 20_000;

interface Optimum {
  readonly priority: number;
  readonly breaks: number;
}

function solved(problem: Problem): { status: string; optimum: Optimum; valid: boolean; messages: string[] } {
  const schedule = solve(problem, { seed: 1, maxIterations: ITERATIONS });
  const report = checkSchedule(problem, schedule);
  return {
    status: schedule.status,
    optimum: { priority: report.figures.priorityScheduled, breaks: report.figures.breaks },
    valid: report.valid,
    messages: report.violations.map((v) => `${v.code}: ${v.message}`),
  };
}

/**
 * The best (priority, breaks) by trying every slot (or none) for every meeting; tables are then matched per slot.
 * Only for tiny problems: (slots + 1) ^ meetings leaves.
 */
function exhaustiveOptimum(problem: Problem): Optimum {
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

/** Renames every participant (a seeded permutation of new names) and shuffles the participant list. */
function relabel(problem: Problem, seed: number): Problem {
  const random = mulberry32(seed);
  const ids = problem.participants.map((p) => p.id);
  const names = ids.map((_, i) => `p-${String(i).padStart(2, '0')}`);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const rename = new Map(ids.map((id, i) => [id, names[i]!]));
  return {
    ...problem,
    participants: problem.participants.map((p) => ({ ...p, id: rename.get(p.id)! })).reverse(),
    meetings: problem.meetings.map((m) => ({ ...m, between: [rename.get(m.between[0])!, rename.get(m.between[1])!] })),
  };
}

/** Reverses the order of each day's slots: ids, sessions and everything that points at them move; times stay. */
function reverseDays(problem: Problem): Problem {
  const slots = problem.slots.map((slot, i) => {
    const sameDay = problem.slots.flatMap((s, j) => (s.day === slot.day ? [j] : []));
    const mirror = problem.slots[sameDay[0]! + sameDay[sameDay.length - 1]! - i]!;
    const { session: _unused, ...times } = slot;
    return { ...times, id: mirror.id, ...(mirror.session !== undefined ? { session: mirror.session } : {}) };
  });
  return { ...problem, slots };
}

function tinyCases(count: number, keep: (p: Problem) => boolean = () => true): Problem[] {
  const cases: Problem[] = [];
  for (let seed = 1; cases.length < count && seed < 10 * count; seed++) {
    const problem = randomProblem(seed, 'tiny');
    if (keep(problem)) cases.push(problem);
  }
  return cases;
}

t.test('every answer of the solver passes the checker', (t) => {
  const runs: [ProblemSize, number][] = [
    ['tiny', 40],
    ['small', 30],
    ['medium', 12],
  ];
  for (const [size, count] of runs) {
    let failures = 0;
    for (let seed = 1; seed <= count; seed++) {
      const problem = randomProblem(seed, size);
      const schedule = solve(problem, { seed, maxIterations: ITERATIONS });
      const report = checkSchedule(problem, schedule);
      if (!report.valid) {
        failures++;
        t.fail(`${size} #${seed}: ${report.violations.map((v) => `${v.code}: ${v.message}`).join('; ')}`);
      }
      // A meeting left out while it still fits means the search stopped at a schedule it could simply extend.
      const left = schedule.unscheduled.map((u) => u.meeting);
      const fits = explainUnscheduled(problem, schedule.assignments, left).filter((u) => u.code === 'NOT_PLACED');
      if (fits.length > 0) {
        failures++;
        t.fail(`${size} #${seed}: left out but fits: ${fits.map((u) => `${u.meeting} (${u.reason})`).join('; ')}`);
      }
    }
    t.equal(failures, 0, `${count} ${size} problems, all valid and maximal`);
  }
  t.end();
});

t.test('odd but valid problems (one field mutated) are solved validly too', (t) => {
  let solvedCount = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const result = validateProblem(mutate(randomProblem(seed, 'small'), seed));
    if (!result.ok) continue;
    solvedCount++;
    const { valid, messages } = solved(result.problem);
    t.ok(valid, `mutation #${seed}: valid (${messages.join('; ')})`);
  }
  t.ok(solvedCount >= 15, `${solvedCount} accepted mutations solved`);
  t.end();
});

t.test('on tiny problems the solver finds the exhaustive optimum, and says "optimal" only when it has it', (t) => {
  for (const [i, problem] of tinyCases(40).entries()) {
    const exact = exhaustiveOptimum(problem);
    const { status, optimum, valid, messages } = solved(problem);
    t.ok(valid, `case ${i}: valid (${messages.join('; ')})`);
    t.ok(optimum.priority <= exact.priority, `case ${i}: no better than the exhaustive optimum`);
    t.same(optimum, exact, `case ${i}: ${problem.name} reaches the optimum (status ${status})`);
    if (status === 'optimal') t.same(optimum, exact, `case ${i}: "optimal" is true`);
  }
  t.end();
});

t.test('relabelling participants does not change the optimum', (t) => {
  let compared = 0;
  for (const problem of tinyCases(30)) {
    const original = solved(problem);
    if (original.status !== 'optimal') continue;
    compared++;
    const variant = relabel(problem, compared);
    t.ok(validateProblem(variant).ok, `${problem.name}: relabelled problem is valid`);
    const renamed = solved(variant);
    t.ok(renamed.valid, `${problem.name}: relabelled answer valid`);
    t.same(renamed.optimum, original.optimum, `${problem.name}: same optimum after relabelling`);
  }
  t.ok(compared >= 10, `compared ${compared} problems solved to optimality`);
  t.end();
});

t.test('reversing the slot order of each day does not change the optimum', (t) => {
  // An `after` constraint has a direction in time, so those problems are left out.
  const cases = tinyCases(30, (p) => p.meetings.every((m) => m.after === undefined));
  let compared = 0;
  for (const problem of cases) {
    const original = solved(problem);
    if (original.status !== 'optimal') continue;
    compared++;
    const variant = reverseDays(problem);
    t.ok(validateProblem(variant).ok, `${problem.name}: reversed problem is valid`);
    const reversed = solved(variant);
    t.ok(reversed.valid, `${problem.name}: reversed answer valid`);
    t.same(reversed.optimum, original.optimum, `${problem.name}: same optimum with days reversed`);
  }
  t.ok(compared >= 10, `compared ${compared} problems solved to optimality`);
  t.end();
});

// Properties of the solver, judged by the independent checker: every answer is valid, and on tiny problems the
// optimum is the one an exhaustive search finds and does not depend on names or on the direction of time.
import t from 'tap';
import { checkSchedule } from '../../src/engine/check.js';
import { explainUnscheduled, solve, validateProblem } from '../../src/engine/index.js';
import type { Problem } from '../../src/engine/types.js';
import { exhaustiveOptimum, type Optimum } from '../helpers/exhaustive-optimum.js';
import { mulberry32, mutate, randomProblem, type ProblemSize } from '../helpers/random-problem.js';

const ITERATIONS = 20_000;

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

import t from 'tap';
import { checkSchedule } from '../../src/engine/check.js';
import { solve } from '../../src/engine/solve.js';
import type { Problem, ProblemSlot, Schedule } from '../../src/engine/types.js';
import { validateProblem } from '../../src/engine/validate.js';
import { mulberry32, randomProblem } from '../helpers/random-problem.js';

const BUDGET = 40_000;

function objective(problem: Problem, schedule: Schedule): [number, number] {
  const priority = new Map(problem.meetings.map((m) => [m.id, m.priority ?? 1]));
  const placed = schedule.assignments.reduce((sum, a) => sum + priority.get(a.meeting)!, 0);
  return [placed, schedule.stats.breaks];
}

function mustBeValid(problem: Problem): Problem {
  const result = validateProblem(problem);
  if (!result.ok) throw new Error(`generated problem invalid: ${JSON.stringify(result.errors[0])}`);
  return result.problem;
}

/** The same event with participants renamed and listed (and their meetings) in another order. */
function relabel(problem: Problem, seed: number): Problem {
  const random = mulberry32(seed);
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const order = shuffled(problem.participants.map((p) => p.id));
  const name = new Map(order.map((id, i) => [id, `who-${i}`]));
  return {
    ...problem,
    participants: shuffled(problem.participants).map((p) => ({ ...p, id: name.get(p.id)! })),
    meetings: shuffled(problem.meetings).map((m) => ({ ...m, between: [name.get(m.between[0])!, name.get(m.between[1])!] as const })),
  };
}

/** Each day's slots in reverse order (ids and sessions travel, clock times stay); precedences would flip, so none. */
function reverseDays(problem: Problem): Problem {
  const slots: ProblemSlot[] = [];
  const days = [...new Set(problem.slots.map((s) => s.day))];
  for (const day of days) {
    const ofDay = problem.slots.filter((s) => s.day === day);
    ofDay.forEach((slot, i) => {
      const mirror = ofDay[ofDay.length - 1 - i]!;
      slots.push({ ...slot, id: mirror.id, ...(mirror.session !== undefined ? { session: mirror.session } : {}) });
      if (mirror.session === undefined) delete (slots[slots.length - 1] as { session?: string }).session;
    });
  }
  return { ...problem, slots, meetings: problem.meetings.map(({ after: _after, ...m }) => m) };
}

t.test('every answer on random problems passes the checker', async (t) => {
  for (let seed = 1; seed <= 40; seed++) {
    const problem = mustBeValid(randomProblem(seed, seed % 4 === 0 ? 'medium' : 'small'));
    const schedule = solve(problem, { seed, maxIterations: BUDGET });
    const report = checkSchedule(problem, schedule);
    if (!report.valid) t.fail(`seed ${seed}: ${report.violations.map((v) => v.message).join('; ')}`);
    t.equal(schedule.stats.breaks, report.figures.breaks, `seed ${seed}: breaks as recounted`);
  }
});

t.test('relabelling participants does not change the optimum found', async (t) => {
  for (let seed = 1; seed <= 25; seed++) {
    const problem = mustBeValid(randomProblem(seed, 'small'));
    const renamed = mustBeValid(relabel(problem, seed));
    const a = solve(problem, { seed: 1, maxIterations: BUDGET });
    const b = solve(renamed, { seed: 2, maxIterations: BUDGET });
    t.ok(checkSchedule(renamed, b).valid, `seed ${seed}: relabelled answer valid`);
    t.same(objective(renamed, b), objective(problem, a), `seed ${seed}: same priority placed and breaks`);
  }
});

t.test("reversing each day's slots does not change the optimum found", async (t) => {
  for (let seed = 1; seed <= 25; seed++) {
    const forward = mustBeValid(reverseDays(reverseDays(randomProblem(seed, 'small'))));
    const backward = mustBeValid(reverseDays(forward));
    const a = solve(forward, { seed: 1, maxIterations: BUDGET });
    const b = solve(backward, { seed: 1, maxIterations: BUDGET });
    t.ok(checkSchedule(backward, b).valid, `seed ${seed}: reversed answer valid`);
    t.same(objective(backward, b), objective(forward, a), `seed ${seed}: same priority placed and breaks`);
  }
});

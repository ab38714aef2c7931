import t from 'tap';
import { Placements } from '../../src/domain/placement-rules.js';
import { checkSchedule, solve, tableList, type Problem, type Schedule, type ViolationCode } from '../../src/engine/index.js';
import { mulberry32, randomProblem } from '../helpers/random-problem.js';

// The placement rules answer one move at a time what the engine's checker says about a whole schedule. Precedence
// (`after`) is left to the checker by design, so the problems here have none; the checker's bookkeeping codes
// (stats, status, reasons) say nothing about a placement.
const PLACEMENT_CODES: ReadonlySet<ViolationCode> = new Set<ViolationCode>([
  'PARTICIPANT_DOUBLE_BOOKED',
  'PARTICIPANT_UNAVAILABLE',
  'TABLE_DOUBLE_BOOKED',
  'TABLE_UNAVAILABLE',
  'WRONG_TABLE',
  'WRONG_SESSION',
  'PIN_SLOT',
  'PIN_TABLE',
  'MAX_MEETINGS',
  'MAX_PER_DAY',
  'MAX_BREAKS',
]);

function withoutPrecedence(problem: Problem): Problem {
  return { ...problem, meetings: problem.meetings.map(({ after: _after, ...meeting }) => meeting) };
}

function ruleBreaks(problem: Problem, schedule: Schedule): string[] {
  return checkSchedule(problem, schedule)
    .violations.filter((v) => PLACEMENT_CODES.has(v.code))
    .map((v) => v.code);
}

t.test('a move is allowed exactly when the checker accepts the moved schedule', (t) => {
  let allowed = 0;
  let refused = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const problem = withoutPrecedence(randomProblem(seed, seed % 2 === 0 ? 'tiny' : 'small'));
    const schedule = solve(problem, { seed, maxIterations: 2_000 });
    if (schedule.assignments.length === 0) continue;
    t.same(ruleBreaks(problem, schedule), [], `seed ${seed}: the engine's schedule breaks no rule`);
    const tables = tableList(problem).map((table) => table.id);
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    for (let trial = 0; trial < 25; trial++) {
      const moved = pick(schedule.assignments);
      const slot = pick(problem.slots).id;
      const table = pick(tables);
      const rules = new Placements(problem, schedule);
      rules.remove(moved.meeting);
      const conflicts = rules.conflicts(moved.meeting, slot, table);
      const after: Schedule = {
        ...schedule,
        assignments: schedule.assignments.map((a) => (a.meeting === moved.meeting ? { ...a, slot, table } : a)),
      };
      const breaks = ruleBreaks(problem, after);
      const what = `seed ${seed}: ${moved.meeting} to ${slot} at ${table}`;
      t.equal(conflicts.length === 0, breaks.length === 0, `${what} (rules: ${conflicts.map((c) => c.code).join(', ') || 'none'}; checker: ${breaks.join(', ') || 'none'})`);
      if (conflicts.length === 0) allowed++;
      else refused++;
    }
  }
  t.ok(allowed > 20 && refused > 20, `both answers are exercised (${allowed} allowed, ${refused} refused)`);
  t.end();
});

t.test('a meeting put back where it was is always allowed, and the placements follow add and remove', (t) => {
  const problem = withoutPrecedence(randomProblem(7, 'small'));
  const schedule = solve(problem, { seed: 7, maxIterations: 2_000 });
  const rules = new Placements(problem, schedule);
  for (const a of schedule.assignments) {
    rules.remove(a.meeting);
    t.equal(rules.slotOf(a.meeting), null);
    t.same(rules.conflicts(a.meeting, a.slot, a.table), [], `${a.meeting} back at ${a.slot}`);
    rules.add(a.meeting, a.slot, a.table);
    t.equal(rules.slotOf(a.meeting), a.slot);
    t.equal(rules.tableOf(a.meeting), a.table);
    t.equal(rules.meetingAt(a.slot, a.table), a.meeting);
  }
  t.same(rules.conflicts('nope', problem.slots[0]!.id, tableList(problem)[0]!.id), [{ code: 'unknownMeeting', params: { meeting: 'nope' } }]);
  t.end();
});

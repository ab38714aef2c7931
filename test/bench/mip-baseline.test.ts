import t from 'tap';
import { readFileSync } from 'node:fs';
import { checkSchedule } from '../../src/engine/check.js';
import type { Assignment, Problem } from '../../src/engine/types.js';
import { buildMipModel, solveMip } from '../../bench/mip-baseline.js';

// Small enough to enumerate every schedule, yet it exercises every row of the model: a booth, a pool table that is
// reserved once, an unavailable participant, a session, a precedence, priorities, caps and the break cap.
const SMALL: Problem = {
  format: 'meetgrid.problem/1',
  slots: [
    { id: 's1', day: '2025-05-28', start: '09:00', end: '09:20', session: 'am' },
    { id: 's2', day: '2025-05-28', start: '09:20', end: '09:40', session: 'am' },
    { id: 's3', day: '2025-05-28', start: '13:00', end: '13:20', session: 'pm' },
    { id: 's4', day: '2025-05-28', start: '13:20', end: '13:40', session: 'pm' },
    { id: 'd2', day: '2025-05-29', start: '09:00', end: '09:20', session: 'am' },
  ],
  tables: [{ id: 'A' }, { id: 'T1', unavailable: ['s2'] }],
  participants: [
    { id: 'c1', table: 'A' },
    { id: 's1' },
    { id: 's2', unavailable: ['s3'] },
    { id: 's3', maxMeetingsPerDay: 1 },
    { id: 's4', maxMeetings: 3 },
  ],
  meetings: [
    { id: 'm1', between: ['c1', 's1'] },
    { id: 'm2', between: ['c1', 's2'], priority: 3 },
    { id: 'm3', between: ['s1', 's2'], after: ['m1'] },
    { id: 'm4', between: ['s3', 's4'], session: 'pm' },
    { id: 'm5', between: ['c1', 's4'], priority: 2 },
    { id: 'm6', between: ['s3', 's1'] },
    { id: 'm7', between: ['s2', 's4'], session: 'pm' },
    { id: 'm8', between: ['c1', 's3'], session: 'pm', priority: 2 },
  ],
  rules: { maxBreaksPerParticipant: 1 },
};

/**
 * Every placement by depth-first search (each meeting in some slot or left out; booth meetings at A, others at T1,
 * else A), cutting branches that double-book a participant or a table; the checker judges each complete placement
 * (stats mismatches aside: they are not computed here).
 */
function bruteForceBest(problem: Problem): { priority: number; breaks: number } {
  let best = { priority: -1, breaks: Infinity };
  const used = new Set<string>();
  const assignments: Assignment[] = [];
  const judge = (): void => {
    const placed = new Set(assignments.map((a) => a.meeting));
    const unscheduled = problem.meetings.filter((m) => !placed.has(m.id)).map((m) => ({ meeting: m.id, code: 'X', reason: 'left out' }));
    const status = unscheduled.length === 0 ? 'feasible' : assignments.length === 0 ? 'infeasible' : 'partial';
    const stats = { meetings: problem.meetings.length, scheduled: assignments.length, breaks: 0, tableChanges: 0, elapsedMs: 0 };
    const report = checkSchedule(problem, { format: 'meetgrid.schedule/1', status, assignments, unscheduled, stats });
    if (report.violations.every((v) => v.code === 'STATS_MISMATCH')) {
      const { priorityScheduled: priority, breaks } = report.figures;
      if (priority > best.priority || (priority === best.priority && breaks < best.breaks)) best = { priority, breaks };
    }
  };
  const place = (m: number): void => {
    if (m === problem.meetings.length) return judge();
    place(m + 1);
    const { id, between } = problem.meetings[m]!;
    for (const { id: slot } of problem.slots) {
      const table = between.includes('c1') ? 'A' : !used.has(`T1@${slot}`) && slot !== 's2' ? 'T1' : 'A';
      const keys = [...between, table].map((k) => `${k}@${slot}`);
      if (keys.some((k) => used.has(k))) continue;
      keys.forEach((k) => used.add(k));
      assignments.push({ meeting: id, slot, table });
      place(m + 1);
      assignments.pop();
      keys.forEach((k) => used.delete(k));
    }
  };
  place(0);
  return best;
}

t.test('on a small problem the MIP finds the optimum that enumeration finds', async (t) => {
  const expected = bruteForceBest(SMALL);
  t.same(expected, { priority: 11, breaks: 2 }, 'the enumeration is not trivial: a meeting is left out and breaks are needed');
  const result = await solveMip(SMALL, { timeLimitS: 30 });
  t.equal(result.mipStatus, 'Optimal');
  const report = checkSchedule(SMALL, result.schedule);
  t.same(report.violations, []);
  t.equal(report.figures.priorityScheduled, expected.priority, 'the most priority placed');
  t.equal(report.figures.breaks, expected.breaks, 'then the fewest breaks');
});

t.test('place-all: a problem where everything fits, and one where it cannot', async (t) => {
  const fits: Problem = { ...SMALL, meetings: SMALL.meetings.slice(0, 3), rules: {} };
  const all = await solveMip(fits, { timeLimitS: 30, placeAll: true });
  t.equal(all.mipStatus, 'Optimal');
  t.equal(all.schedule.status, 'optimal');
  t.same(checkSchedule(fits, all.schedule).violations, []);
  t.equal(all.schedule.stats.scheduled, 3);

  const tooMany: Problem = { ...SMALL, meetings: [...SMALL.meetings, { id: 'm9', between: ['s4', 's1'] }] };
  const none = await solveMip(tooMany, { timeLimitS: 30, placeAll: true });
  t.equal(none.mipStatus, 'Infeasible');
  t.equal(none.schedule.status, 'infeasible');
  t.same(checkSchedule(tooMany, none.schedule).violations, []);
  t.match(none.schedule.unscheduled[0], { code: 'MIP_LEFT_OUT', reason: /HiGHS found no solution \(Infeasible\)/ });
});

t.test('the model only creates variables where a meeting may be held', (t) => {
  const model = buildMipModel(SMALL);
  const slotsOf = (m: number): string[] => [...new Set(model.x.filter((v) => v.meeting === m).map((v) => SMALL.slots[v.slot]!.id))];
  t.same(slotsOf(3), ['s3', 's4'], 'm4 only in the pm session');
  t.notOk(slotsOf(1).includes('s3'), 's2 is unavailable in s3');
  t.ok(model.x.filter((v) => v.meeting === 0).every((v) => v.table === 'A'), "c1's meetings at the booth");
  t.ok(model.x.filter((v) => v.meeting === 2).every((v) => v.table === undefined), 'm3 takes any table');
  t.ok(model.weight > 1);
  t.match(model.lp, /^Minimize\n obj: /);
  t.ok(model.lp.split('\n').every((line) => line.length < 400), 'long rows are wrapped');
  t.end();
});

t.test('a converted benchmark instance: a checker-valid schedule within the time limit', async (t) => {
  const problem = JSON.parse(readFileSync(new URL('../fixtures/b2b/tic-12.original.json', import.meta.url), 'utf8')) as Problem;
  const started = Date.now();
  const result = await solveMip(problem, { timeLimitS: 3, placeAll: true });
  t.ok(Date.now() - started < 15000, 'the time limit is honoured');
  t.same(checkSchedule(problem, result.schedule).violations, []);
  t.equal(result.schedule.stats.scheduled, problem.meetings.length);
});

import t from 'tap';
import { checkSchedule } from '../../src/engine/check.js';
import type { Problem, Schedule } from '../../src/engine/types.js';
import { answerStatus, finishReserveMs, memberRoles, searchTimeMs, solveInWorkers } from '../../src/solving/solve-portfolio.js';
import { b2bFixture as fixture } from '../helpers/b2b-fixture.js';
import { triangle } from '../helpers/triangle-problem.js';

t.test('two seeds in worker threads give a valid schedule with progress', async (t) => {
  const problem = fixture('tic-12.original');
  const phases: string[] = [];
  const schedule = await solveInWorkers(problem, {
    seeds: [1, 2],
    // The limit includes thread start-up, which under the test runner's TypeScript loader takes a second or two.
    timeLimitMs: 5000,
    onProgress: (p) => {
      phases.push(p.phase);
      t.ok(p.fraction >= 0 && p.fraction <= 1, 'fraction within 0..1');
    },
  });
  // How many meetings a wall-clock run places depends on how busy the machine is (the benchmarks measure that);
  // what must hold on any machine is that the answer is valid, its figures are the checker's, and every meeting
  // left out says why.
  const report = checkSchedule(problem, schedule);
  t.ok(report.valid, 'the answer passes the checker');
  t.equal(schedule.stats.scheduled, report.figures.scheduled, 'placed as the checker counts');
  t.equal(schedule.stats.breaks, report.figures.breaks, 'breaks as the checker counts');
  t.equal(schedule.assignments.length + schedule.unscheduled.length, problem.meetings.length, 'every meeting accounted for');
  t.ok(schedule.unscheduled.every((u) => u.reason.length > 0), 'each meeting left out has a reason');
  t.ok(phases.length > 0, 'progress was reported');
});

t.test('aborting stops the workers early with their best answer', async (t) => {
  const problem = fixture('forum-13crafb.original');
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 300);
  const schedule = await solveInWorkers(problem, { seeds: [3], timeLimitMs: 30_000, signal: controller.signal });
  t.ok(Date.now() - started < 10_000, 'returned long before the time limit');
  t.ok(checkSchedule(problem, schedule).valid, 'the early answer is still valid');
});

t.test('the portfolio ranks answers by priority placed, moved, breaks, then table changes', async (t) => {
  const { better } = await import('../../src/solving/solve-portfolio.js');
  const problem = {
    format: 'meetgrid.problem/1',
    slots: [],
    tables: 1,
    participants: [],
    meetings: [
      { id: 'a', between: ['x', 'y'], priority: 3 },
      { id: 'b', between: ['x', 'z'] },
      { id: 'c', between: ['y', 'z'] },
    ],
  } as unknown as Problem;
  const answer = (meetings: string[], stats: { breaks: number; tableChanges: number; moved?: number }) =>
    ({
      format: 'meetgrid.schedule/1',
      status: 'feasible',
      assignments: meetings.map((meeting) => ({ meeting, slot: 's', table: 'T1' })),
      unscheduled: [],
      stats: { meetings: 3, scheduled: meetings.length, elapsedMs: 0, ...stats },
    }) as const;
  t.ok(better(problem, answer(['a'], { breaks: 9, tableChanges: 9 }), answer(['b', 'c'], { breaks: 0, tableChanges: 0 })), 'priority 3 beats 2');
  t.ok(better(problem, answer(['a', 'b'], { breaks: 5, tableChanges: 0, moved: 1 }), answer(['a', 'c'], { breaks: 0, tableChanges: 0, moved: 2 })), 'fewer moved first');
  t.ok(better(problem, answer(['a', 'b'], { breaks: 1, tableChanges: 9 }), answer(['a', 'c'], { breaks: 2, tableChanges: 0 })), 'then fewer breaks');
  t.ok(better(problem, answer(['a', 'b'], { breaks: 1, tableChanges: 1 }), answer(['a', 'c'], { breaks: 1, tableChanges: 2 })), 'then fewer table changes');
  t.notOk(better(problem, answer(['a', 'b'], { breaks: 1, tableChanges: 1 }), answer(['a', 'c'], { breaks: 1, tableChanges: 1 })), 'a tie is not better');
});

t.test('the exact member finds the break-free schedule the search alone misses, and ends the run early', async (t) => {
  // forum-13: 154 meetings over 21 slots, optimum 0 breaks; the local search alone stalls at one or two.
  const problem = fixture('forum-13.original');
  const started = Date.now();
  const schedule = await solveInWorkers(problem, { seeds: [1, 2], timeLimitMs: 30_000 });
  t.same(checkSchedule(problem, schedule).violations, [], 'the answer passes the checker');
  t.equal(schedule.status, 'optimal');
  t.equal(schedule.stats.breaks, 0);
  t.ok(Date.now() - started < 25_000, 'an optimal answer stops the other member before the limit');
  t.ok(schedule.stats.elapsedMs >= 0 && schedule.stats.elapsedMs <= Date.now() - started, 'elapsedMs is the wall time of the run');
});

t.test("the exact member's proof makes optimal an answer no bound of the search can prove", async (t) => {
  // Every order of the triangle's three meetings leaves one participant a break, though none needs one alone: the
  // search's bound stays at 0, and only the SAT solver's "no schedule with 0 breaks" proves the 1 found optimal.
  const started = Date.now();
  const schedule = await solveInWorkers(triangle, { seeds: [1, 2], timeLimitMs: 30_000 });
  t.ok(checkSchedule(triangle, schedule).valid);
  t.equal(schedule.stats.breaks, 1);
  t.equal(schedule.status, 'optimal');
  t.ok(Date.now() - started < 25_000, 'the proof stops the run before the limit');
  const searchOnly = await solveInWorkers(triangle, { seeds: [1, 2], timeLimitMs: 3_000, exact: false });
  t.equal(searchOnly.stats.breaks, 1);
  t.equal(searchOnly.status, 'feasible', 'without the exact member nobody proves it');
});

t.test('without the exact member every thread searches, and an aborted run still answers', async (t) => {
  const problem = fixture('forum-13.original');
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 500);
  const schedule = await solveInWorkers(problem, { seeds: [1, 2], timeLimitMs: 30_000, exact: false, signal: controller.signal });
  t.ok(checkSchedule(problem, schedule).valid);
  t.not(schedule.status, 'optimal', 'half a second of local search does not reach the optimum here');
});

t.test('the time limit covers start-up and hand-in, and a slow start still leaves a tenth for the search', async (t) => {
  t.equal(searchTimeMs(10_000, 300), 9_700, 'start-up comes out of the limit');
  t.equal(searchTimeMs(10_000, 9_500), 1_000, 'a start that took nearly all of it leaves a tenth');
  t.equal(searchTimeMs(10_000, 25_000), 1_000, 'so does one that took longer than the limit');
  t.equal(searchTimeMs(10_000, 0), 10_000);
  const sized = (meetings: number): Problem => ({ ...fixture('forum-13.original'), meetings: Array.from({ length: meetings }, (_, i) => ({ id: `m${i}`, between: ['a', 'b'] })) });
  t.equal(finishReserveMs(sized(0)), 20, 'a fixed part for handing in');
  t.equal(finishReserveMs(sized(30_000)), 470, 'and a part per meeting: the large event keeps back about half a second');
});

/** `count` meetings spread evenly over 40 participants, 25 slots and 20 shared tables: the SAT encoding suits it. */
function evenEvent(count: number): Problem {
  const participants = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}` }));
  const meetings = Array.from({ length: count }, (_, n) => {
    const i = n % 40;
    const j = (i + 1 + Math.floor(n / 40)) % 40;
    return { id: `m${n}`, between: [`p${i}`, `p${j}`] as [string, string] };
  });
  const slots = Array.from({ length: 25 }, (_, i) => ({ id: `s${i}`, day: '2025-05-28', start: `${String(8 + Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')}`, end: '23:00' }));
  return { format: 'meetgrid.problem/1', slots, tables: 20, participants, meetings };
}

t.test('each thread gets its role: the SAT members only where they suit the run', async (t) => {
  t.same(memberRoles(evenEvent(400), 2), ['up', 'down'], 'two cores: one climbing, one descending member');
  t.same(memberRoles(evenEvent(400), 4), ['up', 'search', 'search', 'down'], 'the seeds between search');
  t.same(memberRoles(evenEvent(401), 2), ['search', 'down'], 'above 400 meetings nobody climbs: one encoding less');
  t.same(memberRoles(evenEvent(400), 1), ['search'], 'one thread always searches');
  t.same(memberRoles(evenEvent(400), 2, { exact: false }), ['search', 'search'], 'a reproducible run asks no SAT solver');
  const previous = await solveInWorkers(triangle, { seeds: [1], timeLimitMs: 1_000 });
  t.same(memberRoles(evenEvent(400), 2, { previous }), ['search', 'search'], 'nor does re-planning, which keeps meetings in place');
  const booths: Problem = { ...triangle, participants: [{ id: 'a', table: 'T1' }, { id: 'b' }, { id: 'c' }] };
  t.same(memberRoles(booths, 2), ['search', 'search'], 'nor does an event with booths, which the encoding does not state');
});

t.test('the run calls an answer optimal only with a proof of it', (t) => {
  const answer = (status: Schedule['status'], stats: Partial<Schedule['stats']> = {}): Schedule => ({
    format: 'meetgrid.schedule/1',
    status,
    assignments: [],
    unscheduled: [],
    stats: { meetings: 4, scheduled: 4, breaks: 2, tableChanges: 0, elapsedMs: 0, ...stats },
  });
  t.equal(answerStatus(answer('feasible'), -1, false), 'feasible', 'nothing proved: a member\'s feasible stays feasible');
  t.equal(answerStatus(answer('feasible'), 1, false), 'feasible', 'a bound below its breaks proves nothing');
  t.equal(answerStatus(answer('feasible'), 2, false), 'optimal', 'a bound equal to its breaks proves it');
  t.equal(answerStatus(answer('feasible', { scheduled: 3 }), 2, false), 'feasible', 'the bound is about schedules with every meeting');
  t.equal(answerStatus(answer('feasible', { moved: 1 }), 2, true), 'feasible', 're-planned with a meeting moved: not about breaks alone');
  t.equal(answerStatus(answer('feasible', { moved: 0 }), 2, true), 'optimal');
  t.equal(answerStatus(answer('optimal'), -1, false), 'optimal', "the engine's own proof stands");
  t.equal(answerStatus(answer('partial', { scheduled: 3 }), 5, false), 'partial');
  t.end();
});

import t, { type Test } from 'tap';
import { checkSchedule } from '../../src/engine/check.js';
import { solve } from '../../src/engine/solve.js';
import type { Problem, ProblemMeeting, ProblemParticipant, Schedule } from '../../src/engine/types.js';
import { validateProblem } from '../../src/engine/validate.js';

function slots(days: number, perDay: number, session?: (i: number) => string) {
  const list = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      const minute = 600 + i * 20;
      const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      list.push({
        id: `d${d + 1}-${i + 1}`,
        day: `2025-05-${28 + d}`,
        start: hhmm(minute),
        end: hhmm(minute + 20),
        ...(session ? { session: session(i) } : {}),
      });
    }
  }
  return list;
}

function valid(input: object): Problem {
  const result = validateProblem({ format: 'meetgrid.problem/1', ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.problem;
}

function checked(t: Test, problem: Problem, schedule: Schedule): void {
  const report = checkSchedule(problem, schedule);
  t.ok(report.valid, `checker: ${report.violations.map((v) => v.message).join('; ') || 'valid'}`);
  t.equal(schedule.assignments.length + schedule.unscheduled.length, problem.meetings.length, 'every meeting once');
  t.equal(schedule.stats.breaks, report.figures.breaks, 'stats.breaks recounted');
  t.equal(schedule.stats.tableChanges, report.figures.tableChanges, 'stats.tableChanges recounted');
}

const people = (ids: string[], extra: Record<string, Partial<ProblemParticipant>> = {}): ProblemParticipant[] =>
  ids.map((id) => ({ id, ...extra[id] }));

t.test('a corporate with a booth meets four startups back to back', async (t) => {
  const problem = valid({
    slots: slots(1, 6),
    tables: [{ id: 'B1' }, { id: 'S1' }],
    participants: people(['c1', 'a', 'b', 'c', 'd'], { c1: { table: 'B1' } }),
    meetings: ['a', 'b', 'c', 'd'].map((s, i) => ({ id: `m${i}`, between: ['c1', s] })),
  });
  const schedule = solve(problem, { maxIterations: 20_000 });
  checked(t, problem, schedule);
  t.equal(schedule.status, 'optimal');
  t.equal(schedule.stats.breaks, 0);
  t.ok(schedule.assignments.every((a) => a.table === 'B1'), 'all at the booth');
});

t.test('pins, sessions, precedences, unavailability and caps hold', async (t) => {
  const meetings: ProblemMeeting[] = [
    { id: 'm1', between: ['c1', 's1'], slot: 'd1-3' },
    { id: 'm2', between: ['c1', 's2'], session: 'pm' },
    { id: 'm3', between: ['c2', 's1'], table: 'T2', after: ['m1'] },
    { id: 'm4', between: ['c2', 's2'], after: ['m3'] },
    { id: 'm5', between: ['c2', 's3'] },
    { id: 'm6', between: ['c1', 's3'] },
    { id: 'm7', between: ['c1', 's4'] },
  ];
  const problem = valid({
    slots: slots(2, 4, (i) => (i < 2 ? 'am' : 'pm')),
    tables: [{ id: 'T1' }, { id: 'T2', unavailable: ['d1-4'] }],
    participants: people(['c1', 'c2', 's1', 's2', 's3', 's4'], {
      c1: { maxMeetingsPerDay: 2 },
      c2: { maxMeetings: 2 },
      s2: { unavailable: ['d1-3', 'd1-4'] },
    }),
    meetings,
    rules: { maxBreaksPerParticipant: 0 },
  });
  for (const seed of [1, 2, 3]) {
    const schedule = solve(problem, { seed, maxIterations: 30_000 });
    checked(t, problem, schedule);
    // c2 may meet only twice: one of its three meetings stays out, with a reason.
    t.equal(schedule.status, 'partial');
    t.ok(schedule.unscheduled.every((u) => u.code.length > 0 && u.reason.length > 0), 'each left-out meeting explained');
  }
});

t.test('a meeting with no common slot is reported, the rest placed', async (t) => {
  const problem = valid({
    slots: slots(1, 3),
    tables: 1,
    participants: people(['a', 'b', 'c'], { a: { unavailable: ['d1-1', 'd1-2'] }, b: { unavailable: ['d1-3'] } }),
    meetings: [
      { id: 'ab', between: ['a', 'b'] },
      { id: 'bc', between: ['b', 'c'] },
    ],
  });
  const schedule = solve(problem, { maxIterations: 5_000 });
  checked(t, problem, schedule);
  t.same(schedule.unscheduled.map((u) => u.meeting), ['ab']);
  t.equal(schedule.stats.scheduled, 1);
});

t.test('the break cap is hard: a meeting is dropped rather than exceed it', async (t) => {
  // x can meet y only in slot 1 and z only in slot 3: both meetings mean one break, and the cap is 0.
  const problem = valid({
    slots: slots(1, 3),
    tables: 2,
    participants: people(['x', 'y', 'z'], { y: { unavailable: ['d1-2', 'd1-3'] }, z: { unavailable: ['d1-1', 'd1-2'] } }),
    meetings: [
      { id: 'xy', between: ['x', 'y'], priority: 2 },
      { id: 'xz', between: ['x', 'z'] },
    ],
    rules: { maxBreaksPerParticipant: 0 },
  });
  const schedule = solve(problem, { maxIterations: 10_000 });
  checked(t, problem, schedule);
  t.same(schedule.assignments.map((a) => a.meeting), ['xy'], 'the higher priority stays');
  t.equal(schedule.stats.breaks, 0);
});

t.test('optimal is claimed only when the lower bound is met', async (t) => {
  // p is free only in slots 1 and 3 and has two meetings: one break is unavoidable, and proven so.
  const problem = valid({
    slots: slots(1, 3),
    tables: 2,
    participants: people(['p', 'q', 'r'], { p: { unavailable: ['d1-2'] } }),
    meetings: [
      { id: 'pq', between: ['p', 'q'] },
      { id: 'pr', between: ['p', 'r'] },
    ],
  });
  const schedule = solve(problem, { maxIterations: 10_000 });
  checked(t, problem, schedule);
  t.equal(schedule.stats.breaks, 1);
  t.equal(schedule.status, 'optimal');
});

t.test('same seed and iteration budget give the same answer; progress is reported', async (t) => {
  const problem = valid({
    slots: slots(2, 8),
    tables: 4,
    participants: people(['c1', 'c2', 'c3', ...Array.from({ length: 12 }, (_, i) => `s${i}`)]),
    meetings: Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, between: [`c${(i % 3) + 1}`, `s${(i * 7) % 12}`] })),
  });
  const fractions: number[] = [];
  const first = solve(problem, { seed: 7, maxIterations: 60_000, onProgress: (p) => fractions.push(p.fraction) });
  const second = solve(problem, { seed: 7, maxIterations: 60_000 });
  checked(t, problem, first);
  t.same(second.assignments, first.assignments, 'identical assignments');
  t.ok(fractions.length > 0 && fractions.every((f) => f >= 0 && f <= 1), 'fractions within 0..1');
});

t.test('an empty problem and a stop request', async (t) => {
  const empty = valid({ slots: slots(1, 2), tables: 1, participants: [], meetings: [] });
  const schedule = solve(empty);
  t.equal(schedule.status, 'optimal');
  t.same(schedule.assignments, []);
  const problem = valid({
    slots: slots(1, 6),
    tables: 2,
    participants: people(['a', 'b', 'c', 'd']),
    meetings: [
      { id: 'ab', between: ['a', 'b'] },
      { id: 'cd', between: ['c', 'd'] },
      { id: 'ac', between: ['a', 'c'] },
    ],
  });
  let clock = 0;
  const stopped = solve(problem, { now: () => (clock += 1), timeLimitMs: 1e9, shouldStop: () => true });
  checked(t, problem, stopped);
  t.equal(stopped.stats.scheduled, 3, 'the greedy answer is complete even when stopped at once');
});

t.test('re-planning keeps meetings in place unless they must move', async (t) => {
  const base = {
    slots: slots(1, 8),
    tables: 3,
    participants: people(['c1', 'c2', 's1', 's2', 's3', 's4', 's5']),
    meetings: [
      ...['s1', 's2', 's3', 's4'].map((s, i) => ({ id: `a${i}`, between: ['c1', s] })),
      ...['s2', 's3', 's4', 's5'].map((s, i) => ({ id: `b${i}`, between: ['c2', s] })),
    ],
  };
  const problem = valid(base);
  const first = solve(problem, { seed: 3, maxIterations: 40_000 });
  checked(t, problem, first);
  const same = solve(problem, { seed: 9, maxIterations: 40_000, previous: first });
  t.equal(same.stats.moved, 0, 'nothing moves when nothing changed');
  t.same(same.assignments, first.assignments);
  // s3 can no longer come at the slot of its first meeting: exactly that meeting has to move.
  const s3First = first.assignments.filter((a) => /^[ab]/.test(a.meeting) && ['a2', 'b1'].includes(a.meeting));
  const busy = s3First.map((a) => a.slot).sort()[0]!;
  const changed = valid({ ...base, participants: people(base.participants.map((p) => p.id), { s3: { unavailable: [busy] } }) });
  const replanned = solve(changed, { seed: 9, maxIterations: 40_000, previous: first });
  checked(t, changed, replanned);
  t.equal(replanned.stats.scheduled, 8);
  t.ok(replanned.stats.moved! >= 1 && replanned.stats.moved! <= 2, `few meetings moved (${replanned.stats.moved})`);
  const kept = new Map(first.assignments.map((a) => [a.meeting, a.slot]));
  const stayed = replanned.assignments.filter((a) => kept.get(a.meeting) === a.slot).length;
  t.ok(stayed >= 6, `${stayed} of 8 meetings kept their slot`);
  // A pinned meeting never moves, even against the previous schedule.
  const pinned = valid({ ...base, meetings: base.meetings.map((m) => (m.id === 'a0' ? { ...m, slot: 'd1-8' } : m)) });
  const withPin = solve(pinned, { maxIterations: 40_000, previous: first });
  checked(t, pinned, withPin);
  t.equal(withPin.assignments.find((a) => a.meeting === 'a0')?.slot, 'd1-8');
});

t.test('a day longer than 32 slots, two booths meeting each other, no tables at all', async (t) => {
  const long = valid({
    slots: slots(1, 40),
    tables: [{ id: 'B1', unavailable: ['d1-31', 'd1-32', 'd1-33'] }, { id: 'B2' }, { id: 'X' }],
    participants: people(['c1', 'c2', ...Array.from({ length: 36 }, (_, i) => `s${i}`)], {
      c1: { table: 'B1', unavailable: ['d1-1'] },
      c2: { table: 'B2' },
    }),
    meetings: [
      { id: 'cc', between: ['c1', 'c2'] },
      ...Array.from({ length: 36 }, (_, i) => ({ id: `m${i}`, between: [i % 2 ? 'c2' : 'c1', `s${i}`] })),
    ],
  });
  const schedule = solve(long, { maxIterations: 200_000 });
  checked(t, long, schedule);
  t.equal(schedule.stats.scheduled, 37);
  t.equal(schedule.stats.breaks, 0, "c1's 19 meetings fit before its booth closes");
  t.equal(schedule.status, 'optimal');

  // x can come only in slots 30 and 34, on both sides of the 32-slot word boundary: one break, proven.
  const away = Array.from({ length: 40 }, (_, i) => `d1-${i + 1}`).filter((id) => id !== 'd1-30' && id !== 'd1-34');
  const split = valid({
    slots: slots(1, 40),
    tables: 2,
    participants: people(['x', 'y', 'z'], { x: { unavailable: away } }),
    meetings: [
      { id: 'xy', between: ['x', 'y'] },
      { id: 'xz', between: ['x', 'z'] },
    ],
  });
  const apart = solve(split, { maxIterations: 10_000 });
  checked(t, split, apart);
  t.equal(apart.stats.breaks, 1);
  t.equal(apart.status, 'optimal');

  const noTables = valid({ slots: slots(1, 2), tables: 0, participants: people(['a', 'b']), meetings: [{ id: 'ab', between: ['a', 'b'] }] });
  const none = solve(noTables, { maxIterations: 1_000 });
  checked(t, noTables, none);
  t.equal(none.status, 'partial');
  t.equal(none.unscheduled.length, 1);
});

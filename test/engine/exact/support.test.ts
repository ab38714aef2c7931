import t from 'tap';
import { checkSchedule } from '../../../src/engine/check.js';
import { EXACT_MAX_COUNTER_CELLS, EXACT_MAX_MEETINGS, exactUnsupported, tableCounterCells } from '../../../src/engine/exact/support.js';
import { compile } from '../../../src/engine/solver/compile.js';
import { solve } from '../../../src/engine/solve.js';
import type { Problem } from '../../../src/engine/types.js';

function problem(extra: Partial<Problem> = {}): Problem {
  return {
    format: 'meetgrid.problem/1',
    slots: ['s1', 's2', 's3'].map((id, i) => ({ id, day: '2025-05-28', start: `10:${i}0`, end: `10:${i}5` })),
    tables: 2,
    participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    meetings: [
      { id: 'ab', between: ['a', 'b'] },
      { id: 'ac', between: ['a', 'c'] },
    ],
    ...extra,
  };
}

t.test('problems the exact encoding cannot state are refused with the reason', async (t) => {
  t.equal(exactUnsupported(problem()), undefined);
  t.equal(exactUnsupported(problem({ meetings: [] })), 'no meetings');
  const many = Array.from({ length: EXACT_MAX_MEETINGS + 1 }, (_, i) => ({ id: `m${i}`, between: ['a', 'b'] as const }));
  t.equal(exactUnsupported(problem({ meetings: many })), `more than ${EXACT_MAX_MEETINGS} meetings`);
  const booth = problem({ participants: [{ id: 'a', table: 'T1' }, { id: 'b' }, { id: 'c' }] });
  t.equal(exactUnsupported(booth), 'some meetings must be held at a booth');
  const capped = problem({ participants: [{ id: 'a', maxMeetings: 1 }, { id: 'b' }, { id: 'c' }] });
  t.equal(exactUnsupported(capped), 'participant a cannot hold all its meetings');
});

t.test('an event whose table counts would be too large for the solver is left to the search', async (t) => {
  // 1,400 pairs who could each meet in any of 10 slots at 40 tables: 10 x 1,400 x 40 = 560,000 counter cells.
  const pairs = 1_400;
  const wide: Problem = {
    format: 'meetgrid.problem/1',
    slots: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, day: '2025-05-28', start: `1${i}:00`, end: `1${i}:20` })),
    tables: 40,
    participants: Array.from({ length: 2 * pairs }, (_, i) => ({ id: `p${i}` })),
    meetings: Array.from({ length: pairs }, (_, i) => ({ id: `m${i}`, between: [`p${2 * i}`, `p${2 * i + 1}`] as const })),
  };
  t.equal(tableCounterCells(compile(wide)), 560_000);
  t.equal(exactUnsupported(wide), `too large for the exact solver (560000 table-count cells, limit ${EXACT_MAX_COUNTER_CELLS})`);
  t.equal(tableCounterCells(compile(problem())), 0, 'two tables for two meetings: no counter at all');
});

t.test('the search starts from given slots, and leaves a placement that breaks a rule to itself', async (t) => {
  const p = problem({ participants: [{ id: 'a' }, { id: 'b', unavailable: ['s2'] }, { id: 'c' }] });
  const started = solve(p, { start: [{ meeting: 'ab', slot: 's1' }, { meeting: 'ac', slot: 's2' }], maxIterations: 0 });
  t.same(
    started.assignments.map((a) => [a.meeting, a.slot]),
    [['ab', 's1'], ['ac', 's2']],
    'a valid start is kept as it is',
  );
  const repaired = solve(p, { start: [{ meeting: 'ab', slot: 's2' }], maxIterations: 1000 });
  t.ok(checkSchedule(p, repaired).valid, 'b is unavailable in s2, so the search places ab itself');
  t.equal(repaired.stats.scheduled, 2);
  t.throws(() => solve(p, { start: [{ meeting: 'zz', slot: 's1' }] }), /unknown meeting "zz"/);
});

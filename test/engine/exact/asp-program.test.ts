import t from 'tap';
import { checkSchedule } from '../../../src/engine/check.js';
import { EXACT_MAX_MEETINGS, exactProgram, exactUnsupported, readExactAnswer } from '../../../src/engine/exact/asp-program.js';
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

t.test('the program states the slots, capacities and meetings by index', async (t) => {
  const program = exactProgram(problem(), 'contiguous');
  t.ok(program.supported);
  if (!program.supported) return;
  t.match(program.text, /cap\(0,2\)\. day\(0,0\)\.\nfirst\(0\)\./);
  t.match(program.text, /next\(1,2\)\./);
  t.match(program.text, /cand\(0,\(0;1;2\)\)\./);
  t.match(program.text, /need\(0,2\)\./, 'a has two meetings');
  t.match(program.text, /#count\{ S : run\(P,S\), day\(S,D\) \} > 1/, 'at most one run a day');
  t.notMatch(program.text, /#sum/, 'no break cap in the contiguous question');
});

t.test('unavailability, sessions and precedences narrow the program', async (t) => {
  const base = problem();
  const program = exactProgram(
    {
      ...base,
      participants: [{ id: 'a', unavailable: ['s1'] }, { id: 'b' }, { id: 'c' }],
      meetings: [{ id: 'ab', between: ['a', 'b'] }, { id: 'ac', between: ['a', 'c'], after: ['ab'] }],
      rules: { maxBreaksPerParticipant: 1 },
    },
    'complete',
  );
  t.ok(program.supported);
  if (!program.supported) return;
  t.match(program.text, /cand\(0,\(1;2\)\)\./, 'a cannot meet in s1');
  t.match(program.text, /prec\(0,1\)\./);
  t.match(program.text, /#sum\{ 1,S : run\(P,S\) ; -1,D : used\(P,D\) \} > 1/, 'the break cap');
});

t.test('problems the program cannot state are refused with the reason', async (t) => {
  t.equal(exactUnsupported(problem({ meetings: [] })), 'no meetings');
  const many = Array.from({ length: EXACT_MAX_MEETINGS + 1 }, (_, i) => ({ id: `m${i}`, between: ['a', 'b'] as const }));
  t.equal(exactUnsupported(problem({ meetings: many })), `more than ${EXACT_MAX_MEETINGS} meetings`);
  const booth = problem({ participants: [{ id: 'a', table: 'T1' }, { id: 'b' }, { id: 'c' }] });
  t.equal(exactUnsupported(booth), 'some meetings must be held at a booth');
  const capped = problem({ participants: [{ id: 'a', maxMeetings: 1 }, { id: 'b' }, { id: 'c' }] });
  t.equal(exactUnsupported(capped), 'participant a cannot hold all its meetings');
  // a can only meet in s1 and s3, so one break is unavoidable: no contiguous answer can exist.
  const gap = problem({ participants: [{ id: 'a', unavailable: ['s2'] }, { id: 'b' }, { id: 'c' }] });
  t.same(exactProgram(gap, 'contiguous'), { supported: false, why: 'some participant cannot avoid a break' });
  t.equal(exactProgram(gap, 'complete').supported, true);
});

t.test('answers are read back to meeting and slot ids', async (t) => {
  t.same(readExactAnswer(problem(), ['at(0,2)', 'at(1,0)']), [
    { meeting: 'ab', slot: 's3' },
    { meeting: 'ac', slot: 's1' },
  ]);
  t.throws(() => readExactAnswer(problem(), ['at(5,0)']), /"at\(5,0\)" is not an answer/);
  t.throws(() => readExactAnswer(problem(), ['busy(0,1)']), /not an answer/);
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

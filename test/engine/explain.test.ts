import t from 'tap';
import { checkSchedule } from '../../src/engine/check.js';
import { EXPLANATION_CODES, explainUnscheduled as explainOnce } from '../../src/engine/explain.js';
import type { Assignment, Problem, Unscheduled } from '../../src/engine/types.js';
import { solve } from '../../src/engine/solve.js';
import { tableList, validateProblem } from '../../src/engine/validate.js';
import { mulberry32, randomProblem } from '../helpers/random-problem.js';

type Editable = Record<string, any>;

const seen = new Set<string>();
/** The explanations, remembering which codes the tests produced. */
function explainUnscheduled(...args: Parameters<typeof explainOnce>): Unscheduled[] {
  const result = explainOnce(...args);
  for (const u of result) seen.add(u.code);
  return result;
}

// Day 1: am s1 s2, pm s3 s4; day 2: s5. The meeting under study is always "x", between a and b.
function problem(edit: (p: Editable) => void): Problem {
  const p: Editable = {
    format: 'meetgrid.problem/1',
    slots: [
      { id: 's1', day: '2025-05-28', start: '10:00', end: '10:20', session: 'am' },
      { id: 's2', day: '2025-05-28', start: '10:20', end: '10:40', session: 'am' },
      { id: 's3', day: '2025-05-28', start: '13:00', end: '13:20', session: 'pm' },
      { id: 's4', day: '2025-05-28', start: '13:20', end: '13:40', session: 'pm' },
      { id: 's5', day: '2025-05-29', start: '10:00', end: '10:20' },
    ],
    tables: [{ id: 'T-A' }, { id: 'T-B' }],
    participants: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
    meetings: [
      { id: 'x', between: ['a', 'b'] },
      { id: 'ac', between: ['a', 'c'] },
      { id: 'bd', between: ['b', 'd'] },
      { id: 'cd', between: ['c', 'd'] },
      { id: 'de', between: ['d', 'e'] },
      { id: 'ce', between: ['c', 'e'] },
    ],
  };
  edit(p);
  const result = validateProblem(p);
  if (!result.ok) throw new Error(`test problem is invalid: ${JSON.stringify(result.errors)}`);
  return result.problem;
}

const participant = (p: Editable, id: string): Editable => p.participants.find((x: Editable) => x.id === id);
const meeting = (p: Editable, id: string): Editable => p.meetings.find((x: Editable) => x.id === id);

function explain(p: Problem, placed: [string, string, string][], id = 'x'): Unscheduled {
  const assignments: Assignment[] = placed.map(([m, slot, table]) => ({ meeting: m, slot, table }));
  // The explanations assume assignments that respect the hard rules: make sure every case does.
  const listed = new Set(placed.map(([m]) => m));
  const rest = p.meetings.filter((m) => !listed.has(m.id)).map((m) => ({ meeting: m.id, code: 'X', reason: 'y' }));
  const report = checkSchedule(p, { format: 'meetgrid.schedule/1', status: 'partial', assignments, unscheduled: rest, stats: {} });
  const hard = report.violations.filter((v) => v.code !== 'SHAPE');
  if (hard.length > 0) throw new Error(`test assignments break a rule: ${JSON.stringify(hard)}`);
  const [result] = explainUnscheduled(p, assignments, [id]);
  return result!;
}

t.test('NO_COMMON_SLOT: the input leaves no slot both can attend', (t) => {
  const away = explain(problem((p) => (participant(p, 'a').unavailable = ['s1', 's2', 's3', 's4', 's5'])), []);
  t.same(away, {
    meeting: 'x',
    code: 'NO_COMMON_SLOT',
    reason: 'a is unavailable in every slot',
    params: { variant: 'unavailable', participant: 'a' },
  });
  const inSession = explain(
    problem((p) => {
      meeting(p, 'x').session = 'am';
      participant(p, 'b').unavailable = ['s1', 's2'];
    }),
    [],
  );
  t.same(inSession.reason, 'b is unavailable in every slot in session am');
  t.same(inSession.params, { variant: 'unavailable', participant: 'b', session: 'am' });
  const apart = explain(
    problem((p) => {
      participant(p, 'a').unavailable = ['s1', 's2'];
      participant(p, 'b').unavailable = ['s3', 's4', 's5'];
    }),
    [],
  );
  t.same(apart.reason, 'b is unavailable in all 3 slots a can attend');
  t.same(apart.params, { variant: 'apart', participant: 'b', other: 'a', count: 3 });

  t.end();
});

t.test('NO_TABLE: the input leaves no table in the slots both can attend', (t) => {
  const booth = explain(
    problem((p) => {
      participant(p, 'a').table = 'T-A';
      p.tables[0].unavailable = ['s1', 's2', 's3', 's4', 's5'];
    }),
    [],
  );
  t.same(booth, {
    meeting: 'x',
    code: 'NO_TABLE',
    reason: 'fixed table T-A of a is unavailable in the 5 slots both can attend',
    params: { variant: 'unavailable', count: 5, boothParticipants: ['a'], boothTables: ['T-A'] },
  });
  const closed = explain(
    problem((p) => {
      meeting(p, 'x').session = 'pm';
      p.tables[0].unavailable = ['s3', 's4'];
      p.tables[1].unavailable = ['s3', 's4'];
    }),
    [],
  );
  t.same(closed.reason, 'no table is available in the 2 slots both can attend in session pm');
  t.same(closed.params, { variant: 'noneAvailable', count: 2, session: 'pm' });
  const closedAtPin = explain(
    problem((p) => {
      meeting(p, 'x').slot = 's2';
      p.tables[0].unavailable = ['s2'];
      p.tables[1].unavailable = ['s2'];
    }),
    [],
  );
  t.same(closedAtPin, {
    meeting: 'x',
    code: 'NO_TABLE',
    reason: 'no table is available in the 1 slot both can attend (pinned slot s2)',
    params: { variant: 'noneAvailable', count: 1, pinnedSlot: 's2' },
  });
  const pinned = explain(
    problem((p) => {
      meeting(p, 'x').table = 'T-B';
      p.tables[1].unavailable = ['s1', 's2', 's3', 's4', 's5'];
    }),
    [],
  );
  t.same(pinned.reason, 'pinned table T-B is unavailable in the 5 slots both can attend');
  t.same(pinned.params, { variant: 'unavailable', count: 5, pinnedTable: 'T-B' });
  t.same(explain(problem((p) => (p.tables = 0)), []), {
    meeting: 'x',
    code: 'NO_TABLE',
    reason: 'the problem has no tables',
    params: { variant: 'noTables' },
  });
  t.end();
});

t.test('MAX_MEETINGS', (t) => {
  const full = explain(problem((p) => (participant(p, 'b').maxMeetings = 1)), [['bd', 's5', 'T-A']]);
  t.same(full, { meeting: 'x', code: 'MAX_MEETINGS', reason: 'maxMeetings of b reached (1)', params: { participant: 'b', cap: 1 } });
  t.end();
});

t.test('PRECEDENCE: an `after` meeting is unscheduled, or too late', (t) => {
  const missing = explain(problem((p) => (meeting(p, 'x').after = ['cd', 'de'])), [['de', 's1', 'T-A']]);
  t.same(missing, {
    meeting: 'x',
    code: 'PRECEDENCE',
    reason: 'must come after cd, which is unscheduled',
    params: { variant: 'unscheduled', meetings: ['cd'] },
  });
  const late = explain(problem((p) => (meeting(p, 'x').after = ['cd', 'de'])), [
    ['cd', 's3', 'T-A'],
    ['de', 's5', 'T-A'],
  ]);
  t.same(late, {
    meeting: 'x',
    code: 'PRECEDENCE',
    reason: 'must come after de (slot s5), and none of the 5 slots both can attend is later',
    params: { variant: 'tooLate', meetings: ['de'], slot: 's5', count: 5 },
  });
  t.end();
});

t.test('MAX_PER_DAY', (t) => {
  const result = explain(problem((p) => (participant(p, 'a').maxMeetingsPerDay = 1)), [['ac', 's2', 'T-A']], 'x');
  // Day 1 is full for a; day 2 (s5) is still open, so this is not the reason yet.
  t.equal(result.code, 'NOT_PLACED');
  const p = problem((p) => {
    participant(p, 'a').maxMeetingsPerDay = 1;
    participant(p, 'b').maxMeetingsPerDay = 1;
  });
  const both = explain(p, [
    ['ac', 's2', 'T-A'],
    ['bd', 's5', 'T-A'],
  ]);
  t.same(both, {
    meeting: 'x',
    code: 'MAX_PER_DAY',
    reason: 'maxMeetingsPerDay is reached on every day of the 5 slots both can attend: a (1) on 2025-05-28; b (1) on 2025-05-29',
    // One fact per participant and day, however many slots of that day were blocked.
    params: { count: 5, fullParticipants: ['a', 'b'], fullCaps: ['1', '1'], fullDays: ['2025-05-28', '2025-05-29'] },
  });
  t.end();
});

t.test('PIN_TAKEN: the pinned slot or table is used by another meeting', (t) => {
  const slot = explain(problem((p) => (meeting(p, 'x').slot = 's2')), [['ac', 's2', 'T-A']]);
  t.same(slot, {
    meeting: 'x',
    code: 'PIN_TAKEN',
    reason: 'pinned slot s2 is taken: a is in ac (s2)',
    params: { variant: 'slotBusy', slot: 's2', busyParticipants: ['a'], busyMeetings: ['ac'], busySlots: ['s2'] },
  });
  const table = explain(
    problem((p) => {
      meeting(p, 'x').table = 'T-B';
      meeting(p, 'x').session = 'am';
    }),
    [
      ['cd', 's1', 'T-B'],
      ['ce', 's2', 'T-B'],
    ],
  );
  t.same(table, {
    meeting: 'x',
    code: 'PIN_TAKEN',
    reason: 'pinned table T-B is taken: T-B by cd (s1), ce (s2)',
    params: { variant: 'tableTaken', table: 'T-B', takenTables: ['T-B', 'T-B'], takenMeetings: ['cd', 'ce'], takenSlots: ['s1', 's2'] },
  });
  const slotTables = explain(problem((p) => ((meeting(p, 'x').slot = 's3'), (p.tables = 1))), [['cd', 's3', 'T1']]);
  t.same(slotTables.reason, 'every table at pinned slot s3 is taken: T1 by cd (s3)');
  t.same(slotTables.params, { variant: 'slotTables', slot: 's3', takenTables: ['T1'], takenMeetings: ['cd'], takenSlots: ['s3'] });
  t.end();
});

t.test('NO_COMMON_SLOT: the participants are busy in every slot both can attend', (t) => {
  const result = explain(problem((p) => (meeting(p, 'x').session = 'am')), [
    ['ac', 's1', 'T-A'],
    ['bd', 's2', 'T-A'],
  ]);
  t.same(result, {
    meeting: 'x',
    code: 'NO_COMMON_SLOT',
    reason: 'a and b have no free slot in common: of the 2 slots both can attend in session am, a is in ac (s1); b is in bd (s2)',
    params: {
      variant: 'busy',
      a: 'a',
      b: 'b',
      count: 2,
      session: 'am',
      busyParticipants: ['a', 'b'],
      busyMeetings: ['ac', 'bd'],
      busySlots: ['s1', 's2'],
    },
  });
  t.end();
});

t.test('NO_TABLE: every table is taken where both are free', (t) => {
  const result = explain(
    problem((p) => ((meeting(p, 'x').session = 'am'), (p.tables = 1))),
    [
      ['cd', 's1', 'T1'],
      ['ce', 's2', 'T1'],
    ],
  );
  t.same(result, {
    meeting: 'x',
    code: 'NO_TABLE',
    reason: 'no table free in the 2 slots both have free in session am: T1 by cd (s1), ce (s2)',
    params: {
      variant: 'taken',
      count: 2,
      session: 'am',
      boothParticipants: [],
      boothTables: [],
      takenTables: ['T1', 'T1'],
      takenMeetings: ['cd', 'ce'],
      takenSlots: ['s1', 's2'],
    },
  });
  const booth = explain(
    problem((p) => {
      meeting(p, 'x').session = 'am';
      participant(p, 'b').table = 'T-B';
    }),
    [
      ['cd', 's1', 'T-B'],
      ['ce', 's2', 'T-B'],
    ],
  );
  t.match(booth, { code: 'NO_TABLE', reason: /\(fixed table T-B of b\): T-B by cd \(s1\), ce \(s2\)$/ });
  t.match(booth.params, { variant: 'taken', boothParticipants: ['b'], boothTables: ['T-B'], takenMeetings: ['cd', 'ce'] });
  t.end();
});

t.test('BREAK_CAP', (t) => {
  const result = explain(
    problem((p) => {
      p.rules = { maxBreaksPerParticipant: 0 };
      meeting(p, 'x').session = 'pm';
    }),
    [['ac', 's1', 'T-A']],
  );
  t.same(result, {
    meeting: 'x',
    code: 'BREAK_CAP',
    reason: 'every free common slot would exceed maxBreaksPerParticipant (0) for a (2 slots both can attend in session pm)',
    params: { cap: 0, participants: ['a'], count: 2, session: 'pm' },
  });
  t.end();
});

t.test('NEEDS_MOVES: each slot is blocked, but for different reasons', (t) => {
  const result = explain(
    problem((p) => ((meeting(p, 'x').session = 'am'), (p.tables = 1))),
    [
      ['ac', 's1', 'T1'],
      ['de', 's2', 'T1'],
    ],
  );
  t.same(result, {
    meeting: 'x',
    code: 'NEEDS_MOVES',
    reason:
      'placing it needs other meetings moved: of the 2 slots both can attend in session am, 1 with a participant in another meeting, 1 with no free table',
    params: { count: 2, session: 'am', busy: 1, tableTaken: 1 },
  });
  t.end();
});

t.test('NOT_PLACED: a meeting that fits as the schedule is', (t) => {
  t.same(explain(problem(() => {}), []), {
    meeting: 'x',
    code: 'NOT_PLACED',
    reason: 'it fits without moving anything: slot s1 at table T-A is free for a and b',
    params: { slot: 's1', table: 'T-A', a: 'a', b: 'b' },
  });
  t.end();
});

t.test('the most fundamental reason wins, and every meeting asked is explained', (t) => {
  const p = problem((p) => {
    participant(p, 'a').unavailable = ['s1', 's2', 's3', 's4', 's5'];
    participant(p, 'b').maxMeetings = 0;
    meeting(p, 'x').after = ['cd'];
  });
  t.equal(explain(p, []).code, 'NO_COMMON_SLOT', 'unavailability comes before caps and precedence');
  const q = problem((p) => {
    participant(p, 'b').maxMeetings = 0;
    meeting(p, 'x').after = ['cd'];
  });
  t.equal(explain(q, []).code, 'MAX_MEETINGS', 'a cap comes before precedence');
  const all = explainUnscheduled(q, [], ['x', 'cd', 'de']);
  t.same(
    all.map((u) => [u.meeting, u.code]),
    [
      ['x', 'MAX_MEETINGS'],
      ['cd', 'NOT_PLACED'],
      ['de', 'NOT_PLACED'],
    ],
  );
  t.throws(() => explainUnscheduled(q, [], ['nope']), /unknown meeting "nope"/);
  const itself = explainUnscheduled(problem(() => {}), [{ meeting: 'x', slot: 's1', table: 'T-A' }], ['x']);
  t.match(itself[0], { code: 'NOT_PLACED', reason: /slot s1 at table T-A/ }, 'its own listed assignment is ignored');
  t.end();
});

t.test('a schedule file whose unscheduled meetings carry params is valid for the checker', (t) => {
  const p = problem((p) => (participant(p, 'a').unavailable = ['s1', 's2', 's3', 's4', 's5']));
  const placed: Assignment[] = [{ meeting: 'cd', slot: 's1', table: 'T-A' }];
  const unscheduled = explainOnce(p, placed, ['x', 'ac', 'bd', 'de', 'ce']);
  t.ok(unscheduled.every((u) => u.params !== undefined), 'every explanation has params');
  const file = JSON.parse(
    JSON.stringify({
      format: 'meetgrid.schedule/1',
      status: 'partial',
      assignments: placed,
      unscheduled,
      stats: { meetings: 6, scheduled: 1, breaks: 0, tableChanges: 0, elapsedMs: 0 },
    }),
  );
  const report = checkSchedule(p, file);
  t.same(report.violations, []);
  t.ok(report.valid);
  t.end();
});

t.test('every explanation code is produced by some test above', (t) => {
  t.same([...EXPLANATION_CODES].filter((code) => !seen.has(code)), []);
  t.end();
});

t.test('explanations agree with the checker: NOT_PLACED exactly when some slot and table would do', (t) => {
  const soft = new Set(['SHAPE', 'STATS_MISMATCH', 'STATUS_MISMATCH']);
  const validWith = (p: Problem, assignments: Assignment[]): boolean => {
    const listed = new Set(assignments.map((a) => a.meeting));
    const unscheduled = p.meetings.filter((m) => !listed.has(m.id)).map((m) => ({ meeting: m.id, code: 'X', reason: 'y' }));
    const report = checkSchedule(p, { format: 'meetgrid.schedule/1', status: 'partial', assignments, unscheduled });
    return report.violations.every((v) => soft.has(v.code));
  };
  const byCode = new Map<string, number>();
  for (let seed = 1; seed <= 60; seed++) {
    const p = randomProblem(seed, seed % 2 === 0 ? 'tiny' : 'small');
    // A rough schedule: a short search, then some meetings taken out where that keeps it valid (a removal may
    // leave a precedence without its first meeting, or open a break over the cap).
    const random = mulberry32(seed);
    let assignments = [...solve(p, { seed, maxIterations: 200 }).assignments];
    t.ok(validWith(p, assignments), `#${seed}: the solver's answer is valid`);
    for (const a of [...assignments]) {
      const fewer = assignments.filter((b) => b !== a);
      if (random() < 0.3 && validWith(p, fewer)) assignments = fewer;
    }
    const placed = new Set(assignments.map((a) => a.meeting));
    const left = p.meetings.filter((m) => !placed.has(m.id)).map((m) => m.id);
    for (const u of explainOnce(p, assignments, left)) {
      byCode.set(u.code, (byCode.get(u.code) ?? 0) + 1);
      if (u.params === undefined) t.fail(`#${seed} ${u.meeting}: ${u.code} without params`);
      const fits = p.slots.some((slot) =>
        tableList(p).some((table) => validWith(p, [...assignments, { meeting: u.meeting, slot: slot.id, table: table.id }])),
      );
      if (fits !== (u.code === 'NOT_PLACED')) t.fail(`#${seed} ${u.meeting}: ${u.code} (${u.reason}), but fits = ${fits}`);
      const suggested = /slot (\S+) at table (\S+) is free/.exec(u.reason);
      if (suggested) {
        const [, slot, table] = suggested as unknown as [string, string, string];
        t.ok(validWith(p, [...assignments, { meeting: u.meeting, slot, table }]), `#${seed} ${u.meeting}: the suggested place is valid`);
      }
    }
  }
  const counts = JSON.stringify(Object.fromEntries(byCode));
  t.ok((byCode.get('NOT_PLACED') ?? 0) > 30, `meetings that fit: ${counts}`);
  t.ok(byCode.size >= 6, `meetings that do not, for several reasons: ${counts}`);
  t.end();
});

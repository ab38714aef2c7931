import t, { type Test } from 'tap';
import { formatInputError, tableList, validateProblem, type InputError } from '../../src/engine/validate.js';
import type { Problem } from '../../src/engine/types.js';
import { mutate, randomProblem } from '../helpers/random-problem.js';
import { checkSchedule } from '../../src/engine/check.js';
import { explainUnscheduled } from '../../src/engine/explain.js';

type Editable = Record<string, any>;

function base(): Editable {
  return {
    format: 'meetgrid.problem/1',
    name: 'GSAT 2025',
    timezone: 'Asia/Seoul',
    slots: [
      { id: 'd1-01', day: '2025-05-28', start: '10:00', end: '10:20', session: 'am' },
      { id: 'd1-02', day: '2025-05-28', start: '10:20', end: '10:40', session: 'am' },
      { id: 'd1-03', day: '2025-05-28', start: '13:00', end: '13:20', session: 'pm' },
      { id: 'd2-01', day: '2025-05-29', start: '10:00', end: '10:20' },
    ],
    tables: [{ id: 'A-1', room: 'Room A', unavailable: ['d1-03'] }, { id: 'A-2' }],
    participants: [
      { id: 'corp-01', name: 'Corp', role: 'corporate', table: 'A-1', maxMeetings: 3, maxMeetingsPerDay: 2 },
      { id: 'st-01', unavailable: ['d2-01'] },
      { id: 'st-02' },
    ],
    meetings: [
      { id: 'm-001', between: ['corp-01', 'st-01'], priority: 2, session: 'am' },
      { id: 'm-002', between: ['corp-01', 'st-02'], slot: 'd1-02', table: 'A-1', after: ['m-001'] },
      { id: 'm-003', between: ['st-01', 'st-02'] },
    ],
    rules: { maxBreaksPerParticipant: 1 },
  };
}

function errorsOf(edit: (p: Editable) => void): readonly InputError[] {
  const problem = base();
  edit(problem);
  const result = validateProblem(problem);
  return result.ok ? [] : result.errors;
}

/** Asserts the edit produces exactly one error at `path` whose message contains `text`. */
function expectError(t: Test, name: string, edit: (p: Editable) => void, path: string, text: string): void {
  const errors = errorsOf(edit);
  t.same(
    errors.map((e) => e.path),
    [path],
    `${name}: one error at ${path} (${errors.map(formatInputError).join(' | ')})`,
  );
  t.match(errors[0]?.message ?? '', text, `${name}: message`);
}

t.test('a valid problem is returned as given', (t) => {
  const problem = base();
  const result = validateProblem(problem);
  t.ok(result.ok);
  if (result.ok) t.equal(result.problem, problem as unknown as Problem);
  t.end();
});

t.test('the document itself', (t) => {
  t.same(validateProblem(null), { ok: false, errors: [{ path: '', message: 'the problem must be a JSON object' }] });
  t.same(validateProblem([]).ok, false);
  expectError(t, 'format', (p) => (p.format = 'meetgrid.problem/2'), 'format', 'must be "meetgrid.problem/1"');
  expectError(t, 'missing format', (p) => delete p.format, 'format', 'got nothing');
  expectError(t, 'unknown field', (p) => (p.extra = 1), 'extra', 'unknown field');
  expectError(t, 'name type', (p) => (p.name = 3), 'name', 'non-empty string');
  expectError(t, 'timezone', (p) => (p.timezone = 'Mars/Olympus'), 'timezone', 'unknown IANA time zone');
  expectError(t, 'slots required', (p) => delete p.slots, 'slots', 'is required');
  expectError(t, 'participants list', (p) => (p.participants = {}), 'participants', 'must be a list');
  expectError(t, 'rules object', (p) => (p.rules = 2), 'rules', 'must be an object');
  expectError(t, 'break cap', (p) => (p.rules.maxBreaksPerParticipant = -1), 'rules.maxBreaksPerParticipant', 'whole number >= 0');
  expectError(t, 'rules typo', (p) => (p.rules.maxBreaks = 1), 'rules.maxBreaks', 'unknown field');
  t.end();
});

t.test('slots', (t) => {
  expectError(t, 'not an object', (p) => (p.slots[1] = 'd1-02'), 'slots[1]', 'must be an object');
  expectError(t, 'duplicate id', (p) => (p.slots[1].id = 'd1-01'), 'slots[1].id', 'duplicate slot id "d1-01" (first at slots[0])');
  expectError(t, 'empty id', (p) => (p.slots[1].id = ' '), 'slots[1].id', 'non-empty string');
  expectError(t, 'day format', (p) => (p.slots[3].day = '29/05/2025'), 'slots[3].day', 'YYYY-MM-DD');
  expectError(t, 'impossible day', (p) => (p.slots[3].day = '2025-02-30'), 'slots[3].day', 'YYYY-MM-DD');
  expectError(t, 'time format', (p) => (p.slots[0].start = '9:00'), 'slots[0].start', 'HH:MM');
  expectError(t, 'hour range', (p) => (p.slots[0].end = '24:00'), 'slots[0].end', 'HH:MM');
  expectError(t, 'end after start', (p) => (p.slots[3].end = '10:00'), 'slots[3].end', 'must be after start (10:00)');
  expectError(t, 'overlap', (p) => (p.slots[1].start = '10:10'), 'slots[1].start', 'overlaps slots[0] (10:00-10:20)');
  expectError(
    t,
    'order within a day',
    (p) => Object.assign(p.slots[1], { start: '09:00', end: '09:20' }),
    'slots[1].start',
    'chronological order',
  );
  expectError(
    t,
    'day not consecutive',
    (p) => p.slots.push({ id: 'd1-04', day: '2025-05-28', start: '14:00', end: '14:20' }),
    'slots[4].day',
    'slots of day 2025-05-28 must be consecutive',
  );
  expectError(t, 'days out of order', (p) => (p.slots[3].day = '2025-05-27'), 'slots[3].day', 'chronological order');
  expectError(t, 'session type', (p) => (p.slots[0].session = 1), 'slots[0].session', 'non-empty string');
  t.end();
});

t.test('tables', (t) => {
  expectError(t, 'required', (p) => delete p.tables, 'tables', 'is required');
  expectError(t, 'negative count', (p) => (p.tables = -2), 'tables', 'whole number >= 0');
  expectError(t, 'fraction', (p) => (p.tables = 2.5), 'tables', 'whole number >= 0');
  expectError(t, 'duplicate id', (p) => (p.tables[1].id = 'A-1'), 'tables[1].id', 'duplicate table id "A-1"');
  expectError(t, 'unknown unavailable slot', (p) => (p.tables[0].unavailable = ['d9-09']), 'tables[0].unavailable[0]', 'unknown slot "d9-09"');
  expectError(t, 'unavailable not a list', (p) => (p.tables[0].unavailable = 'd1-01'), 'tables[0].unavailable', 'list of slot ids');
  t.end();
});

t.test('tables as a number expand to T1..TN', (t) => {
  const problem = base();
  problem.tables = 3;
  problem.participants[0].table = 'T2';
  problem.meetings[1].table = 'T2';
  const result = validateProblem(problem);
  t.ok(result.ok, 'booths and pins may name T1..TN');
  if (result.ok) t.same(tableList(result.problem), [{ id: 'T1' }, { id: 'T2' }, { id: 'T3' }]);
  expectError(t, 'beyond N', (p) => ((p.tables = 2), (p.participants[0].table = 'T3'), delete p.meetings[1].table), 'participants[0].table', 'unknown table "T3"');
  const listed = base();
  t.equal(tableList(listed as unknown as Problem), listed.tables, 'a list is returned as is');
  t.end();
});

t.test('participants', (t) => {
  expectError(t, 'duplicate id', (p) => (p.participants[2].id = 'st-01'), 'participants[2].id', 'duplicate participant id "st-01"');
  expectError(t, 'unknown booth', (p) => (p.participants[2].table = 'Z-9'), 'participants[2].table', 'unknown table "Z-9"');
  expectError(t, 'unknown unavailable', (p) => (p.participants[1].unavailable = ['d1-01', 7]), 'participants[1].unavailable[1]', 'slot id');
  expectError(t, 'maxMeetings', (p) => (p.participants[0].maxMeetings = 1.5), 'participants[0].maxMeetings', 'whole number >= 0');
  expectError(t, 'maxMeetingsPerDay', (p) => (p.participants[0].maxMeetingsPerDay = '2'), 'participants[0].maxMeetingsPerDay', 'whole number >= 0');
  expectError(t, 'typo', (p) => (p.participants[0].maxMeeting = 2), 'participants[0].maxMeeting', 'unknown field');
  t.end();
});

t.test('meetings', (t) => {
  expectError(t, 'duplicate id', (p) => (p.meetings[2].id = 'm-001'), 'meetings[2].id', 'duplicate meeting id "m-001"');
  expectError(t, 'unknown participant', (p) => (p.meetings[2].between[1] = 'st-99'), 'meetings[2].between[1]', 'unknown participant "st-99"');
  expectError(t, 'three ids', (p) => p.meetings[2].between.push('corp-01'), 'meetings[2].between', 'exactly two');
  expectError(t, 'same twice', (p) => (p.meetings[2].between = ['st-01', 'st-01']), 'meetings[2].between', 'two different participants');
  expectError(t, 'id type', (p) => (p.meetings[2].between[0] = 1), 'meetings[2].between[0]', 'participant id');
  expectError(t, 'priority 0', (p) => (p.meetings[0].priority = 0), 'meetings[0].priority', 'whole number >= 1');
  expectError(t, 'priority fraction', (p) => (p.meetings[0].priority = 1.5), 'meetings[0].priority', 'whole number >= 1');
  expectError(t, 'unknown session', (p) => (p.meetings[0].session = 'evening'), 'meetings[0].session', 'no slot has session "evening"');
  expectError(t, 'unknown slot', (p) => (p.meetings[2].slot = 'd9-01'), 'meetings[2].slot', 'unknown slot "d9-01"');
  expectError(t, 'unknown table', (p) => (p.meetings[2].table = 'Z-1'), 'meetings[2].table', 'unknown table "Z-1"');
  expectError(t, 'after not a list', (p) => (p.meetings[2].after = 'm-001'), 'meetings[2].after', 'list of meeting ids');
  expectError(t, 'after unknown', (p) => (p.meetings[2].after = ['m-404']), 'meetings[2].after[0]', 'unknown meeting "m-404"');
  t.end();
});

t.test('pins', (t) => {
  expectError(t, 'participant unavailable', (p) => (p.meetings[2].slot = 'd2-01'), 'meetings[2].slot', 'unavailable for participant "st-01"');
  expectError(t, 'table unavailable', (p) => Object.assign(p.meetings[2], { slot: 'd1-03', table: 'A-1' }), 'meetings[2].table', 'pinned table "A-1" is unavailable in pinned slot "d1-03"');
  expectError(t, 'booth unavailable', (p) => ((p.meetings[1].slot = 'd1-03'), delete p.meetings[1].table), 'meetings[1].slot', 'fixed table "A-1" of "corp-01" unavailable in pinned slot "d1-03"');
  expectError(t, 'table contradicts booth', (p) => (p.meetings[1].table = 'A-2'), 'meetings[1].table', 'contradicts the fixed table (booth) of "corp-01"');
  expectError(t, 'slot outside session', (p) => Object.assign(p.meetings[2], { session: 'am', slot: 'd1-03' }), 'meetings[2].slot', 'not in session "am"');
  const bothBooths = base();
  bothBooths.participants[2].table = 'A-2';
  bothBooths.meetings[1].table = 'A-2';
  t.ok(validateProblem(bothBooths).ok, 'with two booths, either may be pinned');
  bothBooths.meetings[1].slot = 'd1-03';
  delete bothBooths.meetings[1].table;
  t.ok(validateProblem(bothBooths).ok, 'one of two booths open at the pinned slot is enough');
  t.end();
});

t.test('after: pins in the wrong order and cycles, named', (t) => {
  expectError(t, 'pins contradict after', (p) => (p.meetings[0].slot = 'd1-02'), 'meetings[1].after[0]', '"m-001" is pinned to slot "d1-02", not earlier');
  expectError(t, 'self', (p) => (p.meetings[2].after = ['m-003']), 'meetings[2].after[0]', 'cycle: "m-003" → "m-003"');
  expectError(t, 'two-cycle', (p) => (p.meetings[0].after = ['m-002']), 'meetings[1].after[0]', 'cycle: "m-001" → "m-002" → "m-001"');
  const errors = errorsOf((p) => {
    p.meetings[0].after = ['m-003'];
    p.meetings[2].after = ['m-002'];
  });
  t.same(errors.length, 1, 'a three-cycle is reported once');
  t.match(errors[0]?.message, /cycle: "m-00\d" → "m-00\d" → "m-00\d" → "m-00\d"/);
  t.end();
});

t.test('list entries that are not objects hide the references to them', (t) => {
  expectError(t, 'table', (p) => (p.tables[0] = 'A-1'), 'tables[0]', 'must be an object');
  expectError(t, 'participant', (p) => (p.participants[1] = null), 'participants[1]', 'must be an object');
  expectError(t, 'meeting', (p) => (p.meetings[0] = ['corp-01', 'st-01']), 'meetings[0]', 'must be an object');
  t.end();
});

t.test('all errors are collected, not just the first', (t) => {
  const errors = errorsOf((p) => {
    p.format = 'x';
    p.slots[0].day = 'monday';
    p.meetings[0].between[0] = 'nobody';
    p.participants[1].maxMeetings = -1;
  });
  t.same(errors.map((e) => e.path).sort(), ['format', 'meetings[0].between[0]', 'participants[1].maxMeetings', 'slots[0].day']);
  t.equal(formatInputError({ path: 'a.b', message: 'bad' }), 'a.b: bad');
  t.equal(formatInputError({ path: '', message: 'bad' }), 'bad');
  t.end();
});

t.test('random problems are valid', (t) => {
  for (const size of ['tiny', 'small', 'medium'] as const) {
    for (let seed = 1; seed <= 60; seed++) {
      const result = validateProblem(randomProblem(seed, size));
      if (!result.ok) t.fail(`${size} #${seed}: ${result.errors.map(formatInputError).join('; ')}`);
    }
  }
  t.same(randomProblem(5, 'medium'), randomProblem(5, 'medium'), 'same seed, same problem');
  t.notSame(randomProblem(5, 'medium'), randomProblem(6, 'medium'), 'another seed, another problem');
  t.end();
});

t.test('mutated problems never crash the validator, and every error names a field', (t) => {
  let rejected = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const input = mutate(randomProblem(seed, 'small'), seed);
    const result = validateProblem(input);
    if (!result.ok) {
      rejected++;
      for (const e of result.errors) {
        if (!/^[a-zA-Z]+(\[\d+\])?(\.[a-zA-Z]+(\[\d+\])?)*$/.test(e.path) || e.message === '') t.fail(`#${seed}: ${formatInputError(e)}`);
      }
      continue;
    }
    // Accepted (the mutation was harmless, e.g. a renamed label): the rest of the engine must cope with it.
    const ids = result.problem.meetings.map((m) => m.id);
    t.doesNotThrow(() => explainUnscheduled(result.problem, [], ids), `#${seed}: explained`);
    t.doesNotThrow(() => checkSchedule(result.problem, mutate({ format: 'meetgrid.schedule/1', assignments: [], unscheduled: [] }, seed)));
  }
  t.ok(rejected > 200, `${rejected} of 400 mutations rejected`);
  t.end();
});

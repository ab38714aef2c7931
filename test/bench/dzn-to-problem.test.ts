import t from 'tap';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { convertFile, dznToProblem, instanceName } from '../../bench/dzn-to-problem.js';
import { toJsonLines } from '../../bench/json-lines.js';
import { readKnownOptima, parseKnownOptima } from '../../bench/known-optima.js';
import { b2bDir } from '../../bench/paths.js';

const SMALL = `% 4 participants, 4 meetings, 2 tables, 3 morning + 2 afternoon slots
nBusiness = 4; nMeetings = 4; nTables = 2; nTotalSlots = 5; nMorningSlots = 3;
requested = [|1, 2, 1, |3, 4, 2, |1, 3, 3, |1, 2, 3, |];
nMeetingsBusiness = [3, 2, 2, 1];
forbidden = [{0}, {0, 4}, {5, 1}, {}];
fixed = [0, 0, 2, 0];
precedences = [{}, {}, {1}, {1, 3}];
`;

t.test('converts a hand-written instance field by field', (t) => {
  const problem = dznToProblem(SMALL, 'small');
  t.equal(problem.format, 'meetgrid.problem/1');
  t.equal(problem.name, 'small');
  t.equal(problem.tables, 2);
  t.same(problem.rules, { maxBreaksPerParticipant: 2 });
  t.same(
    problem.slots.map((s) => [s.id, s.session, s.start, s.end]),
    [
      ['s1', 'am', '09:00', '09:20'],
      ['s2', 'am', '09:20', '09:40'],
      ['s3', 'am', '09:40', '10:00'],
      ['s4', 'pm', '14:00', '14:20'],
      ['s5', 'pm', '14:20', '14:40'],
    ],
  );
  t.ok(problem.slots.every((s) => s.day === problem.slots[0]!.day));
  t.same(problem.participants, [{ id: 'p1' }, { id: 'p2', unavailable: ['s4'] }, { id: 'p3', unavailable: ['s1', 's5'] }, { id: 'p4' }]);
  t.same(problem.meetings, [
    { id: 'm1', between: ['p1', 'p2'], session: 'am' },
    { id: 'm2', between: ['p3', 'p4'], session: 'pm' },
    { id: 'm3', between: ['p1', 'p3'], slot: 's2', after: ['m1'] },
    { id: 'm4', between: ['p1', 'p2'], after: ['m1', 'm3'] },
  ]);
  t.end();
});

t.test('bad instances are refused with the field named', (t) => {
  const cases: [string, string, string][] = [
    ['nTables = 2;', 'nTables = 0;', 'nTables: must be at least 1, found 0'],
    ['nMorningSlots = 3;', 'nMorningSlots = 6;', 'nMorningSlots: 6 is outside 0..nTotalSlots (5)'],
    ['|3, 4, 2, ', '|3, 5, 2, ', 'requested[2]: participant 5 is outside 1..4'],
    ['|3, 4, 2, ', '|3, 3, 2, ', 'requested[2]: participant 3 cannot meet themselves'],
    ['|3, 4, 2, ', '|3, 4, 7, ', 'requested[2]: session 7 is not 1, 2 or 3'],
    ['|1, 2, 3, |]', '|]', 'requested: 3 entries, expected one per meeting (nMeetings) (4)'],
    ['{5, 1}', '{6}', 'forbidden[3]: slot 6 is outside 1..5'],
    ['{0}, {0, 4}', '{0, 4}', 'forbidden: 3 entries, expected one per participant (4)'],
    ['fixed = [0, 0, 2, 0]', 'fixed = [0, 0, 9, 0]', 'fixed[3]: slot 9 is outside 1..5'],
    ['{1, 3}]', '{1, 8}]', 'precedences[4]: meeting 8 is outside 1..4'],
    ['{1, 3}]', '{4}]', 'precedences[4]: a meeting cannot precede itself'],
    ['[3, 2, 2, 1]', '[3, 2, 1, 1]', 'nMeetingsBusiness[3]: says 1 meetings, requested has 2'],
    ['nBusiness = 4;', '', 'nBusiness: missing'],
  ];
  for (const [from, to, message] of cases) {
    const source = SMALL.replace(from, to);
    t.not(source, SMALL, `the case "${to}" edits the instance`);
    t.throws(() => dznToProblem(source), { message }, message);
  }
  t.end();
});

t.test('optional fields: no fixed, no precedences, no redundant counts', (t) => {
  const source = SMALL.replace(/^(fixed|precedences|nMeetingsBusiness) = .*$/gm, '');
  const problem = dznToProblem(source);
  t.equal(problem.name, undefined);
  t.ok(problem.meetings.every((m) => m.slot === undefined && m.after === undefined));
  t.end();
});

// The benchmark data sit beside the repository (or at MEETGRID_B2B_DIR), not inside it: a clone without them
// still passes, and says which checks it could not make.
const dir = b2bDir();
const absent = existsSync(join(dir, 'known-optima.csv')) ? false : `benchmark data not found at ${dir} (set MEETGRID_B2B_DIR)`;
const known = absent ? [] : readKnownOptima(dir);

t.test('every benchmark file converts and its counts match known-optima.csv', { skip: absent }, (t) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.dzn'));
  t.equal(files.length, 60);
  t.equal(known.length, 60);
  for (const file of files) {
    const problem = convertFile(join(dir, file));
    const row = known.find((k) => k.instance === instanceName(file));
    t.ok(row, `${file} is listed`);
    t.same(
      [problem.participants.length, problem.meetings.length, problem.slots.length, problem.slots.filter((s) => s.session === 'am').length, problem.tables],
      [row?.participants, row?.meetings, row?.slots, row?.morningSlots, row?.tables],
      file,
    );
  }
  const tic12 = convertFile(join(dir, 'tic-12.original.dzn'));
  t.same(tic12.meetings[0], { id: 'm001', between: ['p01', 'p08'] });
  t.same(tic12.meetings.at(-1), { id: 'm125', between: ['p42', 'p30'] });
  const repeated = convertFile(join(dir, 'forum-13crafb.original.dzn')).meetings.map((m) => [...m.between].sort().join('+'));
  t.ok(repeated.length > new Set(repeated).size, 'forum-13crafb holds a pair twice');
  t.ok(convertFile(join(dir, 'tic-12.prec15.dzn')).meetings.some((m) => (m.after?.length ?? 0) > 0), 'precedences become after');
  t.end();
});

t.test('the committed fixtures are what the converter writes today', { skip: absent }, (t) => {
  const fixtures = new URL('../fixtures/b2b/', import.meta.url);
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.json'));
  t.ok(names.length >= 4);
  for (const name of names) {
    const expected = readFileSync(new URL(name, fixtures), 'utf8');
    t.equal(toJsonLines(convertFile(join(dir, name.replace(/\.json$/, '.dzn')))), expected, name);
  }
  t.end();
});

t.test('known-optima.csv rows are typed', { skip: absent }, (t) => {
  const rows = new Map(known.map((k) => [k.instance, k]));
  t.match(rows.get('forum-13crafb.original'), { optimum: 6, paperMaxSat: 23.3, paperChuffed: 1725.6, paperMip: 'TO' });
  t.match(rows.get('ticf-13crafb.prec15'), { optimum: 'UNSAT' });
  t.equal(rows.get('ticf-13crafb.prec15')?.paperMip, undefined);
  t.throws(() => parseKnownOptima('instance,participants\nx,many\n'), { message: 'known-optima.csv line 2: participants "many" is not a whole number' });
  t.end();
});

t.test('JSON lines output parses back to the same value', (t) => {
  const problem = dznToProblem(SMALL, 'small');
  t.same(JSON.parse(toJsonLines(problem)), problem);
  t.equal(toJsonLines([1, 2]), '[1,2]\n');
  t.same(JSON.parse(toJsonLines({ empty: [], n: 1 })), { empty: [], n: 1 });
  t.end();
});

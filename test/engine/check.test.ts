import t from 'tap';
import { countBreaks, countTableChanges } from '../../src/engine/breaks.js';
import { checkSchedule as checkScheduleOnce, VIOLATION_CODES, type CheckReport } from '../../src/engine/check.js';
import type { Problem } from '../../src/engine/types.js';
import { validateProblem } from '../../src/engine/validate.js';

type Editable = Record<string, any>;

const seen = new Set<string>();
/** The checker, remembering which codes the tests produced. */
function checkSchedule(problem: Problem, schedule: unknown): CheckReport {
  const report = checkScheduleOnce(problem, schedule);
  for (const v of report.violations) seen.add(v.code);
  return report;
}

// Day 1: am d1-01 d1-02, a lunch pause (no slots), pm d1-03 d1-04; day 2: d2-01 d2-02.
function problem(edit: (p: Editable) => void = () => {}): Problem {
  const p: Editable = {
    format: 'meetgrid.problem/1',
    slots: [
      { id: 'd1-01', day: '2025-05-28', start: '10:00', end: '10:20', session: 'am' },
      { id: 'd1-02', day: '2025-05-28', start: '10:20', end: '10:40', session: 'am' },
      { id: 'd1-03', day: '2025-05-28', start: '13:00', end: '13:20', session: 'pm' },
      { id: 'd1-04', day: '2025-05-28', start: '13:20', end: '13:40', session: 'pm' },
      { id: 'd2-01', day: '2025-05-29', start: '10:00', end: '10:20' },
      { id: 'd2-02', day: '2025-05-29', start: '10:20', end: '10:40' },
    ],
    tables: [{ id: 'A-1', unavailable: ['d2-02'] }, { id: 'A-2' }, { id: 'A-3' }],
    participants: [
      { id: 'corp-01', table: 'A-1' },
      { id: 'corp-02', maxMeetings: 3, maxMeetingsPerDay: 3 },
      { id: 'st-01', unavailable: ['d1-04'] },
      { id: 'st-02' },
      { id: 'st-03' },
    ],
    meetings: [
      { id: 'm-01', between: ['corp-01', 'st-01'], session: 'am', priority: 3 },
      { id: 'm-02', between: ['corp-01', 'st-02'], slot: 'd1-02' },
      { id: 'm-03', between: ['corp-02', 'st-01'], table: 'A-2' },
      { id: 'm-04', between: ['corp-02', 'st-02'], after: ['m-03'] },
      { id: 'm-05', between: ['corp-02', 'st-03'] },
      { id: 'm-06', between: ['corp-01', 'st-03'] },
    ],
    rules: { maxBreaksPerParticipant: 1 },
  };
  edit(p);
  const result = validateProblem(p);
  if (!result.ok) throw new Error(`test problem is invalid: ${JSON.stringify(result.errors)}`);
  return result.problem;
}

function schedule(edit: (s: Editable) => void = () => {}): Editable {
  const s: Editable = {
    format: 'meetgrid.schedule/1',
    status: 'optimal',
    assignments: [
      { meeting: 'm-01', slot: 'd1-01', table: 'A-1' },
      { meeting: 'm-02', slot: 'd1-02', table: 'A-1' },
      { meeting: 'm-03', slot: 'd1-02', table: 'A-2' },
      { meeting: 'm-04', slot: 'd1-03', table: 'A-3' },
      { meeting: 'm-05', slot: 'd2-01', table: 'A-2' },
      { meeting: 'm-06', slot: 'd1-03', table: 'A-1' },
    ],
    unscheduled: [],
    stats: { meetings: 6, scheduled: 6, breaks: 0, tableChanges: 3, elapsedMs: 12 },
  };
  edit(s);
  return s;
}

function place(s: Editable, meeting: string, slot: string, table: string): void {
  const assignment = s.assignments.find((a: Editable) => a.meeting === meeting);
  Object.assign(assignment, { slot, table });
}

function unschedule(s: Editable, meeting: string, code = 'NO_COMMON_SLOT', reason = 'because'): void {
  s.assignments = s.assignments.filter((a: Editable) => a.meeting !== meeting);
  s.unscheduled.push({ meeting, code, reason });
  s.status = 'partial';
}

/** Violation codes other than the stats disagreeing (most edits change the figures too). */
function codes(report: CheckReport): string[] {
  return report.violations.map((v) => v.code).filter((code) => code !== 'STATS_MISMATCH');
}

t.test('the base schedule is valid, with its figures recomputed', (t) => {
  const report = checkSchedule(problem(), schedule());
  t.same(report.violations, []);
  t.equal(report.valid, true);
  t.same(report.figures, {
    meetings: 6,
    scheduled: 6,
    unscheduled: 0,
    priorityScheduled: 8,
    breaks: 0,
    maxBreaks: 0,
    // corp-02 A-2→A-3, st-01 A-1→A-2, st-02 A-1→A-3; day 2 starts fresh; corp-01 has a booth.
    tableChanges: 3,
  });
  t.end();
});

t.test('break count', (t) => {
  const days = ['d1', 'd1', 'd1', 'd1', 'd1', 'd2', 'd2', 'd2'];
  t.equal(countBreaks([], days), 0, 'no meetings');
  t.equal(countBreaks([2], days), 0, 'one meeting, idle before and after');
  t.equal(countBreaks([1, 2, 3], days), 0, 'back to back, idle at start and end of the day');
  t.equal(countBreaks([0, 2], days), 1, 'one free slot between');
  t.equal(countBreaks([0, 3], days), 1, 'two free slots between is still one break');
  t.equal(countBreaks([4, 0, 2], days), 2, 'unordered input');
  t.equal(countBreaks([3, 4, 5], days), 0, 'the last slot of a day and the first of the next are not a break');
  t.equal(countBreaks([2, 7], days), 0, 'meetings on two days, each alone');
  t.equal(countBreaks([0, 2, 5, 7], days), 2, 'one break on each day');
  t.equal(countBreaks([2, 2], days), 0, 'two meetings in one slot are not a break');

  // Through the checker: st-02 meets at d1-02 (before lunch) and d1-03 (after lunch): adjacent in the list.
  t.equal(checkSchedule(problem(), schedule()).figures.breaks, 0, 'a lunch pause without slots is not a break');
  const gap = checkSchedule(problem(), schedule((s) => place(s, 'm-05', 'd1-01', 'A-3')));
  t.equal(gap.figures.breaks, 1, 'st-03 at d1-01 and d1-03: one break');
  t.equal(gap.figures.maxBreaks, 1);
  t.end();
});

t.test('table changes', (t) => {
  const days = ['d1', 'd1', 'd1', 'd2'];
  t.equal(countTableChanges([{ slot: 0, table: 'A' }, { slot: 2, table: 'A' }], days), 0, 'same table across a gap');
  t.equal(countTableChanges([{ slot: 2, table: 'B' }, { slot: 0, table: 'A' }], days), 1, 'a change, in slot order');
  t.equal(countTableChanges([{ slot: 2, table: 'A' }, { slot: 3, table: 'B' }], days), 0, 'a new day starts fresh');
  t.end();
});

t.test('the schedule file itself', (t) => {
  const notObject = checkSchedule(problem(), 'nope');
  t.same(codes(notObject), ['SHAPE']);
  t.equal(notObject.valid, false);
  t.equal(notObject.figures.scheduled, 0);
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.format = 'meetgrid.schedule/0')))), ['FORMAT']);
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.status = 'done')))), ['SHAPE']);
  const noList = checkSchedule(problem(), schedule((s) => (s.assignments = {})));
  t.same(new Set(codes(noList)), new Set(['SHAPE', 'MISSING_MEETING']));
  t.match(noList.violations[0]?.message, /^assignments: must be a list/);
  const badItem = checkSchedule(problem(), schedule((s) => delete s.assignments[2].table));
  t.match(badItem.violations[0], { code: 'SHAPE', message: /^assignments\[2\]: must be an object/ });
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.unscheduled = null)))), ['SHAPE']);
  t.same(codes(checkSchedule(problem(), schedule((s) => s.unscheduled.push({ code: 'X' })))), ['SHAPE']);
  t.end();
});

t.test('every meeting exactly once, known ids, reasons', (t) => {
  const unknown = checkSchedule(problem(), schedule((s) => s.assignments.push({ meeting: 'm-99', slot: 'd2-02', table: 'A-3' })));
  t.same(codes(unknown), ['UNKNOWN_MEETING']);
  t.match(unknown.violations[0], { meeting: 'm-99', message: 'assignments[6].meeting: unknown meeting "m-99"' });
  t.same(codes(checkSchedule(problem(), schedule((s) => place(s, 'm-05', 'd9-01', 'A-2')))), ['UNKNOWN_SLOT']);
  t.same(codes(checkSchedule(problem(), schedule((s) => place(s, 'm-05', 'd2-01', 'Z-9')))), ['UNKNOWN_TABLE']);
  const twice = checkSchedule(problem(), schedule((s) => s.unscheduled.push({ meeting: 'm-05', code: 'X', reason: 'y' })));
  t.same(codes(twice), ['DUPLICATE_MEETING']);
  t.match(twice.violations[0]?.message, 'already listed at assignments[4]');
  t.same(codes(checkSchedule(problem(), schedule((s) => s.assignments.push({ meeting: 'm-05', slot: 'd2-02', table: 'A-3' })))), [
    'DUPLICATE_MEETING',
  ]);
  const missing = checkSchedule(problem(), schedule((s) => s.assignments.pop()));
  t.same(codes(missing), ['MISSING_MEETING']);
  t.equal(missing.violations[0]?.meeting, 'm-06');
  t.same(codes(checkSchedule(problem(), schedule((s) => unschedule(s, 'm-06', '', 'x')))), ['MISSING_REASON']);
  t.same(codes(checkSchedule(problem(), schedule((s) => unschedule(s, 'm-06', 'X', ' ')))), ['MISSING_REASON']);
  const left = checkSchedule(problem(), schedule((s) => unschedule(s, 'm-06')));
  t.same(codes(left), [], 'a listed unscheduled meeting with a reason is fine');
  t.same([left.figures.scheduled, left.figures.unscheduled, left.figures.priorityScheduled], [5, 1, 7]);
  t.end();
});

t.test('rule 1: participants', (t) => {
  const double = checkSchedule(problem(), schedule((s) => place(s, 'm-05', 'd1-03', 'A-2')));
  t.same(codes(double), ['PARTICIPANT_DOUBLE_BOOKED', 'PARTICIPANT_DOUBLE_BOOKED'], 'corp-02 and st-03');
  t.match(double.violations[0], { meeting: 'm-05', message: 'corp-02 is in both m-04 and m-05 at slot d1-03' });
  t.same([double.violations[0]?.meetings, double.violations[0]?.participant], [['m-04', 'm-05'], 'corp-02'], 'both meetings involved');
  t.match(double.violations[1], { meeting: 'm-06', message: 'st-03 is in both m-05 and m-06 at slot d1-03' });
  const away = checkSchedule(problem((p) => (p.participants[4].unavailable = ['d1-03'])), schedule());
  t.same(codes(away), ['PARTICIPANT_UNAVAILABLE']);
  t.match(away.violations[0]?.message, 'm-06 is at slot d1-03, where st-03 is unavailable');
  t.end();
});

t.test('rule 2: tables', (t) => {
  const double = checkSchedule(problem(), schedule((s) => place(s, 'm-05', 'd1-01', 'A-1')));
  t.same(codes(double), ['TABLE_DOUBLE_BOOKED']);
  t.match(double.violations[0]?.message, 'table A-1 holds both m-01 and m-05 at slot d1-01');
  t.same(codes(checkSchedule(problem(), schedule((s) => place(s, 'm-05', 'd2-02', 'A-1')))), ['TABLE_UNAVAILABLE']);
  t.end();
});

t.test('rule 3: fixed tables (booths)', (t) => {
  const wrong = checkSchedule(problem(), schedule((s) => place(s, 'm-06', 'd1-03', 'A-2')));
  t.same(codes(wrong), ['WRONG_TABLE']);
  t.match(wrong.violations[0]?.message, 'must be at the fixed table A-1 (corp-01)');
  const twoBooths = problem((p) => (p.participants[4].table = 'A-3'));
  const atBooths = (slot: string, table: string) =>
    schedule((s) => {
      place(s, 'm-05', 'd2-01', 'A-3');
      place(s, 'm-06', slot, table);
    });
  t.same(codes(checkSchedule(twoBooths, atBooths('d1-03', 'A-1'))), [], "at the first one's booth");
  t.same(codes(checkSchedule(twoBooths, atBooths('d1-04', 'A-3'))), [], "at the second one's booth");
  t.same(codes(checkSchedule(twoBooths, atBooths('d1-04', 'A-2'))), ['WRONG_TABLE']);
  t.end();
});

t.test('rule 4: session, pins, after, caps', (t) => {
  const session = checkSchedule(problem(), schedule((s) => place(s, 'm-01', 'd2-01', 'A-1')));
  t.same(codes(session), ['WRONG_SESSION']);
  t.match(session.violations[0]?.message, 'slot d2-01 is in no session');
  t.same(codes(checkSchedule(problem(), schedule((s) => place(s, 'm-02', 'd1-04', 'A-1')))), ['PIN_SLOT']);
  t.same(codes(checkSchedule(problem(), schedule((s) => place(s, 'm-03', 'd1-02', 'A-3')))), ['PIN_TABLE']);
  const early = checkSchedule(problem(), schedule((s) => place(s, 'm-04', 'd1-01', 'A-3')));
  t.same(codes(early), ['PRECEDENCE']);
  t.match(early.violations[0]?.message, 'm-04 (slot d1-01) must come after m-03 (slot d1-02)');
  t.same(early.violations[0]?.meetings, ['m-03', 'm-04'], 'moving either meeting may cure it');
  const same = checkSchedule(problem(), schedule((s) => place(s, 'm-04', 'd1-02', 'A-3')));
  t.ok(codes(same).includes('PRECEDENCE'), 'the same slot is not strictly earlier');
  const dropped = checkSchedule(problem(), schedule((s) => unschedule(s, 'm-03')));
  t.same(codes(dropped), ['PRECEDENCE']);
  t.match(dropped.violations[0]?.message, 'm-04 must come after m-03, which is not scheduled');
  const cap = checkSchedule(problem((p) => (p.participants[1].maxMeetings = 2)), schedule());
  t.same(codes(cap), ['MAX_MEETINGS']);
  t.match(cap.violations[0]?.message, 'corp-02 has 3 meetings, more than maxMeetings (2)');
  const perDay = checkSchedule(problem((p) => (p.participants[1].maxMeetingsPerDay = 1)), schedule());
  t.same(codes(perDay), ['MAX_PER_DAY']);
  t.match(perDay.violations[0]?.message, 'corp-02 has 2 meetings on 2025-05-28, more than maxMeetingsPerDay (1)');
  t.same(perDay.violations[0]?.meetings, ['m-03', 'm-04'], 'the meetings of that day are involved');
  t.equal(perDay.violations[0]?.participant, 'corp-02');
  const breaks = checkSchedule(problem((p) => (p.rules.maxBreaksPerParticipant = 0)), schedule((s) => place(s, 'm-05', 'd1-01', 'A-3')));
  t.same(codes(breaks), ['MAX_BREAKS']);
  t.match(breaks.violations[0]?.message, 'st-03 has 1 breaks, more than maxBreaksPerParticipant (0)');
  t.same(breaks.violations[0]?.meetings, ['m-05', 'm-06']);
  t.end();
});

t.test('stats and status must agree with the schedule', (t) => {
  const stats = checkSchedule(problem(), schedule((s) => ((s.stats.breaks = 2), (s.stats.scheduled = 5))));
  t.same(
    stats.violations.map((v) => v.message),
    ['stats.scheduled is 5, but the schedule has 6', 'stats.breaks is 2, but the schedule has 0'],
  );
  t.same(stats.violations.map((v) => v.code), ['STATS_MISMATCH', 'STATS_MISMATCH']);
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.stats.tableChanges = 0)))), []);
  t.equal(checkSchedule(problem(), schedule((s) => (s.stats.tableChanges = 0))).valid, false);
  const shape = checkSchedule(problem(), schedule((s) => ((s.stats.elapsedMs = 'fast'), delete s.stats.meetings)));
  t.same(shape.violations.map((v) => v.message), ['stats.elapsedMs: must be a number', 'stats.meetings: is required']);
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.stats = [])))), ['SHAPE']);
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.stats.moved = 0)))), [], 'extra numeric stats are fine');
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.status = 'partial')))), ['STATUS_MISMATCH']);
  t.same(codes(checkSchedule(problem(), schedule((s) => (s.status = 'infeasible')))), ['STATUS_MISMATCH']);
  const notPartial = checkSchedule(problem(), schedule((s) => (unschedule(s, 'm-06'), (s.status = 'feasible'))));
  t.same(codes(notPartial), ['STATUS_MISMATCH']);
  t.match(notPartial.violations[0]?.message, 'status is "feasible", but 1 meetings are unscheduled');
  const partial = schedule((s) => {
    unschedule(s, 'm-06');
    s.status = 'partial';
    s.stats.scheduled = 5;
    s.stats.tableChanges = 3;
  });
  t.same(checkSchedule(problem(), partial).violations, []);
  t.end();
});

t.test('tables given as a number', (t) => {
  const numbered = problem((p) => {
    p.tables = 3;
    p.participants[0].table = 'T1';
    p.meetings[2].table = 'T2';
  });
  const renamed = schedule((s) => {
    for (const a of s.assignments) a.table = a.table.replace('A-', 'T');
  });
  t.same(checkSchedule(numbered, renamed).violations, []);
  t.end();
});

t.test('every violation code is produced by some test above', (t) => {
  t.same([...VIOLATION_CODES].filter((code) => !seen.has(code)), []);
  t.end();
});

import t, { type Test } from 'tap';
import { checkSchedule } from '../../src/engine/check.js';
import { validateProblem } from '../../src/engine/validate.js';
import { seededRandom } from '../../bench/seeded-random.js';
import { generateSynthetic, LAYOUTS, parseSyntheticArgs, PRESETS, type SyntheticOptions } from '../../bench/synthetic.js';

const SMALL: SyntheticOptions = { ...PRESETS.gsat, name: 'small', corporates: 4, startups: 12, days: 2, slotsPerDay: 8, capShare: 0.5, sessionShare: 0.3, reservedTableShare: 0.5 };

function accept(t: Test, options: SyntheticOptions): ReturnType<typeof generateSynthetic> {
  const event = generateSynthetic(options);
  const validation = validateProblem(JSON.parse(JSON.stringify(event.problem)));
  t.ok(validation.ok, `${options.name}: the problem is valid`);
  const report = checkSchedule(event.problem, event.planted);
  t.same(report.violations, [], `${options.name}: the planted schedule breaks no rule`);
  t.equal(report.figures.scheduled, event.problem.meetings.length, 'every meeting is placed');
  t.equal(report.figures.breaks, event.planted.stats.breaks, 'the planted break count is exact');
  t.ok(report.figures.maxBreaks <= event.problem.rules!.maxBreaksPerParticipant!, 'the break cap is met');
  return event;
}

t.test('a small event: valid problem, planted schedule accepted by the checker', (t) => {
  const event = accept(t, SMALL);
  const { problem } = event;
  t.equal(problem.participants.length, 16);
  t.equal(problem.slots.length, 16);
  t.same([...new Set(problem.slots.map((s) => s.day))], ['2025-05-28', '2025-05-29']);
  const corporates = problem.participants.filter((p) => p.role === 'corporate');
  t.equal(corporates.length, 4);
  t.ok(corporates.every((p) => p.table?.startsWith('B')), 'corporates sit at their booth');
  t.ok(problem.meetings.some((m) => m.session), 'some meetings are tied to a session');
  t.ok(problem.participants.some((p) => p.maxMeetingsPerDay !== undefined), 'some participants are capped');
  t.end();
});

t.test('the same seed gives the same event, another seed another', (t) => {
  t.same(generateSynthetic(SMALL), generateSynthetic(SMALL));
  t.not(JSON.stringify(generateSynthetic({ ...SMALL, seed: 2 })), JSON.stringify(generateSynthetic(SMALL)));
  const a = seededRandom(7);
  const b = seededRandom(7);
  const values = Array.from({ length: 1000 }, () => a());
  t.same(values, Array.from({ length: 1000 }, () => b()));
  t.ok(values.every((v) => v >= 0 && v < 1));
  t.ok(Math.abs(values.reduce((x, y) => x + y, 0) / values.length - 0.5) < 0.05, 'roughly uniform');
  t.end();
});

t.test('both layouts: a valid plan, the same seed gives the same problem', (t) => {
  for (const layout of LAYOUTS) {
    const options = { ...SMALL, layout };
    accept(t, options);
    t.same(generateSynthetic(options), generateSynthetic(options), `${layout}: same seed, same event`);
    t.match(generateSynthetic(options).problem.name, `${layout} plan`);
  }
  t.end();
});

t.test('a scattered plan keeps who comes and how much, and has many more breaks than a compact one', (t) => {
  for (const preset of ['gsat', 'large'] as const) {
    const scattered = accept(t, { ...PRESETS[preset], layout: 'scattered' });
    const compact = accept(t, { ...PRESETS[preset], layout: 'compact' });
    t.same(scattered.problem.participants.map((p) => [p.id, p.unavailable]), compact.problem.participants.map((p) => [p.id, p.unavailable]), `${preset}: same participants`);
    const [s, c] = [scattered.planted.stats, compact.planted.stats];
    t.ok(Math.abs(s.meetings - c.meetings) <= 0.02 * c.meetings, `${preset}: ${s.meetings} meetings scattered, ${c.meetings} compact`);
    t.ok(s.breaks >= 10 * Math.max(1, c.breaks), `${preset}: ${s.breaks} planted breaks scattered, ${c.breaks} compact`);
  }
  t.end();
});

t.test('the GSAT-size preset: ~50 organizations, 2 days, under 1,000 meetings', (t) => {
  const { problem } = accept(t, PRESETS.gsat);
  t.equal(problem.participants.length, 50);
  t.equal(new Set(problem.slots.map((s) => s.day)).size, 2);
  t.ok(problem.meetings.length > 200 && problem.meetings.length < 1000, `${problem.meetings.length} meetings`);
  t.end();
});

t.test('the large preset: ~5,000 participants and ~30,000 meetings over 3 days x 16 slots', (t) => {
  const { problem } = accept(t, PRESETS.large);
  t.equal(problem.participants.length, 5000);
  t.equal(problem.slots.length, 48);
  t.ok(problem.meetings.length > 25000 && problem.meetings.length < 35000, `${problem.meetings.length} meetings`);
  t.end();
});

t.test('bad options are refused with the option named', (t) => {
  const cases: [Partial<SyntheticOptions>, string][] = [
    [{ days: 0 }, 'days: must be a whole number >= 1, got 0'],
    [{ seed: 1.5 }, 'seed: must be a whole number, got 1.5'],
    [{ slotsPerDay: 7 }, 'slotsPerDay: must be even (half am, half pm), got 7'],
    [{ capShare: 2 }, 'capShare: must be between 0 and 1, got 2'],
    [{ startupRun: [3, 2] }, 'startupRun: must be [low, high] with 1 <= low <= high, got [3, 2]'],
    [{ layout: 'tidy' as SyntheticOptions['layout'] }, 'layout: must be one of scattered, compact, got tidy'],
  ];
  for (const [change, message] of cases) t.throws(() => generateSynthetic({ ...SMALL, ...change }), { message });
  t.end();
});

t.test('command-line options', (t) => {
  t.same(parseSyntheticArgs(['-o', 'p.json']), { options: PRESETS.large, output: 'p.json' });
  t.same(parseSyntheticArgs(['--preset', 'gsat', '--seed', '9', '-o', 'p.json', '--planted', 's.json']), {
    options: { ...PRESETS.gsat, seed: 9 },
    output: 'p.json',
    plantedOutput: 's.json',
  });
  t.equal(PRESETS.large.layout, 'scattered');
  t.equal(PRESETS.gsat.layout, 'scattered');
  t.same(parseSyntheticArgs(['--layout', 'compact', '-o', 'p.json']), { options: { ...PRESETS.large, layout: 'compact' }, output: 'p.json' });
  t.throws(() => parseSyntheticArgs(['--layout', 'tidy', '-o', 'p.json']), { message: '--layout: "tidy" is not one of scattered, compact' });
  t.throws(() => parseSyntheticArgs(['--preset', 'huge', '-o', 'p.json']), { message: '--preset: "huge" is not one of large, gsat' });
  t.throws(() => parseSyntheticArgs(['--seed', 'x', '-o', 'p.json']), { message: '--seed: "x" is not a whole number' });
  t.throws(() => parseSyntheticArgs(['--seed']), { message: '--seed: needs a value' });
  t.throws(() => parseSyntheticArgs(['--size', '3']), { message: 'unknown option "--size"' });
  t.throws(() => parseSyntheticArgs([]), { message: '-o PROBLEM.json is required' });
  t.end();
});

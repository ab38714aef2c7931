// The SAT encoding judged against the truth: on tiny problems its least break total is the exhaustive optimum, and
// on larger ones every answer it gives passes the independent checker within the bound it was asked for.
import t from 'tap';
import type { Cadical } from 'cadical-wasm';
import { satSolver } from '../../../src/solving/sat-solver.js';
import { breakCnf, tableOwners, type BreakCnf, type BreakCnfOptions } from '../../../src/engine/exact/break-cnf.js';
import { compile } from '../../../src/engine/solver/compile.js';
import { EXACT_MAX_MEETINGS } from '../../../src/engine/exact/support.js';
import { checkSchedule } from '../../../src/engine/check.js';
import { solve } from '../../../src/engine/solve.js';
import type { Problem, Schedule } from '../../../src/engine/types.js';
import { exhaustiveOptimum } from '../../helpers/exhaustive-optimum.js';
import { randomProblem } from '../../helpers/random-problem.js';
import { triangle } from '../../helpers/triangle-problem.js';

function solverFor(cnf: BreakCnf): Promise<Cadical> {
  return satSolver(cnf.clauses);
}

interface Descent {
  /** The fewest breaks with every meeting, or undefined when not every meeting fits. */
  readonly least: number | undefined;
  /** Each answer, with the bound it was asked under. */
  readonly answers: { readonly bound: number; readonly schedule: Schedule }[];
}

/** Falling bounds until "no", as the portfolio's SAT member asks them. */
async function descend(problem: Problem, options: BreakCnfOptions = {}): Promise<Descent> {
  const encoded = breakCnf(problem, 64, options);
  if (!encoded.supported) throw new Error(encoded.why);
  const cnf = encoded.cnf;
  const solver = await solverFor(cnf);
  const answers: { bound: number; schedule: Schedule }[] = [];
  let bound = cnf.breakVariables;
  for (;;) {
    const status = solver.solve({ assumptions: cnf.assumeAtMost(bound) });
    if (status === 'unsatisfiable') return { least: answers.length === 0 ? undefined : bound + 1, answers };
    const schedule = solve(problem, { start: cnf.read(solver.model()), maxIterations: 0 });
    answers.push({ bound, schedule });
    bound = Math.min(bound, schedule.stats.breaks) - 1;
    if (bound < 0) return { least: 0, answers };
  }
}

function supported(problem: Problem): boolean {
  return breakCnf(problem, 0).supported;
}

/** Both settings of the encoding: the climbing member's and the descending member's. */
const SETTINGS: readonly BreakCnfOptions[] = [{}, { busyCounts: true }];
const named = (options: BreakCnfOptions): string => (options.busyCounts ? 'with busy counts' : 'without busy counts');

for (const options of SETTINGS) tinyProblemsTest(options);

function tinyProblemsTest(options: BreakCnfOptions): void {
  t.test(`on tiny problems the least total the solver is driven to is the exhaustive optimum, ${named(options)}`, async (t) => {
    let compared = 0;
    let unfit = 0;
    for (let seed = 1; compared + unfit < 40 && seed < 400; seed++) {
      const problem = randomProblem(seed, 'tiny');
      if (!supported(problem) || problem.meetings.some((m) => (m.priority ?? 1) <= 0)) continue;
      const exact = exhaustiveOptimum(problem);
      const total = problem.meetings.reduce((sum, m) => sum + (m.priority ?? 1), 0);
      const { least, answers } = await descend(problem, options);
      if (exact.priority < total) {
        unfit++;
        t.equal(least, undefined, `#${seed}: not every meeting fits, and the encoding agrees`);
        continue;
      }
      compared++;
      t.equal(least, exact.breaks, `#${seed}: ${exact.breaks} breaks at best`);
      for (const { bound, schedule } of answers) {
        const report = checkSchedule(problem, schedule);
        t.ok(report.valid && schedule.stats.scheduled === problem.meetings.length, `#${seed}: the answer is valid and complete`);
        t.ok(report.figures.breaks <= bound, `#${seed}: ${report.figures.breaks} breaks within the bound ${bound}`);
      }
    }
    t.ok(compared >= 15, `${compared} problems with every meeting fitting`);
    t.ok(unfit >= 1, `${unfit} where some meeting cannot fit`);
  });
}

t.test('on small problems over two days every answer passes the checker within its bound', async (t) => {
  let checked = 0;
  // Many random problems have booths, which the encoding does not state: try enough of them.
  for (let seed = 1; seed <= 400; seed++) {
    const problem = randomProblem(seed, 'small');
    if (!supported(problem)) continue;
    const { answers } = await descend(problem, { busyCounts: seed % 2 === 0 });
    for (const { bound, schedule } of answers) {
      const report = checkSchedule(problem, schedule);
      const messages = report.violations.map((v) => v.message).join('; ');
      t.ok(report.valid, `#${seed}: valid (${messages})`);
      t.ok(report.figures.breaks <= bound, `#${seed}: ${report.figures.breaks} breaks within ${bound}`);
      checked++;
    }
  }
  t.ok(checked >= 20, `${checked} answers checked`);
});

t.test('the tables of a slot bound its meetings, counted through their owners', async (t) => {
  // Four participants who all meet each other: six meetings, which three slots hold as three pairs of meetings.
  const people = ['a', 'b', 'c', 'd'];
  const meetings = people.flatMap((p, i) =>
    people.slice(i + 1).map((q) => ({ id: `${p}${q}`, between: [p, q] as const })),
  );
  const times = ['09:00', '09:20', '09:40', '10:00'];
  const allMeet = (tables: number): Problem => ({
    format: 'meetgrid.problem/1',
    slots: [0, 1, 2].map((i) => ({ id: `s${i + 1}`, day: '2025-05-28', start: times[i]!, end: times[i + 1]! })),
    tables,
    participants: people.map((id) => ({ id })),
    meetings,
  });
  const c = compile(allMeet(2));
  const owner = tableOwners(c);
  const ownedByOne = Array.from(owner).every((p, m) => p === c.ma[m] || p === c.mb[m]);
  t.ok(ownedByOne, 'every meeting is owned by one of its participants');
  t.ok(new Set(owner).size < people.length, 'by fewer owners than participants');
  for (const options of SETTINGS) {
    t.equal((await descend(allMeet(2), options)).least, 0, `two tables hold them without a break, ${named(options)}`);
    t.equal((await descend(allMeet(1), options)).least, undefined, `one table cannot, ${named(options)}`);
  }
});

t.test('a triangle in three slots at one table needs a break, which the encoding proves', async (t) => {
  const { least } = await descend(triangle);
  t.equal(least, 1);
});

t.test('the window counts refute an overfull session without any search', async (t) => {
  // a has four meetings in five slots, so its day is not overfull; but three of them must be held in the morning,
  // which has two slots. Only the count over the morning's slots says so without trying placements.
  const problem: Problem = {
    format: 'meetgrid.problem/1',
    slots: [
      ['09:00', '09:20'],
      ['09:20', '09:40'],
      ['14:00', '14:20'],
      ['14:20', '14:40'],
      ['14:40', '15:00'],
    ].map(([start, end], i) => ({ id: `s${i + 1}`, day: '2025-05-28', start: start!, end: end!, session: i < 2 ? 'am' : 'pm' })),
    tables: 3,
    participants: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
    meetings: [
      { id: 'ab', between: ['a', 'b'], session: 'am' },
      { id: 'ac', between: ['a', 'c'], session: 'am' },
      { id: 'ad', between: ['a', 'd'], session: 'am' },
      { id: 'ae', between: ['a', 'e'] },
    ],
  };
  const encoded = breakCnf(problem, 0);
  if (!encoded.supported) return t.fail(encoded.why);
  // The encoding states the contradiction itself, as a literal and its negation both given as facts: a solver needs
  // no search to refute it (without the window counts it has to try the morning's placements).
  const units = new Set<number>();
  const clauses = encoded.cnf.clauses;
  for (let i = 0, start = 0; i < clauses.length; i++) {
    if (clauses[i] !== 0) continue;
    if (i - start === 1) units.add(clauses[start]!);
    start = i + 1;
  }
  t.ok([...units].some((lit) => units.has(-lit)), 'a fact and its negation');
});

t.test('bounds outside the encoding are refused; problems it cannot state say why', async (t) => {
  const encoded = breakCnf(triangle, 1);
  t.ok(encoded.supported);
  if (!encoded.supported) return;
  t.same(encoded.cnf.assumeAtMost(encoded.cnf.breakVariables), [], 'as many as there are break variables: no bound needed');
  t.equal(encoded.cnf.assumeAtMost(0).length, 1);
  t.throws(() => encoded.cnf.assumeAtMost(-1), /a bound of -1 breaks cannot be asked/);
  const narrow = breakCnf({ ...triangle, slots: [...triangle.slots, { id: 's4', day: '2025-05-28', start: '13:00', end: '13:20' }] }, 0);
  if (narrow.supported && narrow.cnf.breakVariables > 1) t.throws(() => narrow.cnf.assumeAtMost(1), /bounds totals up to 0, not 1/);
  const many = Array.from({ length: EXACT_MAX_MEETINGS + 1 }, (_, i) => ({ id: `m${i}`, between: ['a', 'b'] as const }));
  t.same(breakCnf({ ...triangle, meetings: many }, 3), { supported: false, why: `more than ${EXACT_MAX_MEETINGS} meetings` });
});

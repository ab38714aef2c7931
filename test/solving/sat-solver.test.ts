import t from 'tap';
import { satSolver, startFrom } from '../../src/solving/sat-solver.js';

// One clause over five variables leaves 31 models; which one the solver returns is up to its decisions. CaDiCaL's
// "lucky" assignments (all true, all false, ...) are tried before any decision and would satisfy it at once, so the
// tests of decisions turn them off; on the engine's encodings they find nothing.
const clauses = Int32Array.from([1, 2, 3, 4, 5, 0]);
const decisionsOnly = { lucky: 0 } as const;

t.test('the solver holds the clauses it is loaded with', async (t) => {
  const solver = await satSolver(clauses);
  t.teardown(() => solver.dispose());
  t.equal(solver.solve({ assumptions: [-1, -2, -3, -4] }), 'satisfiable');
  t.equal(solver.model()[5], true, 'the clause forces the last variable');
  t.equal(solver.solve({ assumptions: [-1, -2, -3, -4, -5] }), 'unsatisfiable');
});

t.test('startFrom: the decisions follow the given model', async (t) => {
  const patterns = [
    [false, false, true, false, true, false],
    [false, true, false, false, false, true],
  ];
  for (const pattern of patterns) {
    const solver = await satSolver(clauses, decisionsOnly);
    t.teardown(() => solver.dispose());
    startFrom(solver, pattern);
    t.equal(solver.solve(), 'satisfiable');
    t.same(solver.model().slice(1), pattern.slice(1), `the model ${pattern.slice(1).map(Number).join('')} comes back`);
  }
});

t.test('without startFrom the default phase decides', async (t) => {
  const solver = await satSolver(clauses, decisionsOnly);
  t.teardown(() => solver.dispose());
  t.equal(solver.solve(), 'satisfiable');
  t.same(solver.model().slice(1), [true, true, true, true, true]);
});

t.test('startFrom again: the latest model is the guide', async (t) => {
  const solver = await satSolver(clauses, decisionsOnly);
  t.teardown(() => solver.dispose());
  startFrom(solver, [false, true, true, true, true, true]);
  t.equal(solver.solve(), 'satisfiable');
  startFrom(solver, [false, false, false, false, true, false]);
  t.equal(solver.solve(), 'satisfiable');
  t.same(solver.model().slice(1), [false, false, false, true, false]);
});

import t from 'tap';
import type { Cadical } from 'cadical-wasm';
import { satSolver } from '../../../src/solving/sat-solver.js';
import { CnfBuilder } from '../../../src/engine/exact/cnf.js';

function solverFor(f: CnfBuilder): Promise<Cadical> {
  return satSolver(f.toArray());
}

/** Every assignment of n inputs, as assumptions. */
function* assignments(inputs: readonly number[]): Generator<{ lits: number[]; trues: number }> {
  for (let mask = 0; mask < 1 << inputs.length; mask++) {
    let trues = 0;
    const lits = inputs.map((v, i) => ((mask >> i) & 1 ? (trues++, v) : -v));
    yield { lits, trues };
  }
}

t.test('at most k and at least k hold exactly for the assignments they name', async (t) => {
  for (const n of [1, 3, 6, 9]) {
    for (let k = 0; k <= n; k++) {
      for (const kind of ['atMost', 'atLeast'] as const) {
        const f = new CnfBuilder();
        const inputs = Array.from({ length: n }, () => f.variable());
        f[kind](inputs, k);
        const solver = await solverFor(f);
        let wrong = 0;
        for (const { lits, trues } of assignments(inputs)) {
          const expected = kind === 'atMost' ? trues <= k : trues >= k;
          if ((solver.solve({ assumptions: lits }) === 'satisfiable') !== expected) wrong++;
        }
        t.equal(wrong, 0, `${kind} ${k} of ${n}`);
      }
    }
  }
  // 31 inputs is past the pairwise limit, so "at most one" goes through the counter.
  const f = new CnfBuilder();
  const inputs = Array.from({ length: 31 }, () => f.variable());
  f.atMost(inputs, 1);
  const solver = await solverFor(f);
  t.equal(solver.solve({ assumptions: [inputs[0]!, inputs[30]!] }), 'unsatisfiable');
  t.equal(solver.solve({ assumptions: [inputs[7]!, ...inputs.slice(8).map((v) => -v)] }), 'satisfiable');
});

t.test("a counter's outputs bound the count when assumed false, and only then", async (t) => {
  const f = new CnfBuilder();
  const inputs = Array.from({ length: 6 }, () => f.variable());
  const outputs = f.counter(inputs, 3);
  t.equal(outputs.length, 3);
  const solver = await solverFor(f);
  let wrong = 0;
  for (const { lits, trues } of assignments(inputs)) {
    for (let k = 0; k < 3; k++) {
      if ((solver.solve({ assumptions: [...lits, -outputs[k]!] }) === 'satisfiable') !== trues <= k) wrong++;
    }
    if (solver.solve({ assumptions: lits }) !== 'satisfiable') wrong++;
  }
  t.equal(wrong, 0, 'every assignment, every bound');
});

t.test('clauses are checked as they are added, and a contradiction is one', async (t) => {
  const f = new CnfBuilder();
  const v = f.variable();
  t.throws(() => f.clause(v, 2), /literal 2 names no variable/);
  t.throws(() => f.clause(0), /literal 0/);
  t.throws(() => f.counter([v], 1, 2), /limit 2 outside 1..1/);
  f.emptyClause();
  t.equal((await solverFor(f)).solve(), 'unsatisfiable');
  const g = new CnfBuilder();
  g.atLeast([g.variable()], 2);
  t.equal((await solverFor(g)).solve(), 'unsatisfiable', 'at least 2 of 1');
});

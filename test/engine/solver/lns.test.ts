import t from 'tap';
import { Best } from '../../../src/engine/solver/anneal.js';
import { Budget } from '../../../src/engine/solver/budget.js';
import { compile } from '../../../src/engine/solver/compile.js';
import { improveByNeighbourhoods } from '../../../src/engine/solver/lns.js';
import { Random } from '../../../src/engine/solver/random.js';
import { State } from '../../../src/engine/solver/state.js';
import type { Problem } from '../../../src/engine/types.js';

const slots = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, day: '2025-05-28', start: `1${i}:00`, end: `1${i}:20` }));

t.test('re-solving a participant and its partners removes a chain of breaks', async (t) => {
  // c meets a, b, d; a and b also meet e. Laid out with gaps, every one of c, a, b, e has a break.
  const problem: Problem = {
    format: 'meetgrid.problem/1',
    slots,
    tables: 3,
    participants: ['c', 'a', 'b', 'd', 'e'].map((id) => ({ id })),
    meetings: [
      { id: 'ca', between: ['c', 'a'] },
      { id: 'cb', between: ['c', 'b'] },
      { id: 'cd', between: ['c', 'd'] },
      { id: 'ea', between: ['e', 'a'] },
      { id: 'eb', between: ['e', 'b'] },
    ],
  };
  const c = compile(problem);
  const st = new State(c);
  const at = [0, 2, 4, 2, 0]; // ca s0, cb s2, cd s4, ea s2, eb s0
  at.forEach((s, m) => st.place(m, s));
  t.ok(st.breaks >= 4, `start with ${st.breaks} breaks`);
  const best = new Best(c.M);
  best.save(st);
  const budget = new Budget(1_000_000, 1, undefined, 0, undefined);
  const improved = improveByNeighbourhoods(st, best, new Random(1), budget, 20);
  t.ok(improved > 0, 'some piece improved');
  t.equal(st.breaks, 0, 'no break left');
  t.equal(best.key?.breaks, 0, 'the best answer follows');
  for (let m = 0; m < c.M; m++) t.ok(st.slotOf[m]! >= 0, `meeting ${m} still placed`);
});

t.test('a piece that cannot improve is put back exactly', async (t) => {
  const problem: Problem = {
    format: 'meetgrid.problem/1',
    slots,
    tables: 2,
    participants: ['p', 'q', 'r'].map((id) => ({ id, unavailable: id === 'p' ? ['s1', 's2', 's3'] : [] })),
    meetings: [
      { id: 'pq', between: ['p', 'q'] },
      { id: 'pr', between: ['p', 'r'] },
    ],
  };
  const c = compile(problem);
  const st = new State(c);
  st.place(0, 0);
  st.place(1, 4);
  const before = Array.from(st.slotOf);
  const best = new Best(c.M);
  best.save(st);
  const improved = improveByNeighbourhoods(st, best, new Random(3), new Budget(1_000_000, 1, undefined, 0, undefined), 10);
  t.equal(improved, 0);
  t.equal(st.breaks, 1, 'the unavoidable break stays');
  t.same(Array.from(st.slotOf), before, 'same slots as before');
});

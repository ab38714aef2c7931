import t from 'tap';
import { countBreaks } from '../../../src/engine/breaks.js';
import { compile, type Compiled } from '../../../src/engine/solver/compile.js';
import { Move } from '../../../src/engine/solver/moves.js';
import { cost } from '../../../src/engine/solver/objective.js';
import { Random } from '../../../src/engine/solver/random.js';
import { dayBreaks, dayGaps, popcount, State } from '../../../src/engine/solver/state.js';
import { randomProblem } from '../../helpers/random-problem.js';

t.test('popcount and the day break formula', async (t) => {
  t.equal(popcount(0), 0);
  t.equal(popcount(-1), 32);
  t.equal(popcount(0b1011), 3);
  const mask = new Int32Array(2);
  const cases: [number, number, number][] = [
    [0b0, 0, 0],
    [0b1, 0, 0],
    [0b111, 0, 0],
    [0b101, 1, 1],
    [0b1001011, 2, 3],
    [1 << 31 | 1, 1, 30],
  ];
  for (const [m, breaks, gaps] of cases) {
    mask[0] = m;
    t.equal(dayBreaks(mask, 0, 1), breaks, `breaks of ${m.toString(2)}`);
    t.equal(dayGaps(mask, 0, 1), gaps, `gaps of ${m.toString(2)}`);
  }
  // A run crossing the word boundary is one run; a gap across it is one break.
  mask[0] = 1 << 31;
  mask[1] = 1;
  t.equal(dayBreaks(mask, 0, 2), 0);
  mask[1] = 0b100;
  t.equal(dayBreaks(mask, 0, 2), 1);
  t.equal(dayGaps(mask, 0, 2), 2);
});

t.test('incremental breaks always equal a recount; capacity and clashes hold', async (t) => {
  for (let seed = 1; seed <= 30; seed++) {
    const problem = randomProblem(seed, 'medium');
    const c = compile(problem);
    const st = new State(c);
    const rng = new Random(seed);
    const dayOfSlot = problem.slots.map((s) => s.day);
    for (let step = 0; step < 400; step++) {
      const m = rng.int(c.M);
      if (st.slotOf[m]! >= 0) {
        if (!st.hasScheduledSuccessor(m)) st.unplace(m);
      } else {
        const s = rng.int(c.S);
        if (st.canPlace(m, s)) st.place(m, s);
      }
    }
    let recount = 0;
    for (let p = 0; p < c.P; p++) {
      const slots: number[] = [];
      for (let m = 0; m < c.M; m++) if (st.slotOf[m]! >= 0 && (c.ma[m] === p || c.mb[m] === p)) slots.push(st.slotOf[m]!);
      const own = countBreaks(slots, dayOfSlot);
      recount += own;
      if (st.brkP[p] !== own) t.fail(`seed ${seed}: participant ${p} has ${st.brkP[p]} breaks, recount ${own}`);
      if (new Set(slots).size !== slots.length) t.fail(`seed ${seed}: participant ${p} double-booked`);
    }
    t.equal(st.breaks, recount, `seed ${seed}: total breaks match the recount`);
    for (let s = 0; s < c.S; s++) {
      let here = 0;
      for (let m = 0; m < c.M; m++) if (st.slotOf[m] === s) here++;
      if (here > c.capacity[s]! || here !== st.used[s]) t.fail(`seed ${seed}: slot ${s} holds ${here} of ${c.capacity[s]}`);
    }
  }
});

t.test('compile: table options and allowed slots', async (t) => {
  const c = compile({
    format: 'meetgrid.problem/1',
    slots: [
      { id: 'a', day: '2025-05-28', start: '10:00', end: '10:20', session: 'am' },
      { id: 'b', day: '2025-05-28', start: '10:20', end: '10:40', session: 'am' },
      { id: 'c', day: '2025-05-28', start: '13:00', end: '13:20', session: 'pm' },
    ],
    tables: [{ id: 'B1', unavailable: ['a'] }, { id: 'B2' }, { id: 'X' }],
    participants: [{ id: 'p', table: 'B1' }, { id: 'q', table: 'B2' }, { id: 'r', unavailable: ['c'] }],
    meetings: [
      { id: 'pq', between: ['p', 'q'] },
      { id: 'pr', between: ['p', 'r'] },
      { id: 'qr', between: ['q', 'r'], session: 'am', slot: 'b' },
      { id: 'pr2', between: ['p', 'r'], table: 'X' },
    ],
  });
  t.same([c.tableA[0], c.tableB[0]], [0, 1], 'both booths are options');
  t.same(Array.from(c.allowed.subarray(0, 3)), [1, 1, 1], 'B2 covers the slot where B1 is closed');
  t.same(Array.from(c.allowed.subarray(3, 6)), [0, 1, 0], "p's booth is closed in a; r is away in c");
  t.same(Array.from(c.allowed.subarray(6, 9)), [0, 1, 0], 'pinned slot');
  t.same(Array.from(c.allowed.subarray(9, 12)), [0, 0, 0], 'a table pin away from the booth cannot be met');
  t.same(Array.from(c.capacity), [2, 3, 3]);
});

/** A medium random problem with each meeting tried once at a random slot. */
function randomlyPlaced(seed: number): { c: Compiled; st: State; rng: Random } {
  const c = compile(randomProblem(seed, 'medium'));
  const st = new State(c);
  const rng = new Random(seed);
  for (let m = 0; m < c.M; m++) {
    const s = rng.int(c.S);
    if (st.canPlace(m, s)) st.place(m, s);
  }
  return { c, st, rng };
}

t.test('the delta of a one-meeting move, judged before moving, equals the change after moving', async (t) => {
  for (let seed = 1; seed <= 20; seed++) {
    const { c, st, rng } = randomlyPlaced(seed);
    const weight = 48;
    const total = (): number => 16 * st.breaks + st.gaps + weight * st.excess;
    let compared = 0;
    for (let step = 0; step < 300; step++) {
      const m = rng.int(c.M);
      const from = st.slotOf[m]!;
      if (from < 0) continue;
      const to = rng.int(c.S);
      const table = st.tableOf[m]!;
      st.unplace(m);
      const feasible = st.canPlace(m, to);
      st.place(m, from, table);
      if (!feasible || to === from) continue;
      const before = total();
      const guess = st.singleMoveDelta(m, to, weight);
      st.unplace(m);
      st.place(m, to);
      if (total() - before !== guess) t.fail(`seed ${seed}: meeting ${m} ${from}->${to} guessed ${guess}, got ${total() - before}`);
      compared++;
    }
    t.ok(compared > 0, `seed ${seed}: ${compared} moves compared`);
  }
});

t.test('the delta of a Kempe chain, judged before moving, equals the change after moving', async (t) => {
  let chains = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const { c, st, rng } = randomlyPlaced(seed);
    const weight = 48;
    const move = new Move(st, rng);
    let compared = 0;
    for (let step = 0; step < 400; step++) {
      const m = rng.int(c.M);
      if (st.slotOf[m]! < 0 || !move.kempe(m, rng.int(c.S)) || !move.relocates()) continue;
      const before = cost(st, weight);
      const guess = st.relocationDelta(move.meeting, move.from, move.to, move.n, weight);
      if (!move.apply()) continue;
      if (cost(st, weight) - before !== guess) {
        t.fail(`seed ${seed}: chain of ${move.n} from meeting ${m} guessed ${guess}, got ${cost(st, weight) - before}`);
      }
      compared++;
      if (move.n > 1) chains++;
      if (rng.next() < 0.5) move.restore();
    }
    t.ok(compared > 0, `seed ${seed}: ${compared} moves compared`);
  }
  t.ok(chains > 50, `${chains} of the compared moves were chains of several meetings`);
});

t.test('a move across more slots than a word can mark is left to be costed applied', async (t) => {
  const slots = Array.from({ length: 40 }, (_, i) => {
    const start = 9 * 60 + 20 * i;
    const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { id: `s${i}`, day: '2025-05-28', start: time(start), end: time(start + 20) };
  });
  const c = compile({
    format: 'meetgrid.problem/1',
    slots,
    tables: [{ id: 'T' }],
    participants: Array.from({ length: 32 }, (_, i) => ({ id: `p${i}` })),
    meetings: Array.from({ length: 16 }, (_, i) => ({ id: `m${i}`, between: [`p${2 * i}`, `p${2 * i + 1}`] })),
  });
  const st = new State(c);
  for (let m = 0; m < 16; m++) st.place(m, 2 * m);
  const move = (n: number) => {
    const meeting = Int32Array.from({ length: n }, (_, i) => i);
    return st.relocationDelta(meeting, meeting.map((m) => 2 * m), meeting.map((m) => 2 * m + 1), n, 48);
  };
  t.equal(move(16), null, '32 distinct slots');
  t.equal(move(15), 0, '30 distinct slots are judged: each pair keeps one meeting, no break either way');
});

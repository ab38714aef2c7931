import t from 'tap';
import { checkSchedule } from '../../src/engine/check.js';
import type { Problem } from '../../src/engine/types.js';
import { runExactMember } from '../../src/services/exact-member.js';
import { solveInWorkers } from '../../src/services/solve-portfolio.js';
import { triangle } from '../helpers/triangle-problem.js';


// Generous limits: under the test runner's TypeScript loader a worker thread takes a second or two to start.
function member(
  problem: Problem,
  fallback: (ms: number) => Promise<never> | ReturnType<typeof solveInWorkers>,
  { stopped = new AbortController(), timeLimitMs = 20_000 } = {},
) {
  return runExactMember({
    problem,
    seed: 1,
    timeLimitMs,
    stopFlag: new SharedArrayBuffer(4),
    stopped: stopped.signal,
    onProgress: () => undefined,
    fallback,
  });
}

t.test('a break-free answer is returned as it is, without the fallback search', async (t) => {
  const fits: Problem = { ...triangle, meetings: triangle.meetings.slice(0, 2) };
  let fellBack = false;
  const schedule = await member(fits, (ms) => {
    fellBack = true;
    return solveInWorkers(fits, { seeds: [1], exact: false, timeLimitMs: ms });
  });
  t.equal(fellBack, false);
  t.equal(schedule?.status, 'optimal');
  t.equal(schedule?.stats.breaks, 0);
});

t.test('when no break-free schedule exists the thread searches for the time left', async (t) => {
  let given = 0;
  const schedule = await member(
    triangle,
    (ms) => {
      given = ms;
      return solveInWorkers(triangle, { seeds: [1], exact: false, timeLimitMs: ms });
    },
    { timeLimitMs: 6_000 },
  );
  t.ok(given > 1_000 && given <= 6_000, `the search got the time left (${given} ms)`);
  t.ok(schedule && checkSchedule(triangle, schedule).valid);
  t.equal(schedule?.stats.breaks, 1, 'one break is the least a triangle in three slots needs');
});

t.test('with precedences the member asks whether everything fits, and the engine finishes from that answer', async (t) => {
  const chained: Problem = {
    ...triangle,
    meetings: [
      { id: 'ab', between: ['a', 'b'], after: ['bc'] },
      { id: 'ac', between: ['a', 'c'], after: ['ab'] },
      { id: 'bc', between: ['b', 'c'] },
    ],
  };
  // The answer has a break the search cannot prove unavoidable, so it searches on until the limit: keep it short.
  const schedule = await member(chained, () => Promise.reject(new Error('the fallback should not run')), { timeLimitMs: 8_000 });
  t.ok(schedule && checkSchedule(chained, schedule).valid);
  t.same(
    schedule?.assignments.map((a) => `${a.meeting}@${a.slot}`).sort(),
    ['ab@s2', 'ac@s3', 'bc@s1'],
    'the only order the chain allows',
  );
});

t.test('a stopped portfolio gets no answer and no fallback from the member', async (t) => {
  const stopped = new AbortController();
  stopped.abort();
  const schedule = await member(triangle, () => Promise.reject(new Error('the fallback should not run')), { stopped });
  t.equal(schedule, undefined);
});

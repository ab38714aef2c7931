// An exact member of the portfolio, in its own thread: asks CaDiCaL whether every meeting fits with at most k breaks
// (see src/engine/exact/break-cnf.ts), for bounds that fall from the best total known ('down') or climb from 0
// ('up'). A "yes" goes through the engine's search, which starts from it; a "no" proves a lower bound. When the
// solver has no more to give, the thread searches on until the deadline like any other member.
// The solver polls a callback while it works, so the deadline, a stop, a better total found meanwhile by another
// member, and a bound proved by the climbing member all reach it without terminating the thread.
// Why two directions: a "yes" takes about as long a few breaks above the optimum as at it, so one-fewer-than-the-best
// steps can spend the whole time limit on two or three answers, while the "no" answers below a small optimum come
// quickly. The measurements behind this and the constants below are in bench/history/.
import { parentPort, workerData } from 'node:worker_threads';
import type { Schedule } from '../engine/index.js';
import { ascend } from './break-bounds-climb.js';
import { descend } from './break-bounds-descent.js';
import { BoundsMember, FIRST_SEARCH_SHARE, FIRST_SEARCH_STALL_MS, type BreakBoundsInput } from './break-bounds-member.js';

export type { BoundsDirection, BreakBoundsInput, BreakBoundsMessage } from './break-bounds-member.js';

const port = parentPort;
if (port === null) throw new Error('break-bounds-worker must run in a worker thread');
const member = new BoundsMember(workerData as BreakBoundsInput, (message) => port.postMessage(message));
const input = member.input;

async function run(): Promise<Schedule | undefined> {
  if (input.direction === 'up') {
    // The climb needs no schedule to start from; the descending member's first search finds the easy optima.
    const { best, proved } = await ascend(member);
    if (proved || member.stopRequested() || member.timeLeft() === 0) return best;
    return member.search(member.timeLeft(), best?.assignments);
  }
  let best = member.search(input.firstSearchMs ?? member.timeLeft() * FIRST_SEARCH_SHARE, undefined, FIRST_SEARCH_STALL_MS);
  member.publish(best);
  let proved = best.status === 'optimal';
  if (!proved) ({ best, proved } = await descend(member, best));
  // Started from the best schedule, the search can only keep or better it.
  if (!proved && !member.stopRequested() && member.timeLeft() > 0) best = member.search(member.timeLeft(), best.assignments);
  return best;
}

const answer = await run();
if (answer) member.post({ type: 'done', schedule: answer });

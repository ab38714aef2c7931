// The climbing exact member: asks the SAT solver for 0 breaks, then 1, and so on, each "no" a proved lower bound
// shared at once; once a question takes too long it asks a little above its bound instead.
import type { Cadical, SolverOptions } from 'cadical-wasm';
import { breakCnf, type Schedule } from '../engine/index.js';
import { bestBreaks, raiseClimbedBound, settledTarget } from './best-breaks.js';
import { LAST_POLISH_SHARE, POLISH_MIN_MS, POLISH_SHARE, type BoundsMember } from './break-bounds-member.js';

/** The climbing member's counter bounds totals up to this many breaks (the B2B optima are 0-6). */
const CLIMB_WIDTH = 20;
/**
 * CaDiCaL's default mode while the bound climbs, where every answer but the last is "no": it proves a "no" much
 * faster than stable mode. The questions after the climb go to a solver in stable mode, which answers "yes" faster.
 */
const CLIMB_OPTIONS: SolverOptions = { stabilizeonly: 0, target: 1 };
/**
 * While the bound climbs, a question that takes longer than this share of the time ends the climb. It sits between
 * two hard B2B instances' slow "no" answers, whose times overlap: a longer cut helps one and costs the other about as
 * often (bench/history/ has the runs).
 */
const CLIMB_QUESTION_SHARE = 0.15;
/**
 * Rising bounds from 0: a "no" for k proves that no schedule with every meeting has k breaks or fewer, and each proved
 * bound is shared at once, for the descending member. The first question that takes longer than a "no" usually does
 * ends the climb. The member then asks, in stable mode, `settledTarget`: two above the bound, then lower as answers
 * come, so that a "yes" at the bound is optimal. Returns the best schedule this thread found and whether it (or
 * another member's best total) was proved optimal.
 */
export async function ascend(member: BoundsMember): Promise<{ best: Schedule | undefined; proved: boolean }> {
  const encoded = breakCnf(member.input.problem, CLIMB_WIDTH);
  if (!encoded.supported) return { best: undefined, proved: false };
  const cnf = encoded.cnf;
  const climbMs = member.input.climbQuestionMs ?? member.timeLeft() * CLIMB_QUESTION_SHARE;
  let lower = 0;
  let climbing = true;
  let questionEnds = 0;
  let best: Schedule | undefined;
  // The member's own answers are published as they come, so the shared total covers them.
  const next = (): number | undefined => {
    const known = bestBreaks(member.shared);
    if (climbing) return known <= lower ? undefined : lower;
    const target = settledTarget(known, lower);
    return target === undefined ? undefined : Math.min(target, cnf.widest);
  };
  let asked: number | undefined;
  const load = async (options?: SolverOptions): Promise<Cadical> => {
    const loaded = await member.loadSolver(cnf, options);
    loaded.setTerminate(
      () => member.stopRequested() || member.timeLeft() === 0 || next() !== asked || (climbing && Date.now() >= questionEnds),
    );
    return loaded;
  };
  let solver = await load(CLIMB_OPTIONS);
  try {
    while (!member.stopRequested() && member.timeLeft() > 0 && lower <= cnf.widest) {
      asked = next();
      // A schedule known to some member meets the bound: it is optimal.
      if (asked === undefined) return { best, proved: true };
      questionEnds = Date.now() + climbMs;
      const status = solver.solve({ assumptions: cnf.assumeAtMost(asked) });
      if (status === 'unsatisfiable') {
        // A "no" that needs no bound at all: not every meeting fits, so there is nothing to prove about breaks.
        if (solver.failedAssumptions().length === 0) return { best, proved: false };
        lower = asked + 1;
        member.post({ type: 'proved', breaks: lower });
        raiseClimbedBound(member.shared, lower);
      } else if (status === 'satisfiable') {
        // The engine's search from the answer assigns the tables and lowers the table changes; at the bound the
        // answer is optimal and the member's last, so the search gets more time.
        // Unlike the descending member, this one does not start its next question from the answer: in its setting
        // (stable mode after the climb) that was no faster.
        const last = asked <= lower;
        const polished = member.search(
          Math.max(POLISH_MIN_MS, member.timeLeft() * (last ? LAST_POLISH_SHARE : POLISH_SHARE)),
          cnf.read(solver.model()),
        );
        if (best === undefined || member.breaksOf(polished) < member.breaksOf(best)) best = polished;
        member.publish(best);
        if (last) return { best, proved: member.breaksOf(best) <= lower };
        // Should the engine not realise the answer in full, the same question would only get the same answer: the
        // search goes on from the best instead.
        if (member.breaksOf(best) > asked) return { best, proved: false };
      } else if (climbing && Date.now() >= questionEnds) {
        climbing = false;
        // Shared even when nothing is proved yet (0 breaks): the descending member then asks close above it.
        raiseClimbedBound(member.shared, lower);
        solver.dispose();
        solver = await load();
      }
    }
    return { best, proved: false };
  } finally {
    solver.dispose();
  }
}

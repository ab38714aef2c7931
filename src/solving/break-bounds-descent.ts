// The descending exact member: asks the SAT solver for fewer breaks than the best total known, each "yes" polished
// by the engine's search, each "no" a proved lower bound.
import type { Cadical, SolverOptions } from 'cadical-wasm';
import { breakCnf, type BreakCnf, type Schedule } from '../engine/index.js';
import { bestBreaks, climbedBound, descentTarget } from './best-breaks.js';
import {
  FIRST_SEARCH_STALL_MS,
  POLISH_MIN_MS,
  POLISH_SHARE,
  UNBOUNDED_POLISH_SHARE,
  type BoundsMember,
} from './break-bounds-member.js';
import { startFrom } from './sat-solver.js';

/**
 * Most of the descending member's questions lie above the optimum, and there CaDiCaL answers faster without three
 * of its inprocessing steps (sweeping, factoring, congruence closure); questions at the optimum take about as long
 * either way.
 */
const DESCENT_OPTIONS: SolverOptions = { sweep: 0, factor: 0, congruence: 0 };

/**
 * The descending member's counter is at least this wide, wider than its questions need: there its first answers
 * come sooner and more evenly than with a counter cut to the question, and sooner than with a much wider one. The
 * width costs little memory.
 */
const DESCENT_MIN_WIDTH = 16;

/**
 * Falling bounds: each question is `descentTarget` of the best total known to any member and the bounds proved so
 * far, asked again whenever one of them changes it. Returns the best schedule this thread found and whether the
 * best known total was proved optimal.
 *
 * Each answer becomes the solver's starting point (`startFrom`): the next question, one break fewer, is then answered
 * near it, several times faster than from the solver's own phases, for a few milliseconds an answer.
 */
export async function descend(member: BoundsMember, first: Schedule): Promise<{ best: Schedule; proved: boolean }> {
  let best = first;
  let cnf: BreakCnf | undefined;
  let solver: Cadical | undefined;
  let target = Number.POSITIVE_INFINITY;
  let lower = 0; // proved by this member
  let interrupted = false;
  let model: boolean[] | undefined;
  // The question changes when another member finds a better total or the climbing member proves more.
  const changed = (): boolean => descentTarget(bestBreaks(member.shared), lower, climbedBound(member.shared)) !== target;
  const load = async (encoded: BreakCnf): Promise<Cadical> => {
    solver?.dispose();
    const loaded = await member.loadSolver(encoded, DESCENT_OPTIONS);
    loaded.setTerminate(() => member.stopRequested() || member.timeLeft() === 0 || changed());
    if (model !== undefined) startFrom(loaded, model);
    return loaded;
  };
  try {
    while (!member.stopRequested() && member.timeLeft() > 0) {
      const known = Math.min(bestBreaks(member.shared), member.breaksOf(best));
      const next = descentTarget(known, lower, climbedBound(member.shared));
      if (next === undefined) return { best, proved: true };
      const easier = interrupted && next > target;
      target = next;
      if (cnf === undefined || (Number.isFinite(known) && target > cnf.widest && cnf.widest < cnf.breakVariables)) {
        // The counter is as wide as the best total when it is built, and at least DESCENT_MIN_WIDTH.
        // A first schedule that leaves meetings out gives no total: the question is then asked unbounded, and the
        // encoding built again, once, around the total of the first answer.
        const width = Number.isFinite(known) ? Math.max(known, DESCENT_MIN_WIDTH) : 0;
        const encoded = breakCnf(member.input.problem, width, { busyCounts: true });
        if (!encoded.supported) return { best, proved: false };
        cnf = encoded.cnf;
        // The last model's variables are those of the encoding it came from.
        model = undefined;
        solver = await load(cnf);
      } else if (easier) {
        // A harder question left unfinished (the climbing member proved more meanwhile) leaves the solver worse off
        // for the easier one than a fresh start.
        solver = await load(cnf);
      }
      const bounded = target <= cnf.widest;
      const status = solver!.solve({ assumptions: bounded ? cnf.assumeAtMost(target) : [] });
      interrupted = status === 'unknown';
      if (status === 'unsatisfiable') {
        // Unbounded, "no" means not every meeting fits: nothing for this member to prove.
        if (!bounded) return { best, proved: false };
        lower = target + 1;
        member.post({ type: 'proved', breaks: lower });
      }
      if (status === 'satisfiable') {
        // An answer only meets the bound; the engine's search, started from it, often takes it lower, and the
        // next bound starts from there.
        model = solver!.model();
        startFrom(solver!, model);
        const polished = bounded
          ? member.search(Math.max(POLISH_MIN_MS, member.timeLeft() * POLISH_SHARE), cnf.read(model))
          : member.search(member.timeLeft() * UNBOUNDED_POLISH_SHARE, cnf.read(model), FIRST_SEARCH_STALL_MS);
        // Polished from a complete answer, the schedule is complete, so fewer breaks is all "better" means here.
        if (member.breaksOf(polished) < member.breaksOf(best)) {
          best = polished;
          member.publish(best);
        } else if (!bounded) {
          return { best, proved: false };
        }
      }
    }
    return { best, proved: false };
  } finally {
    solver?.dispose();
  }
}

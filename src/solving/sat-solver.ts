// CaDiCaL (compiled to WebAssembly by the cadical-wasm package) loaded with a clause set from the engine's encoder.
import { Cadical, type SolverOptions } from 'cadical-wasm';

/** A solver holding `clauses` (DIMACS literals, each clause closed by a 0). */
export async function satSolver(clauses: Int32Array, options: SolverOptions = {}): Promise<Cadical> {
  const solver = await Cadical.create({ quiet: true, ...options });
  let start = 0;
  for (let i = 0; i < clauses.length; i++) {
    if (clauses[i] !== 0) continue;
    solver.addClause(clauses.subarray(start, i));
    start = i + 1;
  }
  return solver;
}

/**
 * Makes the solver's decisions start from `model` (model[v] is variable v's value, index 0 unused), which stays
 * its guide until the next call. Asked for one break fewer than a model it found, CaDiCaL answers far sooner from
 * that model than from its own phases (figures at the descending member in break-bounds-worker.ts).
 */
export function startFrom(solver: Cadical, model: readonly boolean[]): void {
  for (let v = 1; v < model.length; v++) solver.phase(model[v] ? v : -v);
}

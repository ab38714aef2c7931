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

// Runs an answer set program through clingo (compiled to WebAssembly) and returns the atoms of the first answer.
// clingo's own --time-limit needs threads this build does not have, so a caller bounds the time by running this in
// a worker thread it can terminate.
import clingo from 'clingo-wasm';

export type ExactOutcome =
  | { readonly kind: 'answer'; readonly atoms: readonly string[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly message: string };

export interface ExactSolverOptions {
  readonly seed: number;
}

// "crafty" is clasp's setting for crafted combinatorial problems; with the program's domain heuristic it answered
// the contiguous question on the shared B2B instances in about a second where the default setting took minutes.
const CONFIGURATION = ['--configuration=crafty', '--heuristic=Domain'];

// The package announces its start on console.info, which in a worker thread lands on the process's stdout: the
// channel `meetgrid solve` writes its schedule to.
async function quietly<T>(action: () => Promise<T>): Promise<T> {
  const info = console.info;
  console.info = () => undefined;
  try {
    return await action();
  } finally {
    console.info = info;
  }
}

export async function solveExactly(program: string, options: ExactSolverOptions): Promise<ExactOutcome> {
  const run = await quietly(() => clingo.init());
  const result = run(program, 1, [...CONFIGURATION, `--seed=${options.seed}`]);
  if (result.Result === 'ERROR') return { kind: 'error', message: result.Error };
  if (result.Result === 'UNSATISFIABLE') return { kind: 'none' };
  const witness = result.Call.at(-1)?.Witnesses.at(-1);
  if (witness === undefined) return { kind: 'error', message: `clingo ended with ${result.Result} and no answer` };
  return { kind: 'answer', atoms: witness.Value };
}

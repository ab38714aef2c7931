// The engine's public surface: pure functions from a problem to a schedule and back to figures.
export { solve, type SolveOptions, type SolveProgress } from './solve.js';
export type * from './types.js';

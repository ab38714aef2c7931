// The engine's public surface: pure functions from a problem to a schedule and back to figures.
export { solve, type SolveOptions, type SolveProgress } from './solve.js';
export type * from './types.js';
export { validateProblem, tableList, formatInputError, type InputError, type ValidationResult } from './validate.js';
export { checkSchedule, type CheckReport, type CheckFigures, type Violation } from './check.js';
export { explainUnscheduled } from './explain.js';

// The engine's public surface: pure functions from a problem to a schedule and back to figures.
export { solve, type SolveOptions, type SolveProgress, type StartAssignment } from './solve.js';
export { exactUnsupported, EXACT_MAX_MEETINGS } from './exact/support.js';
export { breakCnf, type BreakCnf, type BreakCnfResult } from './exact/break-cnf.js';
export type * from './types.js';
export { validateProblem, tableList, formatInputError, type InputError, type ValidationResult } from './validate.js';
export { checkSchedule, VIOLATION_CODES, type CheckReport, type CheckFigures, type Violation, type ViolationCode } from './check.js';
export { explainUnscheduled, EXPLANATION_CODES, type ExplanationCode } from './explain.js';
export { countBreaks, countTableChanges } from './breaks.js';

// The door of src/services/scheduling: everything other folders use from it, and nothing else.
export { buildProblem, type BuiltProblem, type EventRow, meetingIdOf, requestIdOf } from './problem-builder.js';
export { hardViolations, versionAsSchedule, versionBelongsToEvent, workingVersion } from './schedule-versions.js';
export { planEvent, type PlanResult, SchedulingInputError, type SchedulingJob, SchedulingJobs } from './scheduling.js';
export { localizedReason, type ReasonNames, wordedReason } from './unscheduled-reasons.js';

// The outcome of reading a file against the event as it is now: what would be created, updated or left alone.
import type { CsvProblem } from './problem.js';

export type ChangeAction = 'create' | 'update' | 'unchanged';

/** One line of the preview. `changed` lists the column keys whose values differ from what is saved. */
export interface PlannedChange {
  readonly line: number;
  readonly entity: 'organization' | 'representative' | 'request';
  readonly action: ChangeAction;
  readonly subject: string;
  readonly changed: readonly string[];
}

export interface ChangeCounts {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
}

export function countChanges(changes: readonly PlannedChange[]): ChangeCounts {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const change of changes) counts[change.action] += 1;
  return counts;
}

export interface PlanResult<P> {
  readonly plan: P;
  readonly changes: readonly PlannedChange[];
  readonly problems: readonly CsvProblem[];
}

/** Field names whose values differ, for an update; every field for a create. */
export function changedFields<T extends object>(before: T | null, after: Partial<T>): string[] {
  return (Object.keys(after) as (keyof T)[])
    .filter((field) => before === null || before[field] !== after[field])
    .map(String);
}

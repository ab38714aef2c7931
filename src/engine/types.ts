// The engine's input and output: the `meetgrid.problem/1` and `meetgrid.schedule/1` files, as types.
// See docs/spec/problem-format.md (the spec is the source of truth).

export interface ProblemSlot {
  readonly id: string;
  readonly day: string; // YYYY-MM-DD
  readonly start: string; // HH:MM
  readonly end: string; // HH:MM
  readonly session?: string;
}

export interface ProblemTable {
  readonly id: string;
  readonly room?: string;
  readonly unavailable?: readonly string[];
}

export interface ProblemParticipant {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
  readonly table?: string;
  readonly unavailable?: readonly string[];
  readonly maxMeetings?: number;
  readonly maxMeetingsPerDay?: number;
}

export interface ProblemMeeting {
  readonly id: string;
  readonly between: readonly [string, string];
  readonly priority?: number;
  readonly session?: string;
  readonly slot?: string;
  readonly table?: string;
  readonly after?: readonly string[];
}

export interface ProblemRules {
  readonly maxBreaksPerParticipant?: number;
}

export interface Problem {
  readonly format: 'meetgrid.problem/1';
  readonly name?: string;
  readonly timezone?: string;
  readonly slots: readonly ProblemSlot[];
  /** A list, or a whole number N meaning tables "T1".."TN". */
  readonly tables: readonly ProblemTable[] | number;
  readonly participants: readonly ProblemParticipant[];
  readonly meetings: readonly ProblemMeeting[];
  readonly rules?: ProblemRules;
}

export type ScheduleStatus = 'optimal' | 'feasible' | 'partial' | 'infeasible';

export interface Assignment {
  readonly meeting: string;
  readonly slot: string;
  readonly table: string;
}

/** The facts behind an unscheduled meeting's reason: ids, counts and lists (see explain.ts for each code's). */
export type UnscheduledParams = Readonly<Record<string, string | number | readonly string[]>>;

export interface Unscheduled {
  readonly meeting: string;
  readonly code: string;
  /** English, for people reading the file. */
  readonly reason: string;
  /**
   * Optional, beyond the spec's fields: the same facts as `reason`, structured, so a user interface can word the
   * reason in its own language. Readers of a schedule file must not require it.
   */
  readonly params?: UnscheduledParams;
}

export interface ScheduleStats {
  readonly meetings: number;
  readonly scheduled: number;
  readonly breaks: number;
  readonly tableChanges: number;
  readonly elapsedMs: number;
  /** Re-planning only: meetings of the previous schedule that are now elsewhere or unscheduled. */
  readonly moved?: number;
  [key: string]: number | undefined;
}

export interface Schedule {
  readonly format: 'meetgrid.schedule/1';
  readonly status: ScheduleStatus;
  readonly assignments: readonly Assignment[];
  readonly unscheduled: readonly Unscheduled[];
  readonly stats: ScheduleStats;
}

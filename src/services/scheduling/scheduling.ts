// Running the engine for an event: off the request path (worker threads), with progress and cancel, and saving
// the answer as a new draft version in one transaction. Re-planning starts from the published version, so
// published meetings stay where they are unless they must move.
import { DomainError } from '../../domain/index.js';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.js';
import {
  insertDraftVersion,
  insertMeetings,
  insertUnscheduled,
  publishedVersion,
  type VersionRow,
} from '../../db/index.js';
import { checkSchedule } from '../../engine/index.js';
import type { Schedule } from '../../engine/index.js';
import { formatInputError, validateProblem } from '../../engine/index.js';
import { recordAudit } from '../audit/index.js';
import { buildProblem, requestIdOf, type EventRow } from './problem-builder.js';
import { diffVersions, type VersionDiff } from '../publishing/index.js';
import type { Actor } from '../../domain/index.js';
import { hardViolations, versionAsSchedule, workingVersion } from './schedule-versions.js';
import { defaultSeeds, solveInWorkers } from '../../solving/index.js';

/** The event cannot be scheduled as it stands; each message names the field (problem path) at fault. */
export class SchedulingInputError extends DomainError {
  override name = 'SchedulingInputError';
  constructor(readonly problems: readonly string[]) {
    super('invalid', 'organizerSchedule.cli.cannotSchedule', { problems: problems.slice(0, 5).join('; ') });
    this.message = `the event cannot be scheduled: ${problems.slice(0, 5).join('; ')}`;
  }
}

export class SchedulingCancelledError extends Error {
  override name = 'SchedulingCancelledError';
  constructor() {
    super('scheduling was cancelled');
  }
}

export interface Progress {
  readonly fraction: number;
  readonly scheduled: number;
  readonly breaks: number;
}

export interface PlanOptions {
  readonly actor: Actor;
  readonly timeLimitMs?: number;
  readonly seeds?: readonly number[];
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

export interface PlanResult {
  readonly version: VersionRow;
  readonly schedule: Schedule;
  /** Against the published version (re-planning), or null on a first plan. */
  readonly changes: VersionDiff | null;
}

export const DEFAULT_TIME_LIMIT_MS = 5_000;

/** Builds the problem, solves it in worker threads and saves a new draft. Throws the errors above. */
export async function planEvent(db: Db, event: EventRow, options: PlanOptions): Promise<PlanResult> {
  const working = workingVersion(db, event.id);
  const built = buildProblem(db, event, { pinsFromVersionId: working?.id ?? null });
  const validation = validateProblem(built.problem);
  if (!validation.ok) throw new SchedulingInputError(validation.errors.map(formatInputError));
  if (built.problem.meetings.length === 0) {
    throw new SchedulingInputError(['meetings: there is no accepted request to schedule']);
  }
  const published = publishedVersion(db, event.id);
  const previous = published ? versionAsSchedule(db, built, published.id) : undefined;

  const schedule = await solveInWorkers(built.problem, {
    seeds: options.seeds ?? defaultSeeds(),
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    ...(previous ? { previous } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) =>
      options.onProgress?.({ fraction: p.fraction, scheduled: p.best.scheduled, breaks: p.best.breaks }),
  });
  if (options.signal?.aborted) throw new SchedulingCancelledError();

  // Never store a timetable that breaks a hard rule, whatever the engine said.
  const report = checkSchedule(built.problem, schedule);
  const broken = hardViolations(report);
  if (broken.length > 0) {
    throw new Error(`the engine's answer breaks a rule: ${broken.slice(0, 3).map((v) => v.message).join('; ')}`);
  }

  const version = db.transaction(() => {
    const created = insertDraftVersion(db, {
      eventId: event.id,
      basedOnVersionId: published?.id ?? null,
      engineStatus: schedule.status,
      statsJson: JSON.stringify(schedule.stats),
      note: '',
      createdByUserId: options.actor.userId,
    });
    const lockedRequests = new Set(
      built.problem.meetings.filter((meeting) => meeting.slot !== undefined).map((meeting) => meeting.id),
    );
    insertMeetings(
      db,
      created.id,
      schedule.assignments.map((assignment) => ({
        requestId: requestOf(assignment.meeting),
        slotId: lookup(built.slotIdByCode, assignment.slot, 'slot'),
        tableId: lookup(built.tableIdByLabel, assignment.table, 'table'),
        locked: lockedRequests.has(assignment.meeting),
      })),
    );
    insertUnscheduled(
      db,
      created.id,
      schedule.unscheduled.map((left) => ({
        requestId: requestOf(left.meeting),
        code: left.code,
        reason: left.reason,
        params: left.params ? JSON.stringify(left.params) : null,
      })),
    );
    recordAudit(db, {
      eventId: event.id,
      userId: options.actor.userId,
      actor: options.actor.label,
      action: 'version.schedule',
      subject: `version:${created.number}`,
      details: { status: schedule.status, ...schedule.stats },
    });
    return created;
  });
  return { version, schedule, changes: published ? diffVersions(db, published.id, version.id) : null };
}

function requestOf(meetingId: string): number {
  const id = requestIdOf(meetingId);
  if (id === null) throw new Error(`the engine answered with an unknown meeting "${meetingId}"`);
  return id;
}

function lookup(map: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`the engine answered with an unknown ${what} "${key}"`);
  return id;
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface SchedulingJob {
  readonly id: string;
  readonly eventId: number;
  readonly startedAt: number;
  status: JobStatus;
  progress: Progress;
  result: PlanResult | null;
  error: string | null;
}

/**
 * Scheduling runs of one process, so a page can start a run, poll its progress and cancel it. One run per event at a
 * time; finished runs are kept until the next one of their event starts.
 */
export class SchedulingJobs {
  private readonly jobs = new Map<string, SchedulingJob>();
  private readonly controllers = new Map<string, AbortController>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a run, or returns the one already running for this event. */
  start(event: EventRow, options: Omit<PlanOptions, 'signal' | 'onProgress'>): SchedulingJob {
    const running = this.latestFor(event.id);
    if (running?.status === 'running') return running;
    for (const [id, job] of this.jobs) if (job.eventId === event.id) this.jobs.delete(id);

    const controller = new AbortController();
    const job: SchedulingJob = {
      id: randomUUID(),
      eventId: event.id,
      startedAt: this.now(),
      status: 'running',
      progress: { fraction: 0, scheduled: 0, breaks: 0 },
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.controllers.set(job.id, controller);
    planEvent(this.db, event, {
      ...options,
      signal: controller.signal,
      onProgress: (progress) => {
        job.progress = progress;
      },
    }).then(
      (result) => {
        job.status = 'done';
        job.result = result;
        job.progress = { ...job.progress, fraction: 1 };
      },
      (error: unknown) => {
        job.status = error instanceof SchedulingCancelledError ? 'cancelled' : 'failed';
        job.error = error instanceof Error ? error.message : String(error);
      },
    ).finally(() => this.controllers.delete(job.id));
    return job;
  }

  get(eventId: number, jobId: string): SchedulingJob | null {
    const job = this.jobs.get(jobId);
    return job && job.eventId === eventId ? job : null;
  }

  latestFor(eventId: number): SchedulingJob | null {
    let latest: SchedulingJob | null = null;
    for (const job of this.jobs.values()) {
      if (job.eventId === eventId && (!latest || job.startedAt >= latest.startedAt)) latest = job;
    }
    return latest;
  }

  /** Asks a running job to stop; nothing is saved. False when it is not running. */
  cancel(eventId: number, jobId: string): boolean {
    const job = this.get(eventId, jobId);
    const controller = this.controllers.get(jobId);
    if (!job || job.status !== 'running' || !controller) return false;
    controller.abort();
    return true;
  }

  /** Stops every run (server shutdown) and waits for none: the workers end on abort. */
  cancelAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
  }
}

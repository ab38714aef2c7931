import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { meetingsOfVersion, publishedVersion, unscheduledOfVersion } from '../../../src/db/repositories/schedule-repository.js';
import { auditLog, meetings, requests } from '../../../src/db/schema/index.js';
import { checkSchedule } from '../../../src/engine/check.js';
import { buildProblem } from '../../../src/services/scheduling/problem-builder.js';
import { publishDraft } from '../../../src/services/publishing/publishing.js';
import { versionAsSchedule } from '../../../src/services/scheduling/schedule-versions.js';
import {
  planEvent,
  SchedulingCancelledError,
  SchedulingInputError,
  SchedulingJobs,
} from '../../../src/services/scheduling/scheduling.js';
import { createSmallEvent, keepFirstPairApart } from '../../helpers/event-fixture.js';
import { eventRow } from '../../helpers/greedy-draft.js';

const actor = { label: 'cli', userId: null };
const fast = { actor, timeLimitMs: 300, seeds: [1] };

t.test('planning saves a valid draft with every accepted request placed or explained, and audits it', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db, { days: 2 });
  const event = eventRow(db, fixture.eventId);
  const result = await planEvent(db, event, fast);
  t.equal(result.version.status, 'draft');
  t.equal(result.version.number, 1);
  t.equal(result.changes, null, 'nothing published to compare with');
  const rows = meetingsOfVersion(db, result.version.id);
  const left = unscheduledOfVersion(db, result.version.id);
  t.equal(rows.length + left.length, fixture.acceptedRequestIds.length);
  t.equal(rows.length, result.schedule.stats.scheduled);
  const built = buildProblem(db, event);
  t.ok(checkSchedule(built.problem, versionAsSchedule(db, built, result.version.id)).valid, 'the stored draft passes the checker');
  t.match(JSON.parse(result.version.statsJson), { meetings: fixture.acceptedRequestIds.length });
  t.equal(db.select().from(auditLog).where(eq(auditLog.action, 'version.schedule')).all().length, 1);
});

t.test('re-planning keeps published meetings in place and says what moved; locked meetings are pinned', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const event = eventRow(db, fixture.eventId);
  const first = await planEvent(db, event, fast);
  publishDraft(db, fixture.eventId, { actor });
  const published = publishedVersion(db, fixture.eventId)!;
  t.equal(published.id, first.version.id);
  // A new accepted request appears (the pending one), then the organizer re-plans.
  db.update(requests).set({ status: 'accepted' }).where(eq(requests.id, fixture.pendingRequestIds[0]!)).run();
  const second = await planEvent(db, event, fast);
  t.equal(second.version.basedOnVersionId, published.id);
  t.ok(second.changes, 'the re-plan is compared with the published version');
  t.equal(second.changes!.cancelled.length, 0, 'nothing published is dropped');
  t.ok(second.changes!.moved.length <= 2, `few meetings move (${second.changes!.moved.length})`);
  t.ok(second.changes!.added.some((change) => change.requestId === fixture.pendingRequestIds[0]), 'the new one is added');
  t.equal(second.version.number, 2);

  // Lock one meeting of the new draft and move it by hand in the database: re-planning keeps it there.
  const locked = meetingsOfVersion(db, second.version.id)[0]!;
  db.update(meetings).set({ locked: true }).where(eq(meetings.id, locked.id)).run();
  const third = await planEvent(db, event, fast);
  const kept = meetingsOfVersion(db, third.version.id).find((m) => m.requestId === locked.requestId)!;
  t.equal(kept.slotId, locked.slotId);
  t.equal(kept.tableId, locked.tableId);
  t.equal(kept.locked, true, 'and it stays locked');
});

t.test('an event without accepted requests cannot be planned, with a message naming the field', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  db.update(requests).set({ status: 'declined' }).where(eq(requests.eventId, fixture.eventId)).run();
  await t.rejects(planEvent(db, eventRow(db, fixture.eventId), fast), SchedulingInputError);
  await t.rejects(planEvent(db, eventRow(db, fixture.eventId), fast), { message: /meetings: there is no accepted request/ });
});

t.test('a cancelled run saves nothing', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const controller = new AbortController();
  controller.abort();
  await t.rejects(
    planEvent(db, eventRow(db, fixture.eventId), { ...fast, signal: controller.signal }),
    SchedulingCancelledError,
  );
  t.equal(db.select().from(meetings).all().length, 0);
});

t.test('jobs: progress while running, then the result; cancel stops a run', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db, { days: 2 });
  const jobs = new SchedulingJobs(db);
  const event = eventRow(db, fixture.eventId);
  const job = jobs.start(event, { actor, timeLimitMs: 300, seeds: [1] });
  t.equal(job.status, 'running');
  t.equal(jobs.start(event, { actor }).id, job.id, 'one run per event at a time');
  t.equal(jobs.get(fixture.eventId, job.id), job);
  t.equal(jobs.get(fixture.eventId + 1, job.id), null, 'a job is only found under its event');
  while (job.status === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
  t.equal(job.status, 'done', job.error ?? '');
  t.equal(job.progress.fraction, 1);
  t.ok(job.result?.version.id);
  t.equal(jobs.cancel(fixture.eventId, job.id), false, 'a finished job cannot be cancelled');

  const slow = jobs.start(event, { actor, timeLimitMs: 60_000, seeds: [1] });
  t.not(slow.id, job.id);
  t.equal(jobs.latestFor(fixture.eventId), slow);
  t.ok(jobs.cancel(fixture.eventId, slow.id));
  const started = Date.now();
  while (slow.status === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
  t.equal(slow.status, 'cancelled');
  t.ok(Date.now() - started < 10_000, 'stops well before its time limit');
  t.equal(meetingsOfVersion(db, job.result!.version.id).length > 0, true);
});

t.test('a version read back as a schedule file keeps the explanation facts of its unscheduled meetings', async (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  keepFirstPairApart(db, fixture);
  const event = eventRow(db, fixture.eventId);
  const result = await planEvent(db, event, fast);
  const built = buildProblem(db, event);
  const file = versionAsSchedule(db, built, result.version.id);
  const left = file.unscheduled.find((u) => u.code === 'NO_COMMON_SLOT');
  t.same(left?.params, { variant: 'apart', participant: 'corp-01', other: 'st-01', count: 5 });
  t.ok(checkSchedule(built.problem, file).valid, 'the file with params passes the checker');
});

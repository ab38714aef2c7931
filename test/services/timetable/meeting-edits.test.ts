import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { meetingsOfVersion, unscheduledOfVersion, versionById, markPublished } from '../../../src/db/repositories/schedule-repository.js';
import {
  auditLog,
  events,
  organizationUnavailability,
  organizations,
  requests,
  tableUnavailability,
} from '../../../src/db/schema/index.js';
import { checkSchedule } from '../../../src/engine/check.js';
import { allowedTargets } from '../../../src/services/timetable/edit-targets.js';
import {
  applyEdit,
  EditRefusedError,
  type MeetingEdit,
} from '../../../src/services/timetable/meeting-edits.js';
import { buildProblem, meetingIdOf } from '../../../src/services/scheduling/problem-builder.js';
import { hardViolations, versionAsSchedule, workingVersion } from '../../../src/services/scheduling/schedule-versions.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';
import { eventRow, saveGreedyDraft } from '../../helpers/greedy-draft.js';

const actor = { label: 'user:1', userId: null };

function setup(t: { teardown(fn: () => void): void }) {
  const handle = openDatabase(':memory:');
  t.teardown(handle.close);
  const { db } = handle;
  const fixture = createSmallEvent(db);
  const draft = saveGreedyDraft(db, fixture.eventId);
  const event = () => eventRow(db, fixture.eventId);
  const meetingOf = (requestId: number) =>
    meetingsOfVersion(db, workingVersion(db, fixture.eventId)!.id).find((m) => m.requestId === requestId);
  const edit = (change: MeetingEdit) => {
    const version = workingVersion(db, fixture.eventId)!;
    return applyEdit(db, event(), change, { versionId: version.id, revision: version.revision, actor });
  };
  const refusal = (change: MeetingEdit): EditRefusedError => {
    try {
      edit(change);
    } catch (error) {
      if (error instanceof EditRefusedError) return error;
      throw error;
    }
    throw new Error('the edit was not refused');
  };
  return { db, fixture, draft, event, meetingOf, edit, refusal };
}

t.test('a move to a free allowed cell is saved, raises the revision and is audited', (t) => {
  const { db, fixture, draft, meetingOf, edit } = setup(t);
  const requestId = fixture.acceptedRequestIds[0]!; // st-01 with corp-01, at booth B-1
  const before = meetingOf(requestId)!;
  t.equal(before.tableLabel, 'B-1');
  const slot = fixture.slotIdByCode['d1-10']!;
  const result = edit({ kind: 'move', requestId, slotId: slot, tableId: before.tableId });
  t.equal(result.version.revision, draft.revision + 1);
  t.equal(meetingOf(requestId)!.slotCode, 'd1-10');
  const audit = db.select().from(auditLog).where(eq(auditLog.action, 'meeting.move')).all();
  t.equal(audit.length, 1);
  t.match(JSON.parse(audit[0]!.detailsJson), { from: { slot: before.slotCode, table: 'B-1' }, to: { slot: 'd1-10', table: 'B-1' } });
  t.end();
});

t.test('each kind of conflict is refused with its reason and nothing is written', async (t) => {
  const { db, fixture, draft, meetingOf, refusal } = setup(t);
  const requestId = fixture.acceptedRequestIds[0]!; // st-01 – corp-01
  const home = meetingOf(requestId)!;
  const other = meetingsOfVersion(db, draft.id).find(
    (m) => m.requestId !== requestId && m.requester.code === 'st-01',
  )!; // st-01 – corp-02 at B-2
  const codes = (edit: MeetingEdit) => refusal(edit).conflicts.map((c) => c.code);

  t.test('participant busy', async (t) => {
    const error = refusal({ kind: 'move', requestId, slotId: other.slotId, tableId: home.tableId });
    t.equal(error.reason, 'CONFLICT');
    t.ok(
      error.conflicts.some(
        (c) => c.code === 'participantBusy' && c.params.participant === 'st-01' && c.params.slot === other.slotCode,
      ),
    );
  });
  t.test('fixed table (booth)', async (t) => {
    t.same(codes({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: fixture.sharedTableIds[0]! }), ['booth']);
  });
  t.test('table taken', async (t) => {
    const taken = meetingsOfVersion(db, draft.id).find((m) => m.tableLabel === 'B-1' && m.requestId !== requestId)!;
    t.ok(codes({ kind: 'move', requestId, slotId: taken.slotId, tableId: home.tableId }).includes('tableTaken'));
  });
  t.test('participant unavailable', async (t) => {
    db.insert(organizationUnavailability)
      .values({ organizationId: fixture.organizationIdByCode['corp-01']!, slotId: fixture.slotIdByCode['d1-09']! })
      .run();
    t.same(codes({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-09']!, tableId: home.tableId }), ['participantUnavailable']);
  });
  t.test('table unavailable', async (t) => {
    db.insert(tableUnavailability).values({ tableId: home.tableId, slotId: fixture.slotIdByCode['d1-08']! }).run();
    t.same(codes({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-08']!, tableId: home.tableId }), ['tableUnavailable']);
  });
  t.test('session', async (t) => {
    db.update(requests).set({ session: 'am' }).where(eq(requests.id, requestId)).run();
    t.same(codes({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: home.tableId }), ['session']);
    db.update(requests).set({ session: null }).where(eq(requests.id, requestId)).run();
  });
  t.test('break cap', async (t) => {
    db.update(events).set({ maxBreaksPerOrganization: 0 }).where(eq(events.id, fixture.eventId)).run();
    t.ok(codes({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: home.tableId }).includes('maxBreaks'));
    db.update(events).set({ maxBreaksPerOrganization: null }).where(eq(events.id, fixture.eventId)).run();
  });
  t.test('meetings per day', async (t) => {
    db.update(organizations).set({ maxMeetingsPerDay: 1 }).where(eq(organizations.code, 'st-01')).run();
    // The cap is already exceeded by the draft; placing it again anywhere keeps it exceeded.
    t.ok(codes({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: home.tableId }).includes('maxPerDay'));
    db.update(organizations).set({ maxMeetingsPerDay: null }).where(eq(organizations.code, 'st-01')).run();
  });

  const after = versionById(db, draft.id)!;
  t.equal(after.revision, draft.revision, 'refused edits leave the revision alone');
  t.equal(meetingOf(requestId)!.slotCode, home.slotCode, 'and the meeting where it was');
  t.equal(db.select().from(auditLog).all().length, 0, 'and write no audit entry');
});

t.test('an edit made with an old revision is refused as stale, not applied over the other', (t) => {
  const { db, fixture, draft, meetingOf, event } = setup(t);
  const requestId = fixture.acceptedRequestIds[0]!;
  const home = meetingOf(requestId)!;
  const rendered = { versionId: draft.id, revision: draft.revision, actor };
  applyEdit(db, event(), { kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: home.tableId }, rendered);
  t.throws(
    () =>
      applyEdit(db, event(), { kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-09']!, tableId: home.tableId }, {
        ...rendered,
        actor: { label: 'user:2', userId: null },
      }),
    { name: 'EditRefusedError', reason: 'STALE' },
  );
  t.equal(meetingOf(requestId)!.slotCode, 'd1-10', 'the first edit stands');
  t.end();
});

t.test('locked meetings stay put; unlock frees them', (t) => {
  const { fixture, meetingOf, edit, refusal } = setup(t);
  const requestId = fixture.acceptedRequestIds[0]!;
  edit({ kind: 'lock', requestId });
  t.equal(meetingOf(requestId)!.locked, true);
  const home = meetingOf(requestId)!;
  t.equal(refusal({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: home.tableId }).reason, 'LOCKED');
  t.equal(refusal({ kind: 'unschedule', requestId }).reason, 'LOCKED');
  edit({ kind: 'unlock', requestId });
  edit({ kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: home.tableId });
  t.equal(meetingOf(requestId)!.slotCode, 'd1-10');
  t.end();
});

t.test('swap exchanges two places when both fit, refuses otherwise with the reason', (t) => {
  const { db, fixture, draft, meetingOf, edit, refusal, event } = setup(t);
  const requestId = fixture.acceptedRequestIds[0]!; // st-01 – corp-01 at B-1
  const a = meetingOf(requestId)!;
  const targets = allowedTargets(db, event(), draft, requestId)!;
  const swaps = targets.cells.filter((cell) => cell.swapWithRequestId !== null);
  const good = swaps.find((cell) => cell.conflicts.length === 0)!;
  const bad = swaps.find((cell) => cell.conflicts.some((c) => c.code === 'participantBusy'))!;
  t.ok(good && bad, 'the small event has both kinds');
  const error = refusal({ kind: 'swap', requestId, otherRequestId: bad.swapWithRequestId! });
  t.equal(error.reason, 'CONFLICT');
  t.ok(error.conflicts.some((c) => c.code === 'participantBusy'));
  const b = meetingOf(good.swapWithRequestId!)!;
  edit({ kind: 'swap', requestId, otherRequestId: b.requestId });
  t.same([meetingOf(requestId)!.slotCode, meetingOf(requestId)!.tableLabel], [b.slotCode, b.tableLabel]);
  t.same([meetingOf(b.requestId)!.slotCode, meetingOf(b.requestId)!.tableLabel], [a.slotCode, a.tableLabel]);
  t.end();
});

t.test('unschedule and place again', (t) => {
  const { db, fixture, meetingOf, edit, refusal } = setup(t);
  const requestId = fixture.acceptedRequestIds[0]!;
  const home = meetingOf(requestId)!;
  edit({ kind: 'unschedule', requestId });
  t.equal(meetingOf(requestId), undefined);
  const version = workingVersion(db, fixture.eventId)!;
  t.match(unscheduledOfVersion(db, version.id), [{ requestId, code: 'MANUAL' }]);
  t.equal(refusal({ kind: 'move', requestId, slotId: home.slotId, tableId: home.tableId }).reason, 'NOT_FOUND');
  edit({ kind: 'place', requestId, slotId: home.slotId, tableId: home.tableId });
  t.equal(meetingOf(requestId)!.slotCode, home.slotCode);
  t.same(unscheduledOfVersion(db, version.id), []);
  t.end();
});

t.test('editing the published timetable starts a draft; the published one is untouched', (t) => {
  const { db, fixture, draft, event } = setup(t);
  markPublished(db, fixture.eventId, draft.id, new Date());
  const requestId = fixture.acceptedRequestIds[0]!;
  const home = meetingsOfVersion(db, draft.id).find((m) => m.requestId === requestId)!;
  const result = applyEdit(
    db,
    event(),
    { kind: 'move', requestId, slotId: fixture.slotIdByCode['d1-10']!, tableId: home.tableId },
    { versionId: draft.id, revision: draft.revision, actor },
  );
  t.not(result.version.id, draft.id);
  t.equal(result.version.status, 'draft');
  t.equal(result.version.basedOnVersionId, draft.id);
  t.equal(meetingsOfVersion(db, draft.id).find((m) => m.requestId === requestId)!.slotCode, home.slotCode);
  t.equal(meetingsOfVersion(db, result.version.id).find((m) => m.requestId === requestId)!.slotCode, 'd1-10');
  t.throws(
    () =>
      applyEdit(db, event(), { kind: 'lock', requestId }, { versionId: draft.id, revision: draft.revision, actor }),
    { name: 'EditRefusedError', reason: 'STALE' },
    'a second form rendered from the published version is stale once a draft exists',
  );
  t.end();
});

t.test('allowed targets agree with the independent checker, cell by cell', (t) => {
  const { db, fixture, draft, event } = setup(t);
  db.insert(organizationUnavailability)
    .values({ organizationId: fixture.organizationIdByCode['st-02']!, slotId: fixture.slotIdByCode['d1-06']! })
    .run();
  const built = buildProblem(db, event(), { pinsFromVersionId: draft.id });
  const schedule = versionAsSchedule(db, built, draft.id);
  for (const requestId of fixture.acceptedRequestIds.slice(0, 4)) {
    const targets = allowedTargets(db, event(), draft, requestId)!;
    t.equal(targets.cells.length, fixture.slotIds.length * fixture.tableIds.length);
    const id = meetingIdOf(requestId);
    let allowed = 0;
    for (const cell of targets.cells) {
      if (cell.swapWithRequestId !== null) continue;
      const slot = built.inputs.slots.find((s) => s.id === cell.slotId)!.code;
      const table = built.inputs.tables.find((x) => x.id === cell.tableId)!.label;
      const moved = {
        ...schedule,
        assignments: schedule.assignments.map((a) => (a.meeting === id ? { meeting: id, slot, table } : a)),
      };
      const violations = hardViolations(checkSchedule(built.problem, moved));
      t.equal(
        violations.length === 0,
        cell.conflicts.length === 0,
        `${id} at ${slot}/${table}: ${cell.conflicts.map((c) => c.code).join(',')} vs ${violations.map((v) => v.code).join(',')}`,
      );
      if (cell.conflicts.length === 0) allowed += 1;
    }
    t.ok(allowed > 0, `${id} has somewhere to go`);
  }
  t.end();
});

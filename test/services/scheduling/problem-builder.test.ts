import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import {
  events,
  meetings,
  organizationUnavailability,
  organizations,
  requests,
  tableUnavailability,
} from '../../../src/db/schema/index.js';
import { validateProblem } from '../../../src/engine/validate.js';
import { buildProblem, meetingIdOf, requestIdOf } from '../../../src/services/scheduling/problem-builder.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';
import { eventRow, saveGreedyDraft } from '../../helpers/greedy-draft.js';

t.test('the small event becomes a valid problem with codes, labels, booths and accepted requests only', (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(handle.close);
  const { db } = handle;
  const fixture = createSmallEvent(db, { days: 2 });
  const { problem, slotIdByCode, tableIdByLabel } = buildProblem(db, eventRow(db, fixture.eventId));

  const validation = validateProblem(JSON.parse(JSON.stringify(problem)));
  t.ok(validation.ok, 'passes the engine validator after a JSON round trip');
  if (validation.ok) t.same(validation.problem, problem);

  t.equal(problem.slots.length, fixture.slotIds.length);
  t.same(problem.slots.slice(0, 2).map((slot) => slot.id), ['d1-01', 'd1-02']);
  t.equal(problem.slots[0]!.day, '2025-06-10');
  t.equal(problem.slots.at(-1)!.day, '2025-06-11');
  t.equal(slotIdByCode.get('d1-01'), fixture.slotIdByCode['d1-01']);
  t.same(
    (problem.tables as { id: string; room?: string }[]).map((table) => [table.id, table.room]),
    [
      ['B-1', 'Booth Hall'],
      ['B-2', 'Booth Hall'],
      ['B-3', 'Booth Hall'],
      ['B-4', 'Booth Hall'],
      ['A-1', 'Meeting Room 1'],
      ['A-2', 'Meeting Room 1'],
    ],
  );
  t.equal(tableIdByLabel.get('A-1'), fixture.sharedTableIds[0]);
  const corp1 = problem.participants.find((participant) => participant.id === 'corp-01');
  t.equal(corp1?.table, 'B-1', 'a booth becomes the participant table');
  t.equal(corp1?.role, 'corporate');
  t.equal(problem.participants.find((participant) => participant.id === 'st-01')?.table, undefined);

  t.equal(problem.meetings.length, fixture.acceptedRequestIds.length, 'pending and declined requests are left out');
  const first = problem.meetings[0]!;
  t.equal(first.id, meetingIdOf(fixture.acceptedRequestIds[0]!));
  t.same(first.between, ['st-01', 'corp-01']);
  t.equal(first.priority, 2);
  t.equal(problem.rules, undefined);
  t.equal(problem.timezone, 'Asia/Seoul');
  t.end();
});

t.test('unavailability, caps, sessions, break cap and locked meetings are carried over', (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(handle.close);
  const { db } = handle;
  const fixture = createSmallEvent(db);
  const st1 = fixture.organizationIdByCode['st-01']!;
  db.insert(organizationUnavailability).values({ organizationId: st1, slotId: fixture.slotIdByCode['d1-03']! }).run();
  db.insert(tableUnavailability).values({ tableId: fixture.sharedTableIds[1]!, slotId: fixture.slotIdByCode['d1-01']! }).run();
  db.update(organizations).set({ maxMeetings: 3, maxMeetingsPerDay: 2 }).where(eq(organizations.id, st1)).run();
  db.update(requests).set({ session: 'pm' }).where(eq(requests.id, fixture.acceptedRequestIds[0]!)).run();
  db.update(events).set({ maxBreaksPerOrganization: 1 }).where(eq(events.id, fixture.eventId)).run();
  const draft = saveGreedyDraft(db, fixture.eventId);
  const locked = db.select().from(meetings).where(eq(meetings.versionId, draft.id)).all()[1]!;
  db.update(meetings).set({ locked: true }).where(eq(meetings.id, locked.id)).run();

  const { problem } = buildProblem(db, eventRow(db, fixture.eventId), { pinsFromVersionId: draft.id });
  t.ok(validateProblem(problem).ok);
  const st = problem.participants.find((participant) => participant.id === 'st-01')!;
  t.same(st.unavailable, ['d1-03']);
  t.equal(st.maxMeetings, 3);
  t.equal(st.maxMeetingsPerDay, 2);
  t.same((problem.tables as { id: string; unavailable?: string[] }[]).find((table) => table.id === 'A-2')?.unavailable, ['d1-01']);
  t.equal(problem.meetings[0]!.session, 'pm');
  t.same(problem.rules, { maxBreaksPerParticipant: 1 });
  const pinned = problem.meetings.filter((meeting) => meeting.slot !== undefined);
  t.equal(pinned.length, 1, 'only the locked meeting is pinned');
  t.equal(requestIdOf(pinned[0]!.id), locked.requestId);
  t.ok(pinned[0]!.table, 'pinned to its table as well');
  t.end();
});

t.test('request ids read back from meeting ids', (t) => {
  t.equal(requestIdOf('r-42'), 42);
  t.equal(requestIdOf('m-42'), null);
  t.equal(requestIdOf('r-'), null);
  t.end();
});

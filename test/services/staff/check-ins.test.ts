import t, { type Test } from 'tap';
import { count, eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { checkIns, meetings } from '../../../src/db/schema/index.js';
import { meetingsOfVersion } from '../../../src/db/repositories/schedule-repository.js';
import { CheckInRefusedError, recordCheckIn, type CheckInActor } from '../../../src/services/staff/check-ins.js';
import { LiveUpdates, type LiveChange } from '../../../src/services/staff/live-updates.js';
import { createPublishedEvent, publishChangedVersion } from '../../helpers/published-event.js';

function setUp() {
  const handle = openDatabase(':memory:');
  const event = createPublishedEvent(handle.db, { days: 2 });
  const first = meetingsOfVersion(handle.db, event.versionId)[0]!;
  const actor: CheckInActor = { eventId: event.eventId, roomId: null, accessTokenId: null, userId: null, language: 'en' };
  const outcome = (kind: 'held' | 'no_show', overrides: Record<string, number | string> = {}) => ({
    kind,
    meetingId: first.id,
    versionId: first.versionId,
    slotId: first.slotId,
    tableId: first.tableId,
    date: first.date,
    roomId: first.roomId,
    ...overrides,
  });
  const rows = () => handle.db.select({ n: count() }).from(checkIns).get()!.n;
  return { handle, event, first, actor, outcome, rows };
}

function refusal(t: Test, fn: () => unknown, key: string, params?: Record<string, unknown>) {
  try {
    fn();
    t.fail(`expected ${key}`);
  } catch (error) {
    t.type(error, CheckInRefusedError);
    t.equal((error as CheckInRefusedError).key, key);
    if (params) t.match((error as CheckInRefusedError).params, params);
  }
}

t.test('a meeting outcome sent twice counts once and sets the meeting status', async (t) => {
  const { handle, first, actor, outcome, rows } = setUp();
  t.teardown(() => handle.close());
  t.same(recordCheckIn(handle.db, actor, outcome('held')), { recorded: true, dayId: first.dayId });
  t.same(recordCheckIn(handle.db, actor, outcome('held')), { recorded: false, dayId: first.dayId });
  t.equal(rows(), 1);
  t.equal(handle.db.select().from(meetings).where(eq(meetings.id, first.id)).get()!.status, 'held');
  refusal(t, () => recordCheckIn(handle.db, actor, outcome('no_show')), 'staff.refused.already.held');
  t.equal(rows(), 1, 'the contradicting tap wrote nothing');
});

t.test('an arrival sent twice counts once; live listeners hear only the first', async (t) => {
  const { handle, event, first, actor, rows } = setUp();
  const live = new LiveUpdates(handle.db, { pollMs: 60_000 });
  t.teardown(() => {
    live.close();
    handle.close();
  });
  const heard: LiveChange[] = [];
  const stop = live.subscribe(event.eventId, (change) => heard.push(change));
  const representativeId = event.representativeIdsByOrganization[first.requester.id]![0]!;
  const arrival = { kind: 'arrived' as const, representativeId, date: first.date, roomId: first.roomId };
  t.equal(recordCheckIn(handle.db, actor, arrival, live).recorded, true);
  t.equal(recordCheckIn(handle.db, actor, arrival, live).recorded, false);
  t.equal(rows(), 1);
  t.same(heard, [{ type: 'checkin', dayId: first.dayId, roomId: first.roomId }]);
  stop();
  t.equal(live.listenerCount(event.eventId), 0);
});

t.test('a duplicate row is kept out by the unique index itself, and the service then reports it as already recorded', async (t) => {
  const { handle, event, first, actor } = setUp();
  t.teardown(() => handle.close());
  // The unique index, not the read before the insert, is what keeps the second row out.
  const values = { eventId: event.eventId, dayId: first.dayId, meetingId: first.id, kind: 'held' as const };
  handle.db.insert(checkIns).values(values).onConflictDoNothing().run();
  t.equal(handle.db.insert(checkIns).values(values).onConflictDoNothing().run().changes, 0);
  t.same(recordCheckIn(handle.db, actor, { ...values, kind: 'held', versionId: first.versionId, slotId: first.slotId, tableId: first.tableId, date: first.date, roomId: first.roomId }).recorded, false);
});

t.test('a meeting of another room or day is refused and names where it is', async (t) => {
  const { handle, event, first, actor, outcome, rows } = setUp();
  t.teardown(() => handle.close());
  const meetingRoom = event.roomIds[1];
  refusal(t, () => recordCheckIn(handle.db, actor, outcome('held', { roomId: meetingRoom })), 'staff.refused.otherRoom', {
    room: 'Booth Hall',
    table: first.tableLabel,
  });
  refusal(
    t,
    () => recordCheckIn(handle.db, { ...actor, roomId: meetingRoom }, outcome('held')),
    'staff.refused.linkRoom',
    { room: 'Meeting Room 1' },
  );
  refusal(t, () => recordCheckIn(handle.db, actor, outcome('held', { date: event.dates[1]! })), 'staff.refused.otherDay', {
    date: first.date,
    start: first.startTime,
  });
  refusal(t, () => recordCheckIn(handle.db, actor, outcome('held', { date: '2030-01-01' })), 'staff.refused.unknownDay');
  const startupRep = event.representativeIdsByOrganization[first.requester.id]![0]!;
  refusal(
    t,
    () => recordCheckIn(handle.db, actor, { kind: 'arrived', representativeId: startupRep, date: first.date, roomId: meetingRoom }),
    'staff.refused.noMeetingHere',
  );
  const other = createPublishedEvent(handle.db, { slug: 'other-event' });
  refusal(
    t,
    () => recordCheckIn(handle.db, actor, { kind: 'arrived', representativeId: other.representativeIds[0]!, date: first.date, roomId: first.roomId }),
    'staff.refused.unknownRepresentative',
  );
  t.equal(rows(), 0, 'nothing recorded');
});

t.test('a stale page: the meeting moved or was dropped in a newer published version', async (t) => {
  const { handle, event, first, actor, outcome, rows } = setUp();
  t.teardown(() => handle.close());
  const freeSlot = event.slotIdsByDay[0]!.at(-1)!;
  const moved = publishChangedVersion(handle.db, event.eventId, event, { move: new Map([[first.requestId, freeSlot]]) });
  refusal(t, () => recordCheckIn(handle.db, actor, outcome('held')), 'staff.refused.moved', {
    version: 2,
    start: '14:40',
    table: first.tableLabel,
    room: 'Booth Hall',
  });
  publishChangedVersion(handle.db, event.eventId, { versionId: moved.versionId, placed: moved.placed }, { drop: [first.requestId] });
  refusal(t, () => recordCheckIn(handle.db, actor, outcome('held')), 'staff.refused.removed', { version: 3 });
  t.equal(rows(), 0);
});

t.test('a page of an older version whose meeting did not change records on the published meeting, once', async (t) => {
  const { handle, event, first, actor, outcome, rows } = setUp();
  t.teardown(() => handle.close());
  t.equal(recordCheckIn(handle.db, actor, outcome('no_show')).recorded, true);
  const next = publishChangedVersion(handle.db, event.eventId, event, {});
  t.equal(recordCheckIn(handle.db, actor, outcome('no_show')).recorded, false, 'same request and slot: already recorded');
  const republished = meetingsOfVersion(handle.db, next.versionId).find((m) => m.requestId === first.requestId)!;
  t.equal(
    recordCheckIn(handle.db, actor, outcome('no_show', { meetingId: republished.id, versionId: next.versionId })).recorded,
    false,
  );
  t.equal(rows(), 1);
});

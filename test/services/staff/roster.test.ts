import t, { type Test } from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { meetingsOfVersion } from '../../../src/db/repositories/schedule-repository.js';
import { recordCheckIn } from '../../../src/services/staff/check-ins.js';
import { loadNow, loadRoster, loadStaffHome } from '../../../src/services/staff/roster.js';
import { createPublishedEvent, insertDraftVersion, publishChangedVersion } from '../../helpers/published-event.js';
import { outcomeFor } from '../../helpers/staff-fixture.js';

const TEN_PAST_TEN = new Date('2025-06-10T10:10:00+09:00');

function setUp(t: Test) {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  return { db: handle.db, event: createPublishedEvent(handle.db, { days: 2 }) };
}

t.test('a roster shows the published version, never a draft', async (t) => {
  const { db, event } = setUp(t);
  const [booths] = event.roomIds;
  const moved = event.placed[0]!;
  const lastSlot = event.slotIdsByDay[0]!.at(-1)!;
  insertDraftVersion(db, event.eventId, 2, event.placed.map((m) => (m === moved ? { ...m, slotId: lastSlot } : m)));
  const roster = loadRoster(db, { eventId: event.eventId, roomId: null }, { roomId: booths, date: '2025-06-10', language: 'en', now: TEN_PAST_TEN })!;
  t.equal(roster.version?.number, 1);
  const cellOf = (slotId: number) =>
    roster.slots.find((slot) => slot.id === slotId)!.cells.find((cell) => cell.tableId === moved.tableId)!;
  t.equal(cellOf(moved.slotId).meeting?.requestId, moved.requestId);
  t.equal(cellOf(lastSlot).meeting, null);
  t.same(
    roster.slots.map((slot) => slot.highlight).slice(0, 3),
    ['current', 'next', null],
  );
  t.equal(roster.slots[0]!.cells.length, 4, 'every booth table, taken or free');
  t.same(roster.slots[0]!.cells[0]!.meeting!.parties.map((party) => party.kind), ['corporate', 'startup'], 'corporate first');
});

t.test('statuses and arrivals carry over to a newly published version of the same meeting', async (t) => {
  const { db, event } = setUp(t);
  const meeting = meetingsOfVersion(db, event.versionId)[0]!;
  const actor = { eventId: event.eventId, roomId: null, accessTokenId: null, userId: null, language: 'en' as const };
  recordCheckIn(db, actor, outcomeFor('held', meeting));
  const person = event.representativeIdsByOrganization[meeting.requester.id]![0]!;
  recordCheckIn(db, actor, { kind: 'arrived', representativeId: person, date: meeting.date, roomId: meeting.roomId });
  publishChangedVersion(db, event.eventId, event, {});
  const roster = loadRoster(db, { eventId: event.eventId, roomId: null }, { roomId: meeting.roomId, date: meeting.date, language: 'ko', now: TEN_PAST_TEN })!;
  t.equal(roster.version?.number, 2);
  const shown = roster.slots.flatMap((slot) => slot.cells).find((cell) => cell.meeting?.requestId === meeting.requestId)!.meeting!;
  t.equal(shown.status, 'held');
  const party = shown.parties.find((p) => p.organizationId === meeting.requester.id)!;
  t.equal(party.present, true);
  t.equal(party.name, meeting.requester.nameKo, 'names in the viewer language');
  t.ok(party.representatives.find((p) => p.id === person)!.arrived);
  const onDayTwo = loadRoster(db, { eventId: event.eventId, roomId: null }, { roomId: meeting.roomId, date: event.dates[1]!, language: 'en', now: TEN_PAST_TEN })!;
  t.notOk(
    onDayTwo.slots.some((slot) => slot.cells.some((cell) => cell.meeting?.parties.some((p) => p.present))),
    'an arrival counts for its own day',
  );
});

t.test('scopes: a room link sees its room only; the home lists days with today marked', async (t) => {
  const { db, event } = setUp(t);
  const [booths, meetingRoom] = event.roomIds;
  const scope = { eventId: event.eventId, roomId: meetingRoom };
  t.equal(loadRoster(db, scope, { roomId: booths, date: '2025-06-10', language: 'en', now: TEN_PAST_TEN }), null);
  t.not(loadRoster(db, scope, { roomId: meetingRoom, date: '2025-06-10', language: 'en', now: TEN_PAST_TEN }), null);
  t.equal(loadRoster(db, scope, { roomId: meetingRoom, date: '2025-06-12', language: 'en', now: TEN_PAST_TEN }), null);
  const home = loadStaffHome(db, scope, 'en', TEN_PAST_TEN)!;
  t.same(home.rooms.map((room) => room.name), ['Meeting Room 1']);
  t.same(home.days.map((day) => [day.date, day.today]), [['2025-06-10', true], ['2025-06-11', false]]);
  const now = loadNow(db, { eventId: event.eventId, roomId: null }, 'en', new Date('2025-06-10T15:30:00+09:00'))!;
  t.equal(now.current, null);
  t.equal(now.next?.slot.date, '2025-06-11', 'after the day: tomorrow opens the list');
  t.same(now.next?.rooms.map((block) => block.room.name), ['Booth Hall', 'Meeting Room 1']);
});

import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { calendarEntriesOfEvent } from '../../../src/db/repositories/calendar-entry-repository.js';
import { syncCalendarEntries } from '../../../src/services/calendar/calendar-entries.js';
import { createPublishedEvent, publishChangedVersion } from '../../helpers/published-event.js';

t.test('entries get a UID once and a higher SEQUENCE only when the meeting changes', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createPublishedEvent(db);
  const first = syncCalendarEntries(db, event.eventId, event.versionId);
  t.equal(first.created.length, event.placed.length, 'every meeting gets an entry');
  const entries = new Map(calendarEntriesOfEvent(db, event.eventId).map((e) => [e.requestId, e]));
  t.ok([...entries.values()].every((e) => e.sequence === 0 && !e.cancelled && /@meetgrid$/.test(e.uid)));
  t.equal(new Set([...entries.values()].map((e) => e.uid)).size, entries.size, 'UIDs are distinct');

  const again = syncCalendarEntries(db, event.eventId, event.versionId);
  t.same([again.created.length, again.changed.length, again.cancelled.length], [0, 0, 0], 'a second run changes nothing');

  const moved = event.placed[0]!;
  const dropped = event.placed[1]!;
  const freeSlot = event.slotIds[event.slotIds.length - 1]!;
  const v2 = publishChangedVersion(db, event.eventId, event, {
    move: new Map([[moved.requestId, freeSlot]]),
    drop: [dropped.requestId],
  });
  const second = syncCalendarEntries(db, event.eventId, v2.versionId);
  t.same(second.changed, [moved.requestId]);
  t.same(second.cancelled, [dropped.requestId]);
  const after = new Map(calendarEntriesOfEvent(db, event.eventId).map((e) => [e.requestId, e]));
  t.equal(after.get(moved.requestId)!.uid, entries.get(moved.requestId)!.uid, 'a moved meeting keeps its UID');
  t.equal(after.get(moved.requestId)!.sequence, 1);
  t.equal(after.get(dropped.requestId)!.cancelled, true);
  t.equal(after.get(dropped.requestId)!.sequence, 1);
  t.equal(after.get(event.placed[2]!.requestId)!.sequence, 0, 'an unchanged meeting keeps SEQUENCE 0');

  // Put the dropped meeting back: the same entry comes back to life with a higher SEQUENCE.
  const v3 = publishChangedVersion(db, event.eventId, v2, {});
  const restored = publishChangedVersion(db, event.eventId, { versionId: v3.versionId, placed: event.placed }, {});
  const third = syncCalendarEntries(db, event.eventId, restored.versionId);
  t.ok(third.created.includes(dropped.requestId));
  const revived = calendarEntriesOfEvent(db, event.eventId).find((e) => e.requestId === dropped.requestId)!;
  t.same([revived.cancelled, revived.sequence, revived.uid], [false, 2, entries.get(dropped.requestId)!.uid]);
  t.end();
});

t.test('a version of another event is refused', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const one = createPublishedEvent(db, { slug: 'one' });
  const two = createPublishedEvent(db, { slug: 'two' });
  t.throws(() => syncCalendarEntries(db, one.eventId, two.versionId), /does not belong to event/);
  t.equal(calendarEntriesOfEvent(db, one.eventId).length, 0, 'nothing written');
  t.end();
});

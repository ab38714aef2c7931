import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { LiveUpdates, type LiveChange } from '../../../src/services/staff/live-updates.js';
import { createPublishedEvent, publishChangedVersion } from '../../helpers/published-event.js';

t.test('a newly published version is noticed while someone listens, once', async (t) => {
  const handle = openDatabase(':memory:');
  const event = createPublishedEvent(handle.db);
  const other = createPublishedEvent(handle.db, { slug: 'other' });
  const live = new LiveUpdates(handle.db, { pollMs: 20 });
  t.teardown(() => {
    live.close();
    handle.close();
  });
  const heard: LiveChange[] = [];
  const heardOther: LiveChange[] = [];
  const stop = live.subscribe(event.eventId, (change) => heard.push(change));
  live.subscribe(other.eventId, (change) => heardOther.push(change));
  live.checkSchedule(event.eventId);
  t.same(heard, [], 'nothing changed yet');

  publishChangedVersion(handle.db, event.eventId, event, { drop: [event.placed[0]!.requestId] });
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.same(heard, [{ type: 'schedule', version: 2 }], 'noticed by the watcher, once');
  t.same(heardOther, [], 'other events hear nothing');

  stop();
  t.equal(live.listenerCount(event.eventId), 0);
  live.notify(event.eventId, { type: 'checkin', dayId: event.dayIds[0]!, roomId: null });
  t.equal(heard.length, 1, 'a stopped listener hears nothing more');
});

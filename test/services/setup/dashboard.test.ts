import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { tableUnavailability } from '../../../src/db/schema/index.js';
import { buildDashboard, spread } from '../../../src/services/setup/dashboard.js';
import { publishDraft } from '../../../src/services/publishing/publishing.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';
import { eventRow, saveGreedyDraft } from '../../helpers/greedy-draft.js';

t.test('spread: min, median, max', (t) => {
  t.equal(spread([]), null);
  t.same(spread([3]), { min: 3, median: 3, max: 3 });
  t.same(spread([4, 1, 3]), { min: 1, median: 3, max: 4 });
  t.same(spread([0, 2, 1, 5]), { min: 0, median: 1.5, max: 5 });
  t.end();
});

t.test('figures before and after scheduling; startups without meetings are flagged', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const event = eventRow(db, fixture.eventId);
  const empty = buildDashboard(db, event, 'en');
  t.same(empty.requests, { requested: 1, accepted: 16, declined: 1, total: 18 });
  t.equal(empty.version, null);
  t.equal(empty.scheduled, 0);
  t.same(empty.startupsWithoutMeetings, [], 'nothing flagged before the first run');

  db.insert(tableUnavailability).values({ tableId: fixture.sharedTableIds[0]!, slotId: fixture.slotIdByCode['d1-01']! }).run();
  // st-01's two requests are left out: it has no meeting.
  saveGreedyDraft(db, fixture.eventId, fixture.acceptedRequestIds.slice(0, 2));
  const draft = buildDashboard(db, event, 'en');
  t.equal(draft.version?.status, 'draft');
  t.equal(draft.scheduled, 14);
  t.equal(draft.unscheduled, 2);
  t.same(draft.meetingsPerStartup, { min: 0, median: 2, max: 2 });
  t.same(draft.startupsWithoutMeetings, [{ code: 'st-01', name: 'Maru Sensor' }]);
  t.equal(draft.tableUse.length, 10);
  t.same(draft.tableUse[0], { code: 'd1-01', date: '2025-06-10', startTime: '10:00', used: draft.tableUse[0]!.used, available: 5 });
  t.equal(draft.tableUse.reduce((sum, slot) => sum + slot.used, 0), 14);
  t.equal(draft.breaks.histogram.reduce((sum, n) => sum + n, 0), 12, 'every organization counted once');
  t.equal(draft.breaks.total, draft.breaksPerParticipant.reduce((sum, row) => sum + row.breaks, 0));

  publishDraft(db, fixture.eventId, { actor: { label: 'cli', userId: null } });
  const published = buildDashboard(db, event, 'ko');
  t.equal(published.version?.status, 'published');
  t.equal(published.draft, null);
  t.same(published.startupsWithoutMeetings, [{ code: 'st-01', name: '마루센서' }]);
  t.end();
});

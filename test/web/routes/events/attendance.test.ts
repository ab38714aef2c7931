import t, { type Test } from 'tap';
import { meetingsOfVersion, draftVersion } from '../../../../src/db/repositories/schedule-repository.js';
import { recordCheckIn, type CheckInActor } from '../../../../src/services/staff/check-ins.js';
import { createPublishedEvent, publishChangedVersion } from '../../../helpers/published-event.js';
import { outcomeFor, seoulTime } from '../../../helpers/staff-fixture.js';
import { createTestApp, csrfTokenOf, loggedInBrowser } from '../../../helpers/web-app.js';

async function setUp(t: Test) {
  const testApp = await createTestApp({ now: () => seoulTime('2025-06-10', '10:30') });
  t.teardown(testApp.close);
  const db = testApp.handle.db;
  const event = createPublishedEvent(db);
  const v1 = meetingsOfVersion(db, event.versionId);
  const noShow = v1[0]!;
  const corporate = noShow.requested.kind === 'corporate' ? noShow.requested : noShow.requester;
  const busyInSlot = new Set(v1.filter((m) => m.slotId === noShow.slotId).flatMap((m) => [m.requester.id, m.requested.id]));
  // A meeting of the same corporate whose startup is free in the no-show's slot: dropped from version 2, so it is
  // an accepted request waiting for a place.
  const waiting = v1.find(
    (m) =>
      m.id !== noShow.id &&
      (m.requester.id === corporate.id || m.requested.id === corporate.id) &&
      !busyInSlot.has(m.requester.id === corporate.id ? m.requested.id : m.requester.id),
  )!;
  const v2 = publishChangedVersion(db, event.eventId, event, { drop: [waiting.requestId] });
  const current = meetingsOfVersion(db, v2.versionId).find((m) => m.requestId === noShow.requestId)!;
  const actor: CheckInActor = { eventId: event.eventId, roomId: null, accessTokenId: null, userId: null, language: 'en' };
  const outcome = (kind: 'held' | 'no_show', meeting = current) => recordCheckIn(db, actor, outcomeFor(kind, meeting));
  const browser = await loggedInBrowser(testApp);
  return { testApp, db, event, current, corporate, waiting, actor, outcome, browser, v2 };
}

t.test('the attendance page shows rates from the check-ins', async (t) => {
  const { db, event, current, corporate, actor, outcome, browser, v2 } = await setUp(t);
  const page = await browser.get('/events/small-event/attendance');
  t.equal(page.statusCode, 200);
  t.match(page.body, 'Nothing recorded yet.');
  t.match(page.body, /data-figure="no-show-rate">–</);

  recordCheckIn(db, actor, {
    kind: 'arrived',
    representativeId: event.representativeIdsByOrganization[corporate.id]![0]!,
    date: current.date,
    roomId: current.roomId,
  });
  outcome('no_show');
  const other = meetingsOfVersion(db, v2.versionId).find((m) => m.id !== current.id)!;
  outcome('held', other);
  const fragment = await browser.get('/events/small-event/attendance?fragment=1');
  t.notMatch(fragment.body, '<html');
  t.match(fragment.body, /data-figure="no-show-rate">50%</);
  t.match(fragment.body, /data-figure="held">1</);
  t.match(fragment.body, /data-figure="arrived">1</);
  t.match(fragment.body, `data-no-show="${current.id}"`);
  // 12 organizations have meetings that day; one of them checked in.
  t.match(fragment.body, /1 \/ 12 \(8%\)/);
  t.match((await browser.get('/events/small-event/attendance')).body, /\/staff\/[A-Za-z0-9_-]{43}/, 'staff links listed');
  const dashboard = await browser.get('/events/small-event');
  t.match(dashboard.body, /data-figure="no-show-rate">50%</, 'the dashboard shows the rates');
  t.match(dashboard.body, 'href="/events/small-event/attendance"');
});

t.test('a no-show slot is refilled from the waiting requests of the party who came', async (t) => {
  const { db, event, current, corporate, waiting, actor, outcome, browser } = await setUp(t);
  t.equal((await browser.get(`/events/small-event/refill/${current.id}`)).statusCode, 409, 'not a no-show yet');
  recordCheckIn(db, actor, {
    kind: 'arrived',
    representativeId: event.representativeIdsByOrganization[corporate.id]![0]!,
    date: current.date,
    roomId: current.roomId,
  });
  outcome('no_show');
  const page = await browser.get(`/events/small-event/refill/${current.id}`);
  t.equal(page.statusCode, 200);
  t.match(page.body, `Present: ${corporate.nameEn}`);
  t.match(page.body, `data-refill="${waiting.requestId}"`);
  const form = /<form[^>]*>[\s\S]*?<\/form>/.exec(page.body.slice(page.body.indexOf('refill-candidates')))![0];
  const tableId = /name="tableId" value="(\d+)"/.exec(form)![1]!;
  t.equal(tableId, String(current.tableId), "the freed table, the corporate's booth");

  const done = await browser.post(
    `/events/small-event/refill/${current.id}`,
    { requestId: String(waiting.requestId), tableId },
    { csrf: csrfTokenOf(page.body) },
  );
  t.equal(done.statusCode, 303);
  t.equal(done.headers.location, '/events/small-event/publish');
  const draft = draftVersion(db, event.eventId)!;
  const inDraft = meetingsOfVersion(db, draft.id);
  t.same(
    inDraft.filter((m) => m.slotId === current.slotId && m.tableId === current.tableId).map((m) => m.requestId),
    [waiting.requestId],
  );
  t.notOk(inDraft.some((m) => m.requestId === current.requestId), 'the no-show left the draft');

  const again = await browser.post(
    `/events/small-event/refill/${current.id}`,
    { requestId: String(waiting.requestId), tableId },
    { csrf: csrfTokenOf(page.body) },
  );
  t.equal(again.statusCode, 409, 'the same refill twice is refused');
  t.match(again.body, 'The schedule changed meanwhile.');
});

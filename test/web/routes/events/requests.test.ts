import t, { type Test } from 'tap';
import { findRequest, listRequestViews } from '../../../../src/db/repositories/request-repository.js';
import { createSmallEvent } from '../../../helpers/event-fixture.js';
import { saveGreedyDraft } from '../../../helpers/greedy-draft.js';
import { createTestApp, loggedInBrowser } from '../../../helpers/web-app.js';

async function setup(t: Test, language = 'en') {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const event = createSmallEvent(testApp.handle.db);
  const browser = await loggedInBrowser(testApp, language);
  return { db: testApp.handle.db, event, browser, base: `/events/${event.slug}/requests` };
}

t.test('requests are listed by status and accepted or declined in one click', async (t) => {
  const { db, event, browser, base } = await setup(t);
  const all = await browser.get(base);
  t.equal(all.statusCode, 200);
  t.match(all.body, /All \(18\)/);
  t.match(all.body, /Accepted \(16\)/);
  const pending = await browser.get(`${base}?status=requested`);
  t.match(pending.body, /corp-01 Gaon Heavy Industries/);
  t.equal((pending.body.match(/<tr>/g) ?? []).length, 2, 'header and the one pending request');
  const id = event.pendingRequestIds[0]!;
  const accepted = await browser.post(`${base}/${id}/status`, { status: 'accepted', back: 'requested' }, { formPage: base });
  t.equal(accepted.statusCode, 303);
  t.equal(accepted.headers.location, `${base}?status=requested`);
  t.equal(findRequest(db, event.eventId, id)?.status, 'accepted');
  t.equal((await browser.get(`${base}?status=maybe`)).statusCode, 400);
});

t.test('a new request is checked: both organizations, not itself, not twice, valid priority', async (t) => {
  const { db, event, browser, base } = await setup(t, 'ko');
  const ids = event.organizationIdByCode;
  const self = await browser.post(base, { requesterId: String(ids['st-01']), requestedId: String(ids['st-01']), priority: '0' }, { formPage: base });
  t.equal(self.statusCode, 422);
  t.match(self.body, /id="new-requestedId-error">st-01이\(가\) 자기 자신에게 미팅을 요청할 수 없습니다/);
  t.match(self.body, /id="new-priority-error">우선순위 &quot;0&quot;은\(는\) 1 이상의 정수여야 합니다/);
  const twice = await browser.post(base, { requesterId: String(ids['corp-01']), requestedId: String(ids['st-01']) }, { formPage: base });
  t.match(twice.body, /corp-01와\(과\) st-01 사이의 요청이 이미 있습니다/);
  const missing = await browser.post(base, { requesterId: '', requestedId: String(ids['st-01']) }, { formPage: base });
  t.match(missing.body, /id="new-requesterId-error">참가 기업을 고르세요/);
  t.equal(listRequestViews(db, event.eventId).length, 18, 'nothing saved');

  const added = await browser.post(
    base,
    { requesterId: String(ids['st-01']), requestedId: String(ids['corp-03']), priority: '3', status: 'accepted', session: 'pm', note: '수소' },
    { formPage: base },
  );
  t.equal(added.statusCode, 303);
  t.match(listRequestViews(db, event.eventId).find((r) => r.requesterCode === 'st-01' && r.requestedCode === 'corp-03'), {
    priority: 3,
    status: 'accepted',
    session: 'pm',
    note: '수소',
  });
});

t.test('editing a request, and removing a scheduled one asks first', async (t) => {
  const { db, event, browser, base } = await setup(t);
  saveGreedyDraft(db, event.eventId);
  const id = event.acceptedRequestIds[0]!;
  const page = `${base}/${id}`;
  const bad = await browser.post(page, { priority: '2', status: 'maybe' }, { formPage: page });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, /status &quot;maybe&quot; must be requested, accepted or declined/);
  const saved = await browser.post(page, { priority: '5', status: 'accepted', session: 'am', note: 'VIP' }, { formPage: page });
  t.equal(saved.statusCode, 303);
  t.match(findRequest(db, event.eventId, id), { priority: 5, session: 'am', note: 'VIP' });

  const asked = await browser.post(`${page}/delete`, {}, { formPage: page });
  t.equal(asked.statusCode, 200);
  t.match(asked.body, /takes the following 1 meeting\(s\) out of the schedule/);
  t.ok(findRequest(db, event.eventId, id));
  const removed = await browser.post(`${page}/delete`, { confirm: 'yes' }, { formPage: page });
  t.equal(removed.statusCode, 303);
  t.notOk(findRequest(db, event.eventId, id));
  t.equal((await browser.get(page)).statusCode, 404);
});

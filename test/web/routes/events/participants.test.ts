import t, { type Test } from 'tap';
import { findOrganizationByCode, listOrganizations, representativesOf, unavailableSlotIds } from '../../../../src/db/repositories/organization-repository.js';
import { createSmallEvent } from '../../../helpers/event-fixture.js';
import { saveGreedyDraft } from '../../../helpers/greedy-draft.js';
import { createTestApp, loggedInBrowser } from '../../../helpers/web-app.js';

async function setup(t: Test, language = 'en') {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const event = createSmallEvent(testApp.handle.db, { days: 2 });
  const browser = await loggedInBrowser(testApp, language);
  return { testApp, db: testApp.handle.db, event, browser, base: `/events/${event.slug}/participants` };
}

t.test('the list shows every organization; a new one is added, a rejected one is not', async (t) => {
  const { db, event, browser, base } = await setup(t, 'ko');
  const list = await browser.get(base);
  t.equal(list.statusCode, 200);
  t.match(list.body, /가온중공업/);
  t.match(list.body, /B-1/);

  const rejected = await browser.post(base, { code: 'st 9', kind: 'startup', nameKo: '', maxMeetings: 'many' }, { formPage: base });
  t.equal(rejected.statusCode, 422);
  t.match(rejected.body, /id="new-code-error">코드 &quot;st 9&quot;는 영문, 숫자/);
  t.match(rejected.body, /id="new-nameKo-error">값이 필요합니다/);
  t.match(rejected.body, /id="new-maxMeetings-error">&quot;many&quot;은\(는\) 0 이상의 정수가 아닙니다/);
  t.match(rejected.body, /value="st 9"/, 'the form keeps what was typed');
  t.equal(listOrganizations(db, event.eventId).length, 12, 'nothing saved');

  const taken = await browser.post(base, { code: 'st-01', kind: 'startup', nameKo: '중복' }, { formPage: base });
  t.match(taken.body, /코드 &quot;st-01&quot;는 이미 이 행사에서 쓰고 있습니다/);

  const added = await browser.post(base, { code: 'st-09', kind: '스타트업', nameKo: '새싹랩', maxMeetings: '5' }, { formPage: base });
  t.equal(added.statusCode, 303);
  t.match(findOrganizationByCode(db, event.eventId, 'st-09'), { kind: 'startup', nameEn: '새싹랩', maxMeetings: 5 });
  const detail = await browser.get(added.headers.location as string);
  t.match(detail.body, /저장했습니다/);
});

t.test('organization, representatives and unavailability are edited on the participant page', async (t) => {
  const { db, event, browser, base } = await setup(t);
  const id = event.organizationIdByCode['st-02']!;
  const page = `${base}/${id}`;
  const edited = await browser.post(page, { code: 'st-02', kind: 'startup', nameKo: '바름로봇', nameEn: 'Bareum Robotics Inc.', maxMeetingsPerDay: '3' }, { formPage: page });
  t.equal(edited.statusCode, 303);
  t.match(findOrganizationByCode(db, event.eventId, 'st-02'), { nameEn: 'Bareum Robotics Inc.', maxMeetingsPerDay: 3 });

  const badEmail = await browser.post(`${page}/representatives`, { name: '김새봄', email: 'kim@', language: 'ko' }, { formPage: page });
  t.equal(badEmail.statusCode, 422);
  t.match(badEmail.body, /id="rep-new-email-error">&quot;kim@&quot; is not a valid e-mail address/);
  t.equal(representativesOf(db, id).length, 1);
  const added = await browser.post(`${page}/representatives`, { name: '김새봄', email: 'kim@bareum.example', language: 'en' }, { formPage: page });
  t.equal(added.statusCode, 303);
  const [first, second] = representativesOf(db, id);
  t.match(second, { name: '김새봄', language: 'en' });
  await browser.post(`${page}/representatives/${second!.id}`, { name: '김새봄', email: 'saebom@bareum.example', language: 'ko' }, { formPage: page });
  t.equal(representativesOf(db, id)[1]?.email, 'saebom@bareum.example');
  await browser.post(`${page}/representatives/${first!.id}/delete`, {}, { formPage: page });
  t.same(representativesOf(db, id).map((r) => r.name), ['김새봄']);

  const slots = event.slotIdByCode;
  const saved = await browser.post(`${page}/unavailability`, { halfDay: 'd2-pm', slot: String(slots['d1-03']) } as Record<string, string>, { formPage: page });
  t.equal(saved.statusCode, 303);
  t.same(
    unavailableSlotIds(db, id).sort((a, b) => a - b),
    [slots['d1-03'], slots['d2-06'], slots['d2-07'], slots['d2-08'], slots['d2-09'], slots['d2-10']].map(Number).sort((a, b) => a - b),
  );
  const shown = await browser.get(page);
  t.match(shown.body, /name="halfDay" value="d2-pm" checked/);
  const unknown = await browser.post(`${page}/unavailability`, { slot: '999999' }, { formPage: page });
  t.equal(unknown.statusCode, 422);
  t.equal(unavailableSlotIds(db, id).length, 6, 'a rejected form changes nothing');
  t.equal((await browser.get(`${base}/999999`)).statusCode, 404);
});

t.test('removing a participant with scheduled meetings asks first and names the meetings', async (t) => {
  const { db, event, browser, base } = await setup(t);
  saveGreedyDraft(db, event.eventId);
  const id = event.organizationIdByCode['corp-01']!;
  const page = `${base}/${id}`;
  const asked = await browser.post(`${page}/delete`, {}, { formPage: page });
  t.equal(asked.statusCode, 200);
  t.match(asked.body, /takes the following 4 meeting\(s\) out of the schedule/);
  t.match(asked.body, /draft v1/);
  t.match(asked.body, /corp-01 Gaon Heavy Industries – st-01|st-0\d .* – corp-01 Gaon Heavy Industries/);
  t.ok(findOrganizationByCode(db, event.eventId, 'corp-01'), 'not removed yet');
  const confirmed = await browser.post(`${page}/delete`, { confirm: 'yes' }, { formPage: page });
  t.equal(confirmed.statusCode, 303);
  t.notOk(findOrganizationByCode(db, event.eventId, 'corp-01'));

  const free = await createFreeOrganization(browser, base);
  const removed = await browser.post(`${base}/${free}/delete`, {}, { formPage: `${base}/${free}` });
  t.equal(removed.statusCode, 303, 'without meetings it is removed at once');
});

async function createFreeOrganization(browser: Awaited<ReturnType<typeof setup>>['browser'], base: string): Promise<string> {
  const response = await browser.post(base, { code: 'tmp-1', kind: 'startup', nameKo: '임시' }, { formPage: base });
  return /participants\/(\d+)/.exec(response.headers.location as string)?.[1] ?? '';
}

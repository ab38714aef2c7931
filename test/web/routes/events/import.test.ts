import t from 'tap';
import { listOrganizations } from '../../../../src/db/repositories/organization-repository.js';
import { createEmptyEvent, csvFixture } from '../../../helpers/csv-fixture.js';
import { createTestApp, csrfTokenOf, loggedInBrowser, type Browser } from '../../../helpers/web-app.js';

/** Posts `bytes` as the upload form does: multipart, the CSRF token in the query. */
async function upload(browser: Browser, url: string, bytes: Buffer, kind = '') {
  const page = await browser.get(url.replace(/\/preview$/, ''));
  const csrf = csrfTokenOf(page.body);
  const boundary = '----meetgrid-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="data.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return browser.app.inject({
    method: 'POST',
    url: `${url}?_csrf=${encodeURIComponent(csrf)}`,
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: browser.jar.header(),
      'accept-language': browser.language,
    },
  });
}

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no hidden field ${name}`);
  return match[1] ?? '';
}

t.test('upload, preview, confirm: the file is saved only after confirming, and a re-import changes nothing', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const event = createEmptyEvent(testApp.handle.db);
  const browser = await loggedInBrowser(testApp);

  const form = await browser.get(`/events/${event.slug}/import`);
  t.equal(form.statusCode, 200);
  t.match(form.body, /enctype="multipart\/form-data"/);

  const preview = await upload(browser, `/events/${event.slug}/import/preview`, csvFixture('participants.csv'));
  t.equal(preview.statusCode, 200, preview.body.slice(0, 500));
  t.match(preview.body, /cp949/);
  t.match(preview.body, /create 21, update 0, unchanged 0/);
  t.match(preview.body, /corp-01 한빛중공업/);
  t.equal(listOrganizations(testApp.handle.db, event.eventId).length, 0, 'the preview saves nothing');

  const fields = { file: hidden(preview.body, 'file'), name: hidden(preview.body, 'name'), kind: hidden(preview.body, 'kind') };
  const done = await browser.post(`/events/${event.slug}/import`, fields, { csrf: csrfTokenOf(preview.body) });
  t.equal(done.statusCode, 200);
  t.match(done.body, /Saved: created 21, updated 0, unchanged 0/);
  t.equal(listOrganizations(testApp.handle.db, event.eventId).length, 10);

  const again = await upload(browser, `/events/${event.slug}/import/preview`, csvFixture('participants.csv'));
  t.match(again.body, /create 0, update 0, unchanged 21/);
});

t.test('a file with problems shows each with its line and column, in Korean too, and offers no import button', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const event = createEmptyEvent(testApp.handle.db);
  const browser = await loggedInBrowser(testApp, 'ko');
  const response = await upload(browser, `/events/${event.slug}/import/preview`, csvFixture('broken/bad-email.csv'));
  t.equal(response.statusCode, 422);
  t.match(response.body, /<td>3<\/td><td>email<\/td><td>이메일 주소 &quot;mongryong\(at\)onnuri&quot;이\(가\) 올바르지 않습니다<\/td>/);
  t.notMatch(response.body, /name="file"/);
  t.equal(listOrganizations(testApp.handle.db, event.eventId).length, 0);
});

t.test('a confirmation that no longer fits the event is refused with the new problems', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const event = createEmptyEvent(testApp.handle.db);
  const browser = await loggedInBrowser(testApp);
  await upload(browser, `/events/${event.slug}/import/preview`, csvFixture('participants.csv'));
  const requests = csvFixture('requests.csv').toString('base64');
  const page = await browser.get(`/events/${event.slug}/import`);
  const refused = await browser.post(`/events/${event.slug}/import`, { file: requests, name: 'requests.csv', kind: '' }, { csrf: csrfTokenOf(page.body) });
  t.equal(refused.statusCode, 409);
  t.match(refused.body, /there is no participant with code/);
});

t.test('exports are CSV attachments with a BOM; other events and visitors get nothing', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const event = createEmptyEvent(testApp.handle.db);
  const anonymous = await testApp.app.inject({ method: 'GET', url: `/events/${event.slug}/export/participants.csv` });
  t.equal(anonymous.statusCode, 302);
  const browser = await loggedInBrowser(testApp);
  const csv = await browser.get(`/events/${event.slug}/export/requests.csv?headers=ko`);
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /text\/csv/);
  t.match(csv.headers['content-disposition'], /attachment; filename="import-event-requests.csv"/);
  t.same([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  t.match(csv.rawPayload.subarray(3).toString('utf8'), /^요청기업코드,대상기업코드/);
  t.equal((await browser.get('/events/no-such-event/import')).statusCode, 404);
});

import t from 'tap';
import { join } from 'node:path';
import { listOrganizations } from '../../../../src/db/repositories/organization-repository.js';
import { createOrganizer } from '../../../../src/services/accounts/organizer-accounts.js';
import { launchBrowser, watchFailedRequests } from '../../../helpers/browser.js';
import { CSV_FIXTURES, createEmptyEvent } from '../../../helpers/csv-fixture.js';
import { ORGANIZER, createTestApp } from '../../../helpers/web-app.js';

t.test('Chromium: upload the Excel-KR file, read the preview, import, then fix a broken file', async (t) => {
  const testApp = await createTestApp();
  await createOrganizer(testApp.handle.db, ORGANIZER);
  const event = createEmptyEvent(testApp.handle.db);
  const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  t.teardown(async () => {
    await browser.close();
    await testApp.close();
  });
  const context = await browser.newContext({ locale: 'ko-KR', javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = watchFailedRequests(page);

  await page.goto(`${address}/login`);
  await page.fill('#login-email', ORGANIZER.email);
  await page.fill('#login-password', ORGANIZER.password);
  await Promise.all([page.waitForURL(`${address}/`), page.click('form[action="/login"] button[type="submit"]')]);

  await page.goto(`${address}/events/${event.slug}/import`);
  await page.setInputFiles('#import-file', join(CSV_FIXTURES, 'broken', 'unknown-booth.csv'));
  await Promise.all([page.waitForLoadState('load'), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
  t.match(await page.locator('.message-error').innerText(), '문제가 1건 있어 아무것도 저장하지 않았습니다');
  t.same(await page.locator('.import-problems tbody tr').first().locator('td').allInnerTexts(), ['3', 'booth', '테이블 "Z-9"이(가) 이 행사에 없습니다']);

  await page.goto(`${address}/events/${event.slug}/import`);
  await page.setInputFiles('#import-file', join(CSV_FIXTURES, 'participants.csv'));
  await Promise.all([page.waitForLoadState('load'), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
  t.equal(await page.locator('.import-changes tbody tr').count(), 21);
  t.equal(listOrganizations(testApp.handle.db, event.eventId).length, 0);
  await Promise.all([page.waitForLoadState('load'), page.click('.confirm-form button[type="submit"]')]);
  t.match(await page.locator('.message-notice').innerText(), '저장했습니다: 추가 21');
  t.equal(listOrganizations(testApp.handle.db, event.eventId).length, 10);

  await page.goto(`${address}/events/${event.slug}/participants`);
  t.match(await page.locator('.participant-list').innerText(), '하늘드론; 항공촬영');
  t.same(problems, [], 'no failed request');
  await context.close();
});

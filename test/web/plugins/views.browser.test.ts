import t from 'tap';
import { launchBrowser, watchFailedRequests } from '../../helpers/browser.js';
import { ORGANIZER, createTestApp } from '../../helpers/web-app.js';
import { createOrganizer } from '../../../src/services/accounts/organizer-accounts.js';

t.test('Chromium: log in, switch language without JavaScript, print without furniture, log out', async (t) => {
  const testApp = await createTestApp();
  await createOrganizer(testApp.handle.db, ORGANIZER);
  const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  t.teardown(async () => {
    await browser.close();
    await testApp.close();
  });
  // No JavaScript at all: every control of the shell is a plain form.
  const context = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = watchFailedRequests(page);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.goto(`${address}/`);
  t.equal(new URL(page.url()).pathname, '/login', 'sent to the log-in page');
  t.equal(await page.locator('h1').innerText(), 'Organizer log in');
  const background = await page.locator('.site-header').evaluate(
    (element) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } })
      .getComputedStyle(element).backgroundColor,
  );
  t.equal(background, 'rgb(255, 255, 255)', 'the stylesheet loads under the CSP');

  await page.fill('#login-email', ORGANIZER.email);
  await page.fill('#login-password', ORGANIZER.password);
  await Promise.all([page.waitForURL(`${address}/`), page.click('button:has-text("Log in")')]);
  t.equal(await page.locator('h1').innerText(), 'Events');

  await Promise.all([page.waitForLoadState('load'), page.click('button[lang="ko"]')]);
  await page.waitForSelector('html[lang="ko"]');
  t.equal(await page.locator('h1').innerText(), '행사', 'same page, now in Korean');
  t.equal(new URL(page.url()).pathname, '/');

  await page.emulateMedia({ media: 'print' });
  t.equal(await page.locator('.site-header').isVisible(), false, 'no header on paper');
  t.equal(await page.locator('h1').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  await Promise.all([page.waitForURL(/\/login\?loggedOut=1$/), page.click('button:has-text("로그아웃")')]);
  t.match(await page.locator('.message-notice').innerText(), '로그아웃되었습니다.');
  await page.goto(`${address}/`);
  t.equal(new URL(page.url()).pathname, '/login', 'logged out for real');
  t.same(problems, [], 'no CSP violation or failed request');
  await context.close();
});

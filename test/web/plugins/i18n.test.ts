import t from 'tap';
import { eq } from 'drizzle-orm';
import { users } from '../../../src/db/schema/index.js';
import { negotiateLanguage } from '../../../src/web/plugins/i18n.js';
import { Browser, createTestApp, loggedInBrowser } from '../../helpers/web-app.js';

t.test('Accept-Language picks Korean or English by q-value, Korean when it names neither', (t) => {
  t.equal(negotiateLanguage('en-US,en;q=0.9'), 'en');
  t.equal(negotiateLanguage('ko-KR,ko;q=0.9,en-US;q=0.8'), 'ko');
  t.equal(negotiateLanguage('fr-FR, en;q=0.5, ko;q=0.7'), 'ko');
  t.equal(negotiateLanguage('de, en;q=0'), null);
  t.equal(negotiateLanguage('ja'), null);
  t.equal(negotiateLanguage(undefined), null);
  t.end();
});

t.test('one page in both languages: Accept-Language first, then the remembered switch', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const korean = new Browser(testApp.app, 'ko-KR,ko;q=0.9');
  const page = await korean.get('/login');
  t.match(page.body, '<html lang="ko">');
  t.match(page.body, '<h1>주최자 로그인</h1>');
  t.match(page.body, '<button type="submit">로그인</button>');

  const english = await new Browser(testApp.app, 'en-GB').get('/login');
  t.match(english.body, '<html lang="en">');
  t.match(english.body, '<h1>Organizer log in</h1>');

  const noHeader = await testApp.app.inject({ url: '/login' });
  t.match(noHeader.body, '<html lang="ko">', 'Korean by default');

  const switched = await korean.post('/language', { lang: 'en', next: '/login?next=%2F' });
  t.equal(switched.statusCode, 303);
  t.equal(switched.headers.location, '/login?next=%2F');
  const after = await korean.get('/login');
  t.match(after.body, '<html lang="en">', 'the cookie beats Accept-Language');
  t.match(after.body, '<h1>Organizer log in</h1>');
  t.match(after.body, 'value="en" lang="en" aria-pressed="true"', 'the switcher shows the current language');
});

t.test('the switch rejects unknown languages and off-site targets', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = new Browser(testApp.app);
  const unknown = await browser.post('/language', { lang: 'fr' });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.body, 'The value of &quot;lang&quot; is not valid.');
  const offsite = await browser.post('/language', { lang: 'ko', next: 'https://evil.example/' });
  t.equal(offsite.headers.location, '/');
});

t.test("an organizer's choice is saved in the account and follows them to another browser", async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = await loggedInBrowser(testApp, 'en');
  await browser.post('/language', { lang: 'ko', next: '/' });
  t.equal(testApp.handle.db.select().from(users).where(eq(users.email, 'organizer@example.com')).get()?.language, 'ko');
  const elsewhere = await loggedInBrowserAgain(testApp);
  const home = await elsewhere.get('/');
  t.match(home.body, '<html lang="ko">', 'English Accept-Language, but the saved choice wins');
  t.match(home.body, '<h1>행사</h1>');
});

async function loggedInBrowserAgain(testApp: Awaited<ReturnType<typeof createTestApp>>): Promise<Browser> {
  const browser = new Browser(testApp.app, 'en');
  await browser.login('organizer@example.com', 'correct horse battery');
  return browser;
}

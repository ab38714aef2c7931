import t from 'tap';
import { Browser, ORGANIZER, createTestApp, loggedInBrowser } from '../../helpers/web-app.js';
import { createOrganizer, ensureFirstOrganizer } from '../../../src/services/accounts/organizer-accounts.js';
import { addDay, createEvent } from '../../../src/db/repositories/event-repository.js';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../../src/web/routes/login.js';

t.test('a visitor without a session is sent to the log-in page', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const response = await new Browser(testApp.app).get('/');
  t.equal(response.statusCode, 302);
  t.equal(response.headers.location, '/login?next=%2F');
});

t.test('log in with the right password, see the events, log out, and the old cookie is dead', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = await loggedInBrowser(testApp);
  const cookieWhileLoggedIn = browser.jar.header();
  const home = await browser.get('/');
  t.equal(home.statusCode, 200);
  t.match(home.body, '<h1>Events</h1>');
  t.match(home.body, 'No events yet.');
  t.match(home.body, 'action="/logout"');

  const logout = await browser.post('/logout', {}, { formPage: '/' });
  t.equal(logout.statusCode, 303);
  t.equal(logout.headers.location, '/login?loggedOut=1');
  t.match((await browser.get('/login?loggedOut=1')).body, 'You are logged out.');
  t.equal((await browser.get('/')).statusCode, 302, 'the browser is logged out');

  const replayed = await testApp.app.inject({ url: '/', headers: { cookie: cookieWhileLoggedIn } });
  t.equal(replayed.statusCode, 302, 'the session ended on the server: its cookie no longer works');
});

t.test('a wrong password or unknown e-mail is refused with the same message', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  await createOrganizer(testApp.handle.db, ORGANIZER);
  const browser = new Browser(testApp.app);
  const wrongPassword = await browser.login(ORGANIZER.email, 'not the password');
  t.equal(wrongPassword.statusCode, 401);
  t.match(wrongPassword.body, 'Wrong e-mail or password.');
  t.match(wrongPassword.body, `value="${ORGANIZER.email}"`, 'the e-mail stays in the form');
  t.notOk(browser.jar.values.has('mg_session'));
  const unknown = await browser.login('nobody@example.com', ORGANIZER.password);
  t.equal(unknown.statusCode, 401);
  t.match(unknown.body, 'Wrong e-mail or password.');
  t.equal((await browser.get('/')).statusCode, 302);
});

t.test('log-in goes back to the page that asked for it, but never off-site', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  await createOrganizer(testApp.handle.db, ORGANIZER);
  const browser = new Browser(testApp.app);
  const page = await browser.get('/login?next=%2Faccount%2Fpassword');
  t.match(page.body, 'name="next" value="/account/password"');
  const back = await browser.post('/login', { ...ORGANIZER, next: '/account/password' });
  t.equal(back.headers.location, '/account/password');
  const offsite = await new Browser(testApp.app).post('/login', { ...ORGANIZER, next: '//evil.example/' });
  t.equal(offsite.headers.location, '/');
});

t.test('a forged or tampered session cookie is ignored', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = await loggedInBrowser(testApp);
  const signed = browser.jar.values.get('mg_session')!;
  const tampered = `${signed.slice(0, 10)}${signed[10] === 'A' ? 'B' : 'A'}${signed.slice(11)}`;
  for (const cookie of [`mg_session=${tampered}`, 'mg_session=abc', 'mg_session=']) {
    const response = await testApp.app.inject({ url: '/', headers: { cookie } });
    t.equal(response.statusCode, 302, cookie);
  }
});

t.test('sessions expire', async (t) => {
  let now = new Date('2025-05-28T09:00:00Z');
  const testApp = await createTestApp({ now: () => now });
  t.teardown(testApp.close);
  const browser = await loggedInBrowser(testApp);
  t.equal((await browser.get('/')).statusCode, 200);
  now = new Date('2025-06-10T09:00:00Z');
  t.equal((await browser.get('/')).statusCode, 302);
});

t.test(`log-in is limited to ${LOGIN_ATTEMPTS_PER_MINUTE} attempts a minute per address`, async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  await createOrganizer(testApp.handle.db, ORGANIZER);
  const browser = new Browser(testApp.app);
  const csrf = await browser.csrfToken();
  for (let attempt = 1; attempt <= LOGIN_ATTEMPTS_PER_MINUTE; attempt++) {
    const response = await browser.post('/login', { email: ORGANIZER.email, password: `guess ${attempt}` }, { csrf });
    t.equal(response.statusCode, 401, `attempt ${attempt} is judged`);
  }
  const blocked = await browser.post('/login', ORGANIZER, { csrf });
  t.equal(blocked.statusCode, 429, 'even the right password waits');
  t.match(blocked.body, 'Too many requests');
  t.notOk(browser.jar.values.has('mg_session'));
});

t.test('an organizer changes the password; other sessions end, this one goes on', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = await loggedInBrowser(testApp);
  const other = new Browser(testApp.app);
  await other.login(ORGANIZER.email, ORGANIZER.password);

  const short = await browser.post(
    '/account/password',
    { current: ORGANIZER.password, next: 'short', confirm: 'short' },
    { formPage: '/account/password' },
  );
  t.equal(short.statusCode, 422);
  t.match(short.body, 'at least 10 characters');
  const wrong = await browser.post(
    '/account/password',
    { current: 'wrong one!!', next: 'a much better secret', confirm: 'a much better secret' },
    { formPage: '/account/password' },
  );
  t.match(wrong.body, 'The current password is wrong.');
  const changed = await browser.post(
    '/account/password',
    { current: ORGANIZER.password, next: 'a much better secret', confirm: 'a much better secret' },
    { formPage: '/account/password' },
  );
  t.equal(changed.statusCode, 200);
  t.match(changed.body, 'Your password was changed.');
  t.equal((await browser.get('/')).statusCode, 200, 'this browser stays logged in');
  t.equal((await other.get('/')).statusCode, 302, 'the other session ended');
  t.equal((await new Browser(testApp.app).login(ORGANIZER.email, ORGANIZER.password)).statusCode, 401);
  t.equal((await new Browser(testApp.app).login(ORGANIZER.email, 'a much better secret')).statusCode, 303);
});

t.test('the home page lists events with their dates and links', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const event = createEvent(testApp.handle.db, {
    slug: 'gsat-2025',
    nameKo: '지사트 2025',
    nameEn: 'GSAT 2025',
    venue: 'Changwon Convention Center',
  });
  addDay(testApp.handle.db, event.id, { date: '2025-05-28', startTime: '10:00', endTime: '17:00' });
  addDay(testApp.handle.db, event.id, { date: '2025-05-29', startTime: '10:00', endTime: '17:00' });
  const browser = await loggedInBrowser(testApp);
  const english = await browser.get('/');
  t.match(english.body, '<a href="/events/gsat-2025">GSAT 2025</a>');
  t.match(english.body, '2025-05-28 – 2025-05-29');
  t.match(english.body, 'Changwon Convention Center');
  const korean = await browser.get('/', { 'accept-language': 'ko' });
  t.match(korean.body, '지사트 2025', 'the organizer has no saved language: Accept-Language decides');
});

t.test('the generated first password must be replaced before anything else', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const first = await ensureFirstOrganizer(testApp.handle.db);
  if (!first.created) throw new Error('expected the first organizer');
  const browser = new Browser(testApp.app);
  const login = await browser.login(first.email, first.password);
  t.equal(login.statusCode, 303);
  const home = await browser.get('/');
  t.equal(home.statusCode, 302);
  t.equal(home.headers.location, '/account/password');
  const page = await browser.get('/account/password');
  t.match(page.body, 'Your password was generated for you.');
  const changed = await browser.post(
    '/account/password',
    { current: first.password, next: 'my own good secret', confirm: 'my own good secret' },
    { formPage: '/account/password' },
  );
  t.equal(changed.statusCode, 200);
  t.equal((await browser.get('/')).statusCode, 200, 'free to go on');
  t.notMatch((await browser.get('/account/password')).body, 'Your password was generated for you.');
});

import t from 'tap';
import { Browser, createTestApp, csrfTokenOf } from '../../helpers/web-app.js';

t.test('a form posted without a CSRF token is refused with the form-expired page', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = new Browser(testApp.app, 'en');
  await browser.get('/login');
  const missing = await browser.post('/language', { lang: 'ko' }, { csrf: null });
  t.equal(missing.statusCode, 403);
  t.match(missing.body, 'The form expired');
  t.notOk(browser.jar.values.has('lang'), 'nothing happened');

  const korean = new Browser(testApp.app, 'ko');
  await korean.get('/login');
  const koreanPage = await korean.post('/language', { lang: 'en' }, { csrf: null });
  t.equal(koreanPage.statusCode, 403);
  t.match(koreanPage.body, '양식이 만료되었습니다', 'in the visitor’s language');
});

t.test('a token from another browser, or a forged one, is refused', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const attacker = new Browser(testApp.app);
  const attackerToken = csrfTokenOf((await attacker.get('/login')).body);
  const victim = new Browser(testApp.app);
  await victim.get('/login');
  t.equal((await victim.post('/language', { lang: 'ko' }, { csrf: attackerToken })).statusCode, 403);
  t.equal((await victim.post('/language', { lang: 'ko' }, { csrf: 'forged-token' })).statusCode, 403);
  const noCookie = await testApp.app.inject({
    method: 'POST',
    url: '/language',
    payload: { lang: 'ko', _csrf: attackerToken },
  });
  t.equal(noCookie.statusCode, 403, 'no secret cookie at all');
  t.equal((await victim.post('/language', { lang: 'ko' })).statusCode, 303, 'its own token works');
});

t.test('log-in and log-out forms are protected too, and JSON clients get JSON', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = new Browser(testApp.app);
  await browser.get('/login');
  t.equal((await browser.post('/login', { email: 'a@b.c', password: 'x' }, { csrf: null })).statusCode, 403);
  t.equal((await browser.post('/logout', {}, { csrf: null })).statusCode, 403);
  const json = await testApp.app.inject({
    method: 'POST',
    url: '/logout',
    headers: { accept: 'application/json' },
  });
  t.equal(json.statusCode, 403);
  t.same(json.json(), { statusCode: 403, error: 'CSRF', message: json.json().message });
});

t.test('the token may come in the query string (multipart uploads) or a header', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const browser = new Browser(testApp.app);
  const token = csrfTokenOf((await browser.get('/login')).body);
  const viaQuery = await testApp.app.inject({
    method: 'POST',
    url: `/language?_csrf=${encodeURIComponent(token)}`,
    payload: 'lang=en',
    headers: { cookie: browser.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(viaQuery.statusCode, 303);
  const viaHeader = await testApp.app.inject({
    method: 'POST',
    url: '/language',
    payload: 'lang=ko',
    headers: {
      cookie: browser.jar.header(),
      'content-type': 'application/x-www-form-urlencoded',
      'x-csrf-token': token,
    },
  });
  t.equal(viaHeader.statusCode, 303);
});

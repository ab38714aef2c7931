import t from 'tap';
import { DomainError } from '../../../src/domain/index.js';
import { createTestApp } from '../../helpers/web-app.js';

t.test('unknown addresses get the 404 page in the visitor’s language', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const english = await testApp.app.inject({ url: '/no/such/page', headers: { 'accept-language': 'en' } });
  t.equal(english.statusCode, 404);
  t.match(english.headers['content-type'], 'text/html');
  t.match(english.body, '<h1>Page not found</h1>');
  t.match(english.body, '<html lang="en">');
  const korean = await testApp.app.inject({ url: '/no/such/page', headers: { 'accept-language': 'ko' } });
  t.equal(korean.statusCode, 404);
  t.match(korean.body, '<h1>페이지를 찾을 수 없습니다</h1>');
  const post = await testApp.app.inject({ method: 'POST', url: '/no/such/form', payload: { a: '1' } });
  t.equal(post.statusCode, 404, 'a post to nowhere is a 404, not a CSRF refusal');
  const json = await testApp.app.inject({ url: '/nope', headers: { accept: 'application/json' } });
  t.equal(json.statusCode, 404);
  t.equal(json.json().error, 'NOT_FOUND');
});

t.test('a crash shows the 500 page without details, in both languages', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  testApp.app.get('/boom', async () => {
    throw new Error('secret internal detail');
  });
  testApp.app.get('/gone', async () => {
    throw new DomainError('conflict', 'shell.error.conflict.body');
  });
  for (const [language, heading] of [
    ['en', 'Something went wrong'],
    ['ko', '오류가 발생했습니다'],
  ] as const) {
    const response = await testApp.app.inject({ url: '/boom', headers: { 'accept-language': language } });
    t.equal(response.statusCode, 500);
    t.match(response.body, `<h1>${heading}</h1>`);
    t.notMatch(response.body, 'secret internal detail');
    t.notMatch(response.body, /at .*\.ts:\d+/);
  }
  const json = await testApp.app.inject({ url: '/boom', headers: { accept: 'application/json' } });
  t.same(json.json(), { statusCode: 500, error: 'SERVER', message: json.json().message });
  t.notMatch(json.body, 'secret internal detail');
  const conflict = await testApp.app.inject({ url: '/gone', headers: { 'accept-language': 'en' } });
  t.equal(conflict.statusCode, 409);
  t.match(conflict.body, 'Someone else changed this first.');
});

t.test('input that fails a route schema gets a 400 page naming the field', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const response = await testApp.app.inject({
    url: `/login?next=/${'x'.repeat(2100)}`,
    headers: { 'accept-language': 'en' },
  });
  t.equal(response.statusCode, 400);
  t.match(response.body, 'The value of &quot;next&quot; is not valid.');
});

t.test('GET /healthz answers after asking the database, 503 when it cannot', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const ok = await testApp.app.inject({ url: '/healthz' });
  t.equal(ok.statusCode, 200);
  t.same(ok.json(), { status: 'ok', db: 'ok' });
  testApp.handle.sqlite.close();
  const down = await testApp.app.inject({ url: '/healthz' });
  t.equal(down.statusCode, 503);
  t.same(down.json(), { status: 'error', db: 'error' });
});

t.test('pages carry strict security headers and no inline script', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const response = await testApp.app.inject({ url: '/login' });
  const csp = String(response.headers['content-security-policy']);
  t.match(csp, "default-src 'self'");
  t.match(csp, "script-src 'self'");
  t.match(csp, "frame-ancestors 'none'");
  t.notMatch(csp, 'unsafe-inline');
  t.equal(response.headers['referrer-policy'], 'no-referrer');
  t.equal(response.headers['x-content-type-options'], 'nosniff');
  t.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
  t.equal(response.headers['cache-control'], 'no-store');
  t.notMatch(response.body, /<script(?![^>]*\ssrc=)/, 'every script is a file');
  t.notMatch(response.body, /\sstyle="/, 'no inline styles either');
  const css = await testApp.app.inject({ url: '/static/css/print.css' });
  t.equal(css.statusCode, 200);
  t.match(css.headers['content-type'], 'text/css');
  t.match(css.body, '@page');
});

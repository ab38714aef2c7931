import t from 'tap';
import { gunzipSync, inflateSync } from 'node:zlib';
import { COMPRESSION_THRESHOLD_BYTES } from '../../../src/web/plugins/compression.js';
import { createTestApp } from '../../helpers/web-app.js';

t.test('pages travel compressed to clients that accept it, and plain to the others', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const { app } = testApp;
  const plain = await app.inject({ url: '/login', headers: { 'accept-language': 'en' } });
  t.equal(plain.statusCode, 200);
  t.equal(plain.headers['content-encoding'], undefined);
  t.ok(plain.rawPayload.length > COMPRESSION_THRESHOLD_BYTES, 'the login page is large enough to compress');

  const zipped = await app.inject({ url: '/login', headers: { 'accept-language': 'en', 'accept-encoding': 'gzip' } });
  t.equal(zipped.headers['content-encoding'], 'gzip');
  t.match(String(zipped.headers.vary), /accept-encoding/i);
  const unzipped = gunzipSync(zipped.rawPayload).toString('utf8');
  // The CSRF token differs per request; everything else is the same page.
  const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
  t.equal(withoutToken(unzipped), withoutToken(plain.body));
  t.ok(zipped.rawPayload.length < plain.rawPayload.length);

  const deflated = await app.inject({ url: '/login', headers: { 'accept-language': 'en', 'accept-encoding': 'deflate' } });
  t.equal(deflated.headers['content-encoding'], 'deflate');
  t.match(inflateSync(deflated.rawPayload).toString('utf8'), /<html/);

  // Brotli costs too much CPU per page built on request: a brotli-only client gets the page as it is.
  const brotliOnly = await app.inject({ url: '/login', headers: { 'accept-language': 'en', 'accept-encoding': 'br' } });
  t.equal(brotliOnly.headers['content-encoding'], undefined);
  t.match(brotliOnly.body, /<html/);
});

t.test('small responses are not worth compressing', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const health = await testApp.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'gzip' } });
  t.equal(health.statusCode, 200);
  t.ok(health.rawPayload.length < COMPRESSION_THRESHOLD_BYTES);
  t.equal(health.headers['content-encoding'], undefined);
});

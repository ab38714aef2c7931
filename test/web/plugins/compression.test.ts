import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { createTestApp } from '../../helpers/web-app.js';

t.test('responses travel gzipped to clients that ask, plain to the others', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const text = 'Meetgrid '.repeat(400);
  testApp.app.get('/big.csv', async (_request, reply) => reply.type('text/csv; charset=utf-8').send(text));
  testApp.app.get('/big.json', async () => ({ text }));
  const csv = await testApp.app.inject({ url: '/big.csv', headers: { 'accept-encoding': 'gzip, br' } });
  t.equal(csv.headers['content-encoding'], 'gzip');
  t.equal(gunzipSync(csv.rawPayload).toString('utf8'), text);
  const json = await testApp.app.inject({ url: '/big.json', headers: { 'accept-encoding': 'gzip' } });
  t.equal(json.headers['content-encoding'], 'gzip');
  const plain = await testApp.app.inject({ url: '/big.csv' });
  t.equal(plain.headers['content-encoding'], undefined);
  t.equal(plain.body, text);
});

t.test('live-update streams are neither compressed nor buffered', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const { app } = testApp;
  app.get('/stream', async (request, reply) => {
    app.streamLiveUpdates(request, reply, { eventId: 1, stillAllowed: () => true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const first = await new Promise<{ headers: Record<string, unknown>; chunk: string }>((resolve, reject) => {
    const request = get({ port, host: '127.0.0.1', path: '/stream', headers: { 'accept-encoding': 'gzip' } }, (response) => {
      response.once('data', (chunk: Buffer) => {
        resolve({ headers: response.headers, chunk: chunk.toString('utf8') });
        request.destroy();
      });
    });
    request.on('error', reject);
  });
  t.match(first.headers['content-type'], 'text/event-stream');
  t.equal(first.headers['content-encoding'], undefined);
  t.equal(first.chunk, 'retry: 3000\n\n', 'the first line arrives at once');
});

t.test('the infrastructure plugins are registered by name', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  for (const name of ['meetgrid-compression', 'meetgrid-jobs', 'meetgrid-outbox-worker', 'meetgrid-live-updates', 'meetgrid-errors']) {
    t.ok(testApp.app.hasPlugin(name), name);
  }
  t.ok(testApp.app.schedulingJobs, 'the job store');
  t.ok(testApp.app.liveUpdates, 'the live-update bus');
});

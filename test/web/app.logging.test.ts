import t from 'tap';
import { Writable } from 'node:stream';
import { openDatabase } from '../../src/db/client.js';
import { loadConfig } from '../../src/config.js';
import { buildApp, redactUrl } from '../../src/web/app.js';

const TOKEN = 'Qx3_abcdefghijklmnopqrstuvwxyz0123456789ABC';

t.test('tokens in paths are replaced, other paths kept', (t) => {
  t.equal(TOKEN.length, 43);
  t.equal(redactUrl(`/agenda/${TOKEN}`), '/agenda/[token]');
  t.equal(redactUrl(`/agenda/${TOKEN}.ics?lang=en`), '/agenda/[token].ics?lang=en');
  t.equal(redactUrl(`/staff/${TOKEN}/rooms/3/days/2025-05-28`), '/staff/[token]/rooms/3/days/2025-05-28');
  t.equal(redactUrl('/events/gsat-2025/timetable'), '/events/gsat-2025/timetable');
  t.end();
});

t.test('structured request logs never contain an access token', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const handle = openDatabase(':memory:');
  const app = await buildApp({ db: handle, config: loadConfig({}), logger: { level: 'info', stream } });
  t.teardown(async () => {
    await app.close();
    handle.close();
  });
  const response = await app.inject({ url: `/agenda/${TOKEN}` });
  t.equal(response.statusCode, 404);
  const entries = lines.map((line) => JSON.parse(line) as { msg: string; req?: { url: string } });
  t.ok(entries.some((entry) => entry.req?.url === '/agenda/[token]'), 'the request is logged, redacted');
  t.notOk(lines.some((line) => line.includes(TOKEN)), 'the token is in no log line');
});

import t from 'tap';
import { createServer, type Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { emailOutbox, events } from '../../../src/db/schema/index.js';
import {
  enqueueMessage,
  outboxCounts,
  outboxMessage,
  outboxOfEvent,
  requeueMessage,
} from '../../../src/db/repositories/outbox-repository.js';
import {
  deliverDue,
  nextAttemptAt,
  renderEml,
  smtpTransport,
  startOutboxWorker,
  type RetryPolicy,
} from '../../../src/services/mail/outbox.js';
import { writeCalendar } from '../../../src/services/calendar/ics-writer.js';
import { calendarPart, mimeParts, startSmtpReceiver } from '../../helpers/smtp-receiver.js';
import { parseCalendar } from '../../helpers/ical.js';

const POLICY: RetryPolicy = { baseDelayMs: 60_000, maxDelayMs: 3_600_000, maxAttempts: 3 };

function setUp() {
  const handle = openDatabase(':memory:');
  const eventId = handle.db
    .insert(events)
    .values({ slug: 'mail', nameKo: '메일', nameEn: 'Mail' })
    .returning({ id: events.id })
    .get().id;
  return { ...handle, eventId };
}

function invite(uid: string) {
  return writeCalendar('REQUEST', [
    {
      uid,
      sequence: 1,
      start: Date.UTC(2025, 4, 28, 1),
      end: Date.UTC(2025, 4, 28, 1, 20),
      stamp: Date.UTC(2025, 4, 1),
      title: '미팅: 가온중공업',
      location: '부스 홀, 테이블 B-1',
      description: 'https://meet.example.org/agenda/abc',
      cancelled: false,
      organizer: { name: 'GSAT', email: 'desk@gsat.example' },
      attendees: [{ name: '김민수', email: 'kim@example.com' }],
    },
  ]);
}

function message(eventId: number, n: number, withInvite = true) {
  return {
    eventId,
    representativeId: null,
    messageId: `<m${n}@meetgrid>`,
    toAddress: `rep${n}@example.com`,
    subject: `미팅 안내 ${n}`,
    textBody: `안녕하세요 ${n}`,
    icsMethod: withInvite ? ('REQUEST' as const) : null,
    icsBody: withInvite ? invite(`u${n}@meetgrid`) : null,
  };
}

t.test('messages reach a real SMTP server once, with their calendar part', async (t) => {
  const { db, close, eventId } = setUp();
  const receiver = await startSmtpReceiver();
  const transport = smtpTransport(receiver.config);
  t.teardown(async () => {
    transport.close();
    await receiver.close();
    close();
  });
  t.equal(enqueueMessage(db, message(eventId, 1)), true);
  t.equal(enqueueMessage(db, message(eventId, 1)), false, 'the same Message-ID is not queued twice');
  enqueueMessage(db, message(eventId, 2, false));

  const report = await deliverDue(db, transport, { from: receiver.config.from });
  t.same(report, { sent: 2, deferred: 0, failed: 0 });
  t.equal(receiver.received.length, 2);
  t.same(receiver.received[0]!.to, ['rep1@example.com']);
  const part = calendarPart(receiver.received[0]!.raw)!;
  t.equal(part.method, 'REQUEST');
  const parsed = parseCalendar(part.text);
  t.equal(parsed.method, 'REQUEST');
  t.same(parsed.entries.map((e) => [e.uid, e.sequence, e.summary]), [['u1@meetgrid', 1, '미팅: 가온중공업']]);
  t.match(receiver.received[0]!.raw, /Message-ID: <m1@meetgrid>/i);
  t.ok(mimeParts(receiver.received[0]!.raw).some((p) => p.body.includes('안녕하세요 1')), 'the text arrives intact');
  t.equal(calendarPart(receiver.received[1]!.raw), undefined, 'no calendar part when there is none');

  t.same(await deliverDue(db, transport, { from: receiver.config.from }), { sent: 0, deferred: 0, failed: 0 });
  t.equal(receiver.received.length, 2, 'nothing is sent twice');
  t.same(outboxCounts(db, eventId), { pending: 0, sending: 0, sent: 2, failed: 0 });
  t.equal(requeueMessage(db, eventId, outboxOfEvent(db, eventId)[0]!.id), false, 'a sent message cannot be requeued');
});

t.test('a refusing server: the message waits with the error, is retried with back-off, and arrives once', async (t) => {
  const { db, close, eventId } = setUp();
  const receiver = await startSmtpReceiver();
  const transport = smtpTransport(receiver.config);
  t.teardown(async () => {
    transport.close();
    await receiver.close();
    close();
  });
  enqueueMessage(db, message(eventId, 1));
  receiver.refuse = true;
  let clock = new Date('2025-05-20T00:00:00Z');
  const options = { from: receiver.config.from, policy: POLICY, now: () => clock };

  t.same(await deliverDue(db, transport, options), { sent: 0, deferred: 1, failed: 0 });
  let row = outboxOfEvent(db, eventId)[0]!;
  t.equal(row.status, 'pending');
  t.equal(row.attempts, 1);
  t.match(row.lastError, /451/);
  t.equal(row.nextAttemptAt?.getTime(), clock.getTime() + 60_000, 'first retry after the base delay');

  t.same(await deliverDue(db, transport, options), { sent: 0, deferred: 0, failed: 0 }, 'not due yet');
  clock = new Date(clock.getTime() + 60_000);
  t.same(await deliverDue(db, transport, options), { sent: 0, deferred: 1, failed: 0 });
  row = outboxOfEvent(db, eventId)[0]!;
  t.equal(row.nextAttemptAt?.getTime(), clock.getTime() + 120_000, 'the delay doubles');

  receiver.refuse = false;
  clock = new Date(clock.getTime() + 120_000);
  t.same(await deliverDue(db, transport, options), { sent: 1, deferred: 0, failed: 0 });
  t.equal(receiver.received.length, 1, 'delivered exactly once');
  row = outboxOfEvent(db, eventId)[0]!;
  t.same([row.status, row.attempts, row.lastError], ['sent', 3, null]);
});

t.test('after the last attempt a message is failed; an organizer can requeue it', async (t) => {
  const { db, close, eventId } = setUp();
  const receiver = await startSmtpReceiver();
  const transport = smtpTransport(receiver.config);
  t.teardown(async () => {
    transport.close();
    await receiver.close();
    close();
  });
  enqueueMessage(db, message(eventId, 1));
  receiver.refuse = true;
  const policy = { ...POLICY, baseDelayMs: 0 };
  const reports = [];
  for (let i = 0; i < 4; i++) reports.push(await deliverDue(db, transport, { from: receiver.config.from, policy }));
  t.same(
    reports.map((r) => [r.deferred, r.failed]),
    [
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ],
  );
  const id = outboxOfEvent(db, eventId)[0]!.id;
  t.equal(outboxMessage(db, eventId, id)!.status, 'failed');
  t.equal(outboxMessage(db, eventId + 1, id), undefined, 'messages are read per event');
  t.equal(requeueMessage(db, eventId, id), true);
  receiver.refuse = false;
  t.same(await deliverDue(db, transport, { from: receiver.config.from, policy }), { sent: 1, deferred: 0, failed: 0 });
  t.equal(receiver.received.length, 1);
});

t.test('a server that drops the connection leaves the message pending with the error', async (t) => {
  const { db, close, eventId } = setUp();
  const sockets: Socket[] = [];
  const dropper = createServer((socket) => {
    sockets.push(socket);
    socket.destroy();
  });
  await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
  const port = (dropper.address() as { port: number }).port;
  const transport = smtpTransport({ host: '127.0.0.1', port, secure: false, from: 'x@example.com' });
  t.teardown(async () => {
    transport.close();
    await new Promise<void>((resolve) => dropper.close(() => resolve()));
    close();
  });
  enqueueMessage(db, message(eventId, 1));
  t.same(await deliverDue(db, transport, { from: 'x@example.com', policy: POLICY }), { sent: 0, deferred: 1, failed: 0 });
  const row = outboxOfEvent(db, eventId)[0]!;
  t.equal(row.status, 'pending');
  t.ok(row.lastError && row.lastError.length > 0, `error kept: ${row.lastError}`);
});

t.test('two delivery runs at once never send one message twice', async (t) => {
  const { db, close, eventId } = setUp();
  const receiver = await startSmtpReceiver();
  const transports = [smtpTransport(receiver.config), smtpTransport(receiver.config)];
  t.teardown(async () => {
    for (const transport of transports) transport.close();
    await receiver.close();
    close();
  });
  for (let n = 1; n <= 10; n++) enqueueMessage(db, message(eventId, n, n % 2 === 0));
  const reports = await Promise.all(transports.map((tr) => deliverDue(db, tr, { from: receiver.config.from })));
  t.equal(reports[0]!.sent + reports[1]!.sent, 10);
  const recipients = receiver.received.map((m) => m.to[0]).sort();
  t.equal(new Set(recipients).size, 10, 'each message arrived once');
});

t.test('the worker: none without SMTP; interrupted sends become failed; it delivers on its own', async (t) => {
  const { db, close, eventId } = setUp();
  const receiver = await startSmtpReceiver();
  t.equal(startOutboxWorker(db, null), null, 'no SMTP: messages wait in the outbox');
  enqueueMessage(db, message(eventId, 1));
  enqueueMessage(db, message(eventId, 2));
  db.update(emailOutbox).set({ status: 'sending' }).where(eq(emailOutbox.messageId, '<m1@meetgrid>')).run();
  const worker = startOutboxWorker(db, receiver.config, { intervalMs: 10 })!;
  t.teardown(async () => {
    await worker.stop();
    await receiver.close();
    close();
  });
  const sentCount = () => outboxCounts(db, eventId).sent;
  for (let i = 0; i < 300 && sentCount() < 1; i++) await new Promise((r) => setTimeout(r, 10));
  t.same(receiver.received.map((m) => m.to[0]), ['rep2@example.com'], 'only the waiting message is sent');
  const interrupted = outboxOfEvent(db, eventId).find((row) => row.messageId === '<m1@meetgrid>')!;
  t.equal(interrupted.status, 'failed');
  t.match(interrupted.lastError, /interrupted/);
  t.same(await worker.runOnce(), { sent: 0, deferred: 0, failed: 0 });
});

t.test('.eml rendering and the back-off schedule', async (t) => {
  const { db, close, eventId } = setUp();
  t.teardown(close);
  enqueueMessage(db, message(eventId, 7));
  const row = outboxOfEvent(db, eventId)[0]!;
  const eml = (await renderEml(row, 'GSAT <desk@gsat.example>')).toString('utf8');
  t.match(eml, /^Content-Type: multipart\/alternative/m);
  t.match(eml, /Message-ID: <m7@meetgrid>/i);
  t.match(eml, /To: rep7@example.com/);
  t.equal(calendarPart(eml)!.method, 'REQUEST');
  const now = new Date(0);
  t.same(
    [1, 2, 3, 8].map((n) => nextAttemptAt(n, now, { baseDelayMs: 1000, maxDelayMs: 3000, maxAttempts: 8 })?.getTime() ?? null),
    [1000, 2000, 3000, null],
  );
});

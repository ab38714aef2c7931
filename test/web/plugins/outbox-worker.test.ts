import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { outboxCounts } from '../../../src/db/repositories/outbox-repository.js';
import { enqueueInvitationsForPublish } from '../../../src/services/publishing/invitations.js';
import { createPublishedEvent } from '../../helpers/published-event.js';
import { createTestApp } from '../../helpers/web-app.js';
import { calendarPart, startSmtpReceiver } from '../../helpers/smtp-receiver.js';

t.test('with SMTP configured, the web app sends what waits in the outbox, once', async (t) => {
  const receiver = await startSmtpReceiver();
  const handle = openDatabase(':memory:');
  const event = createPublishedEvent(handle.db);
  const report = enqueueInvitationsForPublish(handle.db, {
    eventId: event.eventId,
    versionId: event.versionId,
    previousVersionId: null,
    publicUrl: 'https://meet.example.org',
  });
  const testApp = await createTestApp({ handle, config: { smtp: receiver.config } });
  t.teardown(async () => {
    await testApp.close();
    await receiver.close();
  });
  await testApp.app.ready();
  for (let i = 0; i < 600 && outboxCounts(handle.db, event.eventId).sent < report.enqueued; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  t.same(outboxCounts(handle.db, event.eventId), { pending: 0, sending: 0, sent: report.enqueued, failed: 0 });
  t.equal(receiver.received.length, report.enqueued, 'each message arrived once');
  t.ok(receiver.received.every((mail) => calendarPart(mail.raw)?.method === 'REQUEST'));
  t.ok(receiver.received.every((mail) => /^From: GSAT desk <desk@gsat\.example>/m.test(mail.raw)), 'from SMTP_FROM');
});

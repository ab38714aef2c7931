import t from 'tap';
import { openDatabase } from '../../../../src/db/client.js';
import { outboxOfEvent } from '../../../../src/db/repositories/outbox-repository.js';
import { emailOutbox } from '../../../../src/db/schema/index.js';
import { enqueueInvitationsForPublish } from '../../../../src/services/publishing/invitations.js';
import { createPublishedEvent } from '../../../helpers/published-event.js';
import { createTestApp, csrfTokenOf, loggedInBrowser } from '../../../helpers/web-app.js';
import { calendarPart } from '../../../helpers/smtp-receiver.js';
import { parseCalendar } from '../../../helpers/ical.js';
import { eq } from 'drizzle-orm';

t.test('without SMTP, organizers see waiting invitations, download them as .eml and retry failed ones', async (t) => {
  const handle = openDatabase(':memory:');
  const event = createPublishedEvent(handle.db);
  enqueueInvitationsForPublish(handle.db, {
    eventId: event.eventId,
    versionId: event.versionId,
    previousVersionId: null,
    publicUrl: 'https://meet.example.org',
  });
  const testApp = await createTestApp({ handle });
  t.teardown(testApp.close);

  const anonymous = await testApp.app.inject({ method: 'GET', url: `/events/${event.slug}/outbox` });
  t.equal(anonymous.statusCode, 302, 'organizers only');
  const browser = await loggedInBrowser(testApp, 'en');
  const page = await browser.get(`/events/${event.slug}/outbox`);
  t.equal(page.statusCode, 200);
  t.match(page.body, /No SMTP server is configured/);
  t.match(page.body, /Waiting 48 · sending 0 · sent 0 · failed 0/);
  t.match(page.body, /corp1\.a@example\.com/);

  const rows = outboxOfEvent(handle.db, event.eventId);
  const eml = await browser.get(`/events/${event.slug}/outbox/${rows[0]!.id}.eml`);
  t.equal(eml.statusCode, 200);
  t.match(eml.headers['content-type'], /^message\/rfc822/);
  t.match(eml.headers['content-disposition'], /attachment; filename="message-\d+\.eml"/);
  const part = calendarPart(eml.body)!;
  t.equal(part.method, 'REQUEST');
  t.equal(parseCalendar(part.text).entries.length, 1);
  t.equal((await browser.get(`/events/${event.slug}/outbox/999999.eml`)).statusCode, 404);
  t.equal((await browser.get(`/events/${event.slug}/outbox/abc.eml`)).statusCode, 400);
  t.equal((await browser.get(`/events/no-such-event/outbox`)).statusCode, 404);

  handle.db.update(emailOutbox).set({ status: 'failed', lastError: '550 no such user', attempts: 8 }).where(eq(emailOutbox.id, rows[0]!.id)).run();
  handle.db.update(emailOutbox).set({ status: 'sent' }).where(eq(emailOutbox.id, rows[1]!.id)).run();
  const listed = await browser.get(`/events/${event.slug}/outbox`);
  t.match(listed.body, /550 no such user/);
  const csrf = csrfTokenOf(listed.body);
  const retried = await browser.post(`/events/${event.slug}/outbox/${rows[0]!.id}/retry`, {}, { csrf });
  t.equal(retried.statusCode, 303);
  t.match(retried.headers.location, /\?retried$/);
  t.equal(outboxOfEvent(handle.db, event.eventId).find((r) => r.id === rows[0]!.id)!.status, 'pending');
  const refused = await browser.post(`/events/${event.slug}/outbox/${rows[1]!.id}/retry`, {}, { csrf });
  t.match(refused.headers.location, /\?refused$/, 'a sent message is never sent again');
  t.match((await browser.get(String(refused.headers.location))).body, /A message that was sent cannot be sent again/);
  t.equal(outboxOfEvent(handle.db, event.eventId).find((r) => r.id === rows[1]!.id)!.status, 'sent');
  const noCsrf = await browser.post(`/events/${event.slug}/outbox/${rows[0]!.id}/retry`, {}, { csrf: null });
  t.equal(noCsrf.statusCode, 403);
});

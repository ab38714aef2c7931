import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { representatives } from '../../../src/db/schema/index.js';
import { outboxOfEvent } from '../../../src/db/repositories/outbox-repository.js';
import { enqueueInvitationsForPublish } from '../../../src/services/publishing/invitations.js';
import { deliverDue, smtpTransport } from '../../../src/services/mail/outbox.js';
import { lookupAccessLink } from '../../../src/services/links/access-links.js';
import { createPublishedEvent, publishChangedVersion } from '../../helpers/published-event.js';
import { calendarPart, messageHeaders, mimeParts, startSmtpReceiver, type ReceivedMail } from '../../helpers/smtp-receiver.js';
import { longestLineOctets, parseCalendar } from '../../helpers/ical.js';

const PUBLIC = 'https://meet.example.org';

function invitesFor(received: readonly ReceivedMail[], address: string) {
  return received
    .filter((mail) => mail.to.includes(address))
    .map((mail) => {
      const part = calendarPart(mail.raw)!;
      const subject = messageHeaders(mail.raw)['subject'] ?? '';
      return { part, calendar: parseCalendar(part.text), subject, raw: mail.raw };
    });
}

t.test('publish, re-publish after a move, and a cancellation reach a real SMTP server as calendar invites', async (t) => {
  const { db, close } = openDatabase(':memory:');
  const receiver = await startSmtpReceiver();
  const transport = smtpTransport(receiver.config);
  t.teardown(async () => {
    transport.close();
    await receiver.close();
    close();
  });
  const event = createPublishedEvent(db);
  // One representative without an address: counted, not queued.
  const silent = event.representativeIdsByOrganization[event.corporateIds[3]!]![1]!;
  db.update(representatives).set({ email: '' }).where(eq(representatives.id, silent)).run();
  const input = { eventId: event.eventId, versionId: event.versionId, previousVersionId: null, publicUrl: PUBLIC, from: receiver.config.from };

  const first = enqueueInvitationsForPublish(db, input);
  // 16 meetings, each with a corporate (two representatives) and a startup (one).
  t.same(first, { enqueued: 16 * 3 - 4, alreadyQueued: 0, withoutEmail: 4 });
  t.same(enqueueInvitationsForPublish(db, input), { enqueued: 0, alreadyQueued: 44, withoutEmail: 4 }, 'a repeated publish enqueues nothing');
  t.same(await deliverDue(db, transport, { from: receiver.config.from, limit: 1000 }), { sent: 44, deferred: 0, failed: 0 });
  t.equal(receiver.received.length, 44);

  const english = invitesFor(receiver.received, 'st8@example.com');
  t.equal(english.length, 2);
  t.match(english[0]!.subject, /^\[Small test event\] Meeting with /, 'in the representative’s language');
  const korean = invitesFor(receiver.received, 'st1@example.com');
  t.equal(korean.length, 2);
  t.match(korean[0]!.subject, /^\[소규모 테스트 행사\] .+ 미팅 /);
  for (const invite of [...english, ...korean]) {
    t.equal(invite.part.method, 'REQUEST');
    t.equal(invite.calendar.method, 'REQUEST');
    t.equal(invite.calendar.entries.length, 1);
    t.equal(invite.calendar.entries[0]!.sequence, 0);
    t.ok(invite.calendar.entries[0]!.attendees.length >= 2);
  }
  const text = mimeParts(korean[0]!.raw).find((p) => (p.headers['content-type'] ?? '').startsWith('text/plain'))!.body;
  const link = /https:\/\/meet\.example\.org\/agenda\/([\w-]+)/.exec(text);
  t.ok(link, 'the agenda link is in the message');
  t.ok(lookupAccessLink(db, link![1]!), 'and it opens the agenda');

  // Version 2: st-01's first meeting moves to the last slot, its second is dropped.
  const [movedRequest, droppedRequest] = event.placed.filter((m) =>
    db.query.requests.findFirst({ where: (r, { eq: is }) => is(r.id, m.requestId) }).sync()!.requesterId === event.startupIds[0],
  );
  const v2 = publishChangedVersion(db, event.eventId, event, {
    move: new Map([[movedRequest!.requestId, event.slotIds[event.slotIds.length - 1]!]]),
    drop: [droppedRequest!.requestId],
  });
  const second = enqueueInvitationsForPublish(db, { ...input, versionId: v2.versionId, previousVersionId: event.versionId });
  t.same(second, { enqueued: 6, alreadyQueued: 0, withoutEmail: 0 }, 'only the two changed meetings, to both sides');
  receiver.received.length = 0;
  await deliverDue(db, transport, { from: receiver.config.from });
  const after = invitesFor(receiver.received, 'st1@example.com');
  t.equal(after.length, 2);
  const update = after.find((m) => m.part.method === 'REQUEST')!;
  const cancel = after.find((m) => m.part.method === 'CANCEL')!;
  const originalUids = korean.map((m) => m.calendar.entries[0]!.uid);
  t.ok(originalUids.includes(update.calendar.entries[0]!.uid), 'the moved meeting keeps its UID');
  t.equal(update.calendar.entries[0]!.sequence, 1, 'with a higher SEQUENCE');
  t.equal(update.calendar.entries[0]!.start, '2025-06-10T05:40:00.000Z', 'at its new time');
  t.ok(originalUids.includes(cancel.calendar.entries[0]!.uid));
  t.equal(cancel.calendar.method, 'CANCEL');
  t.equal(cancel.calendar.entries[0]!.status, 'CANCELLED');
  t.equal(cancel.calendar.entries[0]!.sequence, 1);
  t.not(update.calendar.entries[0]!.uid, cancel.calendar.entries[0]!.uid);
  t.equal(outboxOfEvent(db, event.eventId).filter((row) => row.status === 'sent').length, 50);
});

t.test('an unknown event is refused and nothing is queued', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  t.throws(
    () => enqueueInvitationsForPublish(db, { eventId: 99, versionId: 1, previousVersionId: null, publicUrl: PUBLIC }),
    /event 99 does not exist/,
  );
  t.end();
});

t.test('every queued calendar part parses, is folded by octets and carries the one DTSTAMP of its publish', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createPublishedEvent(db);
  const before = Date.now();
  enqueueInvitationsForPublish(db, { eventId: event.eventId, versionId: event.versionId, previousVersionId: null, publicUrl: PUBLIC });
  const rows = outboxOfEvent(db, event.eventId);
  t.equal(rows.length, 48);
  const calendars = rows.map((row) => parseCalendar(row.icsBody!));
  t.ok(rows.every((row) => longestLineOctets(row.icsBody!) <= 75), 'no line over 75 octets, Korean included');
  t.ok(calendars.every((calendar) => calendar.method === 'REQUEST' && calendar.entries.length === 1));
  const stamps = new Set(calendars.map((calendar) => calendar.entries[0]!.stamp));
  t.equal(stamps.size, 1, 'one DTSTAMP for the whole publish');
  t.ok(Date.parse([...stamps][0]!) >= Math.floor(before / 1000) * 1000, 'the moment of the publish');
  t.same(new Set(rows.map((row) => row.messageId)).size, rows.length, 'one Message-ID per representative and meeting');
  t.end();
});

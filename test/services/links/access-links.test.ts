import t from 'tap';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { accessTokens, auditLog } from '../../../src/db/schema/index.js';
import {
  ensureParticipantLinks,
  ensureStaffLinks,
  eventLinks,
  lookupAccessLink,
  revokeEventLink,
  revokeEventLinkByAddress,
  SYSTEM_ACTOR,
} from '../../../src/services/links/access-links.js';
import { createPublishedEvent } from '../../helpers/published-event.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

t.test('tokens are well-formed, distinct, and stored only as their sha256', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createSmallEvent(db);
  const links = ensureParticipantLinks(db, event.eventId, 'https://meet.example.org');
  const [a, b] = links;
  t.match(a!.token, /^[A-Za-z0-9_-]{43}$/);
  t.not(a!.token, b!.token);
  const stored = db.select().from(accessTokens).all();
  t.equal(stored.length, links.length);
  t.ok(stored.some((row) => row.tokenHash === createHash('sha256').update(a!.token).digest('hex')));
  t.notOk(JSON.stringify(stored).includes(a!.token), 'the token itself is nowhere in the table');
  t.equal(lookupAccessLink(db, a!.token)?.representativeId, a!.representativeId);
  t.end();
});

t.test('lookup refuses malformed and revoked tokens and tells the kinds apart', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createSmallEvent(db);
  const staff = ensureStaffLinks(db, event.eventId, 'https://meet.example.org').find((link) => link.roomId === event.roomIds[0])!;
  const found = lookupAccessLink(db, staff.token);
  t.equal(found?.kind, 'staff');
  t.equal(found?.roomId, event.roomIds[0]);
  t.equal(lookupAccessLink(db, ''), null);
  t.equal(lookupAccessLink(db, 'x'.repeat(43)), null);
  t.equal(lookupAccessLink(db, `${staff.token}=`), null);
  t.equal(revokeEventLink(db, { eventId: event.eventId, linkId: found!.id, actor: SYSTEM_ACTOR }), 'revoked');
  t.equal(revokeEventLink(db, { eventId: event.eventId, linkId: found!.id, actor: SYSTEM_ACTOR }), 'already_revoked');
  t.equal(lookupAccessLink(db, staff.token), null);
  t.end();
});

const PUBLIC = 'https://meet.example.org';

t.test('links are issued once for everyone, printed again unchanged, and a revoked one is replaced by a new one', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createPublishedEvent(db);
  const first = ensureParticipantLinks(db, event.eventId, PUBLIC);
  const people = Object.values(event.representativeIdsByOrganization).flat();
  t.equal(first.length, people.length, 'one link per representative');
  t.equal(new Set(first.map((link) => link.token)).size, first.length, 'all different');
  t.ok(first.every((link) => lookupAccessLink(db, link.token)), 'every link opens');
  t.same(ensureParticipantLinks(db, event.eventId, PUBLIC), first, 'asking again issues nothing new');

  const revoked = first[0]!;
  db.update(accessTokens).set({ revokedAt: new Date() }).where(eq(accessTokens.representativeId, revoked.representativeId)).run();
  const second = ensureParticipantLinks(db, event.eventId, PUBLIC);
  const replacement = second.find((link) => link.representativeId === revoked.representativeId)!;
  t.not(replacement.token, revoked.token, 'the revoked link is not derived again');
  t.equal(lookupAccessLink(db, revoked.token), null);
  t.ok(lookupAccessLink(db, replacement.token), 'the new one opens');
  t.same(second.filter((link) => link !== replacement), first.slice(1), 'the others keep their links');
  t.same(ensureParticipantLinks(db, event.eventId, PUBLIC), second);
  t.end();
});

const URL_BASE = 'https://meetgrid.example';

t.test('an organizer sees every link with its holder, revokes one, and the next one is new', async (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const db = handle.db;
  const event = createSmallEvent(db);
  const other = createSmallEvent(db, { slug: 'other-event' });
  const agenda = ensureParticipantLinks(db, event.eventId, URL_BASE);
  const staff = ensureStaffLinks(db, event.eventId, URL_BASE);
  const otherAgenda = ensureParticipantLinks(db, other.eventId, URL_BASE);

  const listed = eventLinks(db, event.eventId);
  t.equal(listed.participant.length, agenda.length, 'one agenda link per representative, none of the other event');
  t.equal(listed.staff.length, staff.length);
  t.same(listed.staff.filter((link) => link.holder === null).length, 1, 'one event-wide staff link');
  const first = agenda[0]!;
  const row = listed.participant.find((link) => link.holder?.en === first.representative)!;
  t.ok(row, 'the holder is the representative by name');
  t.equal(row.revokedAt, null);

  const actor = { label: 'user:7', userId: null };
  const foreign = eventLinks(db, other.eventId).participant[0]!;
  t.equal(revokeEventLink(db, { eventId: event.eventId, linkId: foreign.id, actor }), 'not_found', "another event's link");
  t.equal(
    revokeEventLinkByAddress(db, { eventId: event.eventId, address: otherAgenda[0]!.url, actor }),
    'not_found',
    "another event's link, by its address",
  );
  t.ok(otherAgenda.every((link) => lookupAccessLink(db, link.token)), "the other event's links still open");
  const staffLink = staff.find((link) => link.roomId !== null)!;
  t.equal(revokeEventLinkByAddress(db, { eventId: event.eventId, address: ` ${staffLink.url} `, actor }), 'revoked', 'a staff URL');
  t.equal(lookupAccessLink(db, staffLink.token), null);

  const at = new Date('2025-06-10T08:00:00Z');
  t.equal(revokeEventLink(db, { eventId: event.eventId, linkId: row.id, actor, now: at }), 'revoked');
  t.equal(lookupAccessLink(db, first.token), null, 'the revoked link no longer opens');
  t.same(eventLinks(db, event.eventId).participant.find((link) => link.id === row.id)?.revokedAt, at);
  t.equal(revokeEventLink(db, { eventId: event.eventId, linkId: row.id, actor }), 'already_revoked');

  const audit = db.select().from(auditLog).all().filter((entry) => entry.action === 'access_link.revoke');
  t.equal(audit.length, 2, 'one audit entry per revocation');
  const entry = audit.find((e) => e.subject === `access_link:${row.id}`)!;
  t.match(entry, { actor: 'user:7', eventId: event.eventId });
  t.match(JSON.parse(entry.detailsJson), { kind: 'participant', representativeId: first.representativeId });

  const again = ensureParticipantLinks(db, event.eventId, URL_BASE).find((link) => link.representativeId === first.representativeId)!;
  t.not(again.token, first.token, 'the next link of that representative is a new one');
  t.ok(lookupAccessLink(db, again.token));
  t.equal(lookupAccessLink(db, first.token), null, 'and the revoked one stays revoked');
});

t.test('issuing links is audited, as who issued them, once: asking again issues nothing', async (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const db = handle.db;
  const event = createSmallEvent(db);
  const organizer = { label: 'user:3', userId: null };
  const issuedEntries = () => db.select().from(auditLog).all().filter((entry) => entry.action === 'access_link.issue');

  const agenda = ensureParticipantLinks(db, event.eventId, URL_BASE, organizer);
  const staff = ensureStaffLinks(db, event.eventId, URL_BASE, { label: 'cli', userId: null });
  const [participantEntry, ...staffEntries] = issuedEntries();
  t.match(participantEntry, { actor: 'user:3', eventId: event.eventId, subject: 'participant' });
  t.same(JSON.parse(participantEntry!.detailsJson).representativeIds.length, agenda.length, 'one entry naming every representative');
  t.equal(staffEntries.length, staff.length, 'one entry per staff link');
  t.ok(staffEntries.every((entry) => entry.actor === 'cli' && entry.subject === 'staff'));

  ensureParticipantLinks(db, event.eventId, URL_BASE, organizer);
  ensureStaffLinks(db, event.eventId, URL_BASE, organizer);
  t.equal(issuedEntries().length, 1 + staff.length, 'links already issued are not issued, nor audited, again');
});

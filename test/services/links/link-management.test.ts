import t from 'tap';
import { auditLog } from '../../../src/db/schema/index.js';
import { findAccessLink } from '../../../src/services/links/access-links.js';
import { eventLinks, revokeEventLink, revokeEventLinkByAddress } from '../../../src/services/links/link-management.js';
import { ensureParticipantLinks } from '../../../src/services/links/participant-links.js';
import { ensureStaffLinks } from '../../../src/services/links/staff-links.js';
import { openDatabase } from '../../../src/db/client.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

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
  t.ok(otherAgenda.every((link) => findAccessLink(db, link.token, 'participant')), "the other event's links still open");
  const staffLink = staff.find((link) => link.roomId !== null)!;
  t.equal(revokeEventLinkByAddress(db, { eventId: event.eventId, address: ` ${staffLink.url} `, actor }), 'revoked', 'a staff URL');
  t.equal(findAccessLink(db, staffLink.token, 'staff'), null);

  const at = new Date('2025-06-10T08:00:00Z');
  t.equal(revokeEventLink(db, { eventId: event.eventId, linkId: row.id, actor, now: at }), 'revoked');
  t.equal(findAccessLink(db, first.token, 'participant'), null, 'the revoked link no longer opens');
  t.same(eventLinks(db, event.eventId).participant.find((link) => link.id === row.id)?.revokedAt, at);
  t.equal(revokeEventLink(db, { eventId: event.eventId, linkId: row.id, actor }), 'already_revoked');

  const audit = db.select().from(auditLog).all().filter((entry) => entry.action === 'access_link.revoke');
  t.equal(audit.length, 2, 'one audit entry per revocation');
  const entry = audit.find((e) => e.subject === `access_link:${row.id}`)!;
  t.match(entry, { actor: 'user:7', eventId: event.eventId });
  t.match(JSON.parse(entry.detailsJson), { kind: 'participant', representativeId: first.representativeId });

  const again = ensureParticipantLinks(db, event.eventId, URL_BASE).find((link) => link.representativeId === first.representativeId)!;
  t.not(again.token, first.token, 'the next link of that representative is a new one');
  t.ok(findAccessLink(db, again.token, 'participant'));
  t.equal(findAccessLink(db, first.token, 'participant'), null, 'and the revoked one stays revoked');
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

import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { accessTokens } from '../../../src/db/schema/index.js';
import { ensureParticipantLinks, findParticipantToken } from '../../../src/services/links/participant-links.js';
import { createPublishedEvent } from '../../helpers/published-event.js';

const PUBLIC = 'https://meet.example.org';

t.test('links are issued once for everyone, printed again unchanged, and a revoked one is replaced by a new one', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createPublishedEvent(db);
  const first = ensureParticipantLinks(db, event.eventId, PUBLIC);
  const people = Object.values(event.representativeIdsByOrganization).flat();
  t.equal(first.length, people.length, 'one link per representative');
  t.equal(new Set(first.map((link) => link.token)).size, first.length, 'all different');
  t.ok(first.every((link) => findParticipantToken(db, link.token)), 'every link opens');
  t.same(ensureParticipantLinks(db, event.eventId, PUBLIC), first, 'asking again issues nothing new');

  const revoked = first[0]!;
  db.update(accessTokens).set({ revokedAt: new Date() }).where(eq(accessTokens.representativeId, revoked.representativeId)).run();
  const second = ensureParticipantLinks(db, event.eventId, PUBLIC);
  const replacement = second.find((link) => link.representativeId === revoked.representativeId)!;
  t.not(replacement.token, revoked.token, 'the revoked link is not derived again');
  t.equal(findParticipantToken(db, revoked.token), undefined);
  t.ok(findParticipantToken(db, replacement.token), 'the new one opens');
  t.same(second.filter((link) => link !== replacement), first.slice(1), 'the others keep their links');
  t.same(ensureParticipantLinks(db, event.eventId, PUBLIC), second);
  t.end();
});

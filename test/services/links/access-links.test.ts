import t from 'tap';
import { createHash } from 'node:crypto';
import { openDatabase } from '../../../src/db/client.js';
import { accessTokens } from '../../../src/db/schema/index.js';
import {
  findAccessLink,
  isWellFormedToken,
  issueAccessLink,
  listAccessLinks,
  lookupAccessLink,
  revokeAccessLink,
} from '../../../src/services/links/access-links.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

t.test('issued tokens are random, well-formed, and stored only as sha256', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createSmallEvent(db);
  const representativeId = event.representativeIds[0]!;
  const a = issueAccessLink(db, { eventId: event.eventId, kind: 'participant', representativeId, label: 'Kim' });
  const b = issueAccessLink(db, { eventId: event.eventId, kind: 'participant', representativeId });
  t.ok(isWellFormedToken(a.token));
  t.not(a.token, b.token);
  const stored = db.select().from(accessTokens).all();
  t.equal(stored.length, 2);
  t.equal(stored[0]!.tokenHash, createHash('sha256').update(a.token).digest('hex'));
  t.notOk(JSON.stringify(stored).includes(a.token), 'the token itself is nowhere in the table');
  t.equal(findAccessLink(db, a.token, 'participant')?.label, 'Kim');
  t.same(
    listAccessLinks(db, event.eventId, 'participant').map((link) => link.id),
    [b.id, a.id],
  );
  t.end();
});

t.test('find refuses other kinds, malformed and revoked tokens', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createSmallEvent(db);
  const staff = issueAccessLink(db, { eventId: event.eventId, kind: 'staff', roomId: event.roomIds[0] });
  t.equal(findAccessLink(db, staff.token, 'staff')?.roomId, event.roomIds[0]);
  t.equal(findAccessLink(db, staff.token, 'participant'), null);
  t.equal(lookupAccessLink(db, staff.token)?.kind, 'staff');
  t.equal(findAccessLink(db, '', 'staff'), null);
  t.equal(findAccessLink(db, 'x'.repeat(43), 'staff'), null);
  t.equal(findAccessLink(db, `${staff.token}=`, 'staff'), null);
  t.ok(revokeAccessLink(db, staff.id));
  t.notOk(revokeAccessLink(db, staff.id), 'revoking twice reports it');
  t.equal(findAccessLink(db, staff.token, 'staff'), null);
  t.end();
});

t.test('a link must match its kind and its event', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const event = createSmallEvent(db);
  const other = createSmallEvent(db, { slug: 'other-event' });
  const representativeId = event.representativeIds[0]!;
  t.throws(() => issueAccessLink(db, { eventId: event.eventId, kind: 'participant' }), /^representativeId:/);
  t.throws(() => issueAccessLink(db, { eventId: other.eventId, kind: 'participant', representativeId }), /^representativeId:/);
  t.throws(() => issueAccessLink(db, { eventId: event.eventId, kind: 'staff', representativeId }), /^representativeId:/);
  t.throws(() => issueAccessLink(db, { eventId: event.eventId, kind: 'staff', roomId: other.roomIds[0] }), /^roomId:/);
  t.throws(
    () => issueAccessLink(db, { eventId: event.eventId, kind: 'participant', representativeId, roomId: event.roomIds[0] }),
    /^roomId:/,
  );
  t.equal(db.select().from(accessTokens).all().length, 0, 'nothing written');
  t.end();
});

import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import {
  bumpRevision,
  draftVersion,
  insertDraftVersion,
  insertMeetings,
  markPublished,
  meetingsOfVersion,
  publishedVersion,
  versionById,
} from '../../../src/db/repositories/schedule-repository.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

const version = (eventId: number) => ({
  eventId,
  basedOnVersionId: null,
  engineStatus: 'feasible',
  statsJson: '{}',
  note: '',
  createdByUserId: null,
});

t.test('versions: numbering, one draft at a time, publish supersedes, revision guard', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const other = createSmallEvent(db, { slug: 'other' });
  t.equal(publishedVersion(db, fixture.eventId), null);
  t.equal(draftVersion(db, fixture.eventId), null);

  const v1 = insertDraftVersion(db, version(fixture.eventId));
  const v2 = insertDraftVersion(db, version(fixture.eventId));
  t.same([v1.number, v2.number], [1, 2]);
  t.equal(versionById(db, v1.id)!.status, 'superseded', 'a new draft supersedes the old one');
  t.equal(draftVersion(db, fixture.eventId)!.id, v2.id);
  t.equal(insertDraftVersion(db, version(other.eventId)).number, 1, 'numbers are per event');

  markPublished(db, fixture.eventId, v2.id, new Date(1_000));
  t.equal(publishedVersion(db, fixture.eventId)!.id, v2.id);
  t.equal(publishedVersion(db, fixture.eventId)!.publishedAt!.getTime(), 1_000);
  t.equal(draftVersion(db, fixture.eventId), null);
  const v3 = insertDraftVersion(db, version(fixture.eventId));
  markPublished(db, fixture.eventId, v3.id, new Date(2_000));
  t.equal(versionById(db, v2.id)!.status, 'superseded');
  t.equal(publishedVersion(db, fixture.eventId)!.id, v3.id);

  t.equal(bumpRevision(db, v3.id, 1), true);
  t.equal(bumpRevision(db, v3.id, 1), false, 'a second edit from the same revision is refused');
  t.equal(versionById(db, v3.id)!.revision, 2);
  t.end();
});

t.test('meetingsOfVersion joins slot, day, table, room and both organizations in timetable order', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const draft = insertDraftVersion(db, version(fixture.eventId));
  const [first, second] = fixture.acceptedRequestIds;
  insertMeetings(db, draft.id, [
    { requestId: first!, slotId: fixture.slotIdByCode['d1-02']!, tableId: fixture.boothTableIds[0]!, locked: true },
    { requestId: second!, slotId: fixture.slotIdByCode['d1-01']!, tableId: fixture.boothTableIds[1]!, locked: false },
  ]);
  const rows = meetingsOfVersion(db, draft.id);
  t.same(rows.map((row) => row.requestId), [second, first], 'ordered by slot');
  t.match(rows[1], {
    locked: true,
    status: 'scheduled',
    slotCode: 'd1-02',
    date: '2025-06-10',
    startTime: '10:25',
    tableLabel: 'B-1',
    roomNameEn: 'Booth Hall',
    requester: { code: 'st-01', kind: 'startup', nameEn: 'Maru Sensor' },
    requested: { code: 'corp-01', kind: 'corporate' },
  });
  t.same(meetingsOfVersion(db, draft.id + 1), []);
  t.end();
});

import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { draftVersion, meetingsOfVersion, publishedVersion, versionById } from '../../../src/db/repositories/schedule-repository.js';
import { auditLog, emailOutbox, requests } from '../../../src/db/schema/index.js';
import { applyEdit } from '../../../src/services/timetable/meeting-edits.js';
import { previewPublish, publishDraft } from '../../../src/services/publishing/publishing.js';
import { workingVersion } from '../../../src/services/scheduling/schedule-versions.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';
import { eventRow, saveGreedyDraft } from '../../helpers/greedy-draft.js';

const actor = { label: 'user:1', userId: null };

t.test('first publish: everything is added; then the draft is the published version', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  t.equal(previewPublish(db, fixture.eventId), null, 'nothing to publish before scheduling');
  t.throws(() => publishDraft(db, fixture.eventId, { actor }), { name: 'PublishError', reason: 'NO_DRAFT' });
  const draft = saveGreedyDraft(db, fixture.eventId);
  const preview = previewPublish(db, fixture.eventId)!;
  t.equal(preview.published, null);
  t.equal(preview.diff.added.length, fixture.acceptedRequestIds.length);
  t.equal(preview.diff.moved.length + preview.diff.cancelled.length + preview.diff.unchanged, 0);
  t.equal(preview.diff.affected.length, 12, 'every organization is affected');
  const corp = preview.diff.affected.find((organization) => organization.code === 'corp-01')!;
  t.equal(corp.representatives.length, 2);
  t.equal(corp.changes, 4);

  const result = publishDraft(db, fixture.eventId, { actor, expected: { versionId: draft.id, revision: draft.revision } });
  t.equal(result.version.status, 'published');
  t.equal(publishedVersion(db, fixture.eventId)?.id, draft.id);
  t.equal(draftVersion(db, fixture.eventId), null);
  t.end();
});

t.test('re-publish shows moved, added and cancelled meetings and who is affected; the old version is superseded', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const [first, second, third] = fixture.acceptedRequestIds;
  // Version 1 leaves `third` out; it will be added by hand in the draft.
  const v1 = saveGreedyDraft(db, fixture.eventId, [third!]);
  publishDraft(db, fixture.eventId, { actor });
  const event = eventRow(db, fixture.eventId);
  const edit = (change: Parameters<typeof applyEdit>[2]) => {
    const version = workingVersion(db, fixture.eventId)!;
    return applyEdit(db, event, change, { versionId: version.id, revision: version.revision, actor });
  };
  const firstMeeting = meetingsOfVersion(db, v1.id).find((m) => m.requestId === first)!;
  edit({ kind: 'move', requestId: first!, slotId: fixture.slotIdByCode['d1-10']!, tableId: firstMeeting.tableId });
  edit({ kind: 'unschedule', requestId: second! });
  const thirdRequest = db.select().from(requests).where(eq(requests.id, third!)).get()!;

  // Place `third` wherever the rules allow, found by trying the slots at its corporate's booth.
  const booth = fixture.boothTableIds[fixture.corporateIds.indexOf(thirdRequest.requestedId)]!;
  let placed = false;
  for (const slotId of [...fixture.slotIds].reverse()) {
    try {
      edit({ kind: 'place', requestId: third!, slotId, tableId: booth });
      placed = true;
      break;
    } catch {
      // occupied or not allowed: try an earlier slot
    }
  }
  t.ok(placed, 'the third meeting found a place');

  const preview = previewPublish(db, fixture.eventId)!;
  t.equal(preview.published?.id, v1.id);
  t.same(preview.diff.moved.map((change) => change.requestId), [first]);
  t.equal(preview.diff.moved[0]!.before!.slotCode, firstMeeting.slotCode);
  t.equal(preview.diff.moved[0]!.after!.slotCode, 'd1-10');
  t.same(preview.diff.cancelled.map((change) => change.requestId), [second]);
  t.same(preview.diff.added.map((change) => change.requestId), [third]);
  t.equal(preview.diff.unchanged, fixture.acceptedRequestIds.length - 3);
  const affected = preview.diff.affected.map((organization) => organization.code);
  t.ok(affected.includes('st-01') && affected.includes('corp-01') && affected.includes('corp-02'));
  t.notOk(affected.includes('st-05'), 'organizations without changes are not affected');

  t.throws(
    () => publishDraft(db, fixture.eventId, { actor, expected: { versionId: preview.draft.id, revision: preview.draft.revision - 1 } }),
    { name: 'PublishError', reason: 'STALE' },
    'a preview of an older revision cannot be confirmed',
  );
  publishDraft(db, fixture.eventId, { actor, expected: { versionId: preview.draft.id, revision: preview.draft.revision } });
  t.equal(versionById(db, v1.id)!.status, 'superseded');
  t.equal(publishedVersion(db, fixture.eventId)!.id, preview.draft.id);
  const audits = db.select().from(auditLog).where(eq(auditLog.action, 'version.publish')).all();
  t.equal(audits.length, 2);
  t.match(JSON.parse(audits[1]!.detailsJson), { previous: 1, moved: [first], added: [third], cancelled: [second] });
  t.end();
});

t.test('publishing queues the invitations and audits how many', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const draft = saveGreedyDraft(db, fixture.eventId);
  const result = publishDraft(db, fixture.eventId, { actor, invitations: { publicUrl: 'http://meetgrid.test' } });
  t.ok(result.invitations!.enqueued > 0, `${result.invitations!.enqueued} invitations queued`);
  t.equal(db.select().from(emailOutbox).all().length, result.invitations!.enqueued);
  t.match(JSON.parse(db.select().from(auditLog).where(eq(auditLog.action, 'version.publish')).get()!.detailsJson), {
    invitations: { enqueued: result.invitations!.enqueued },
  });
  t.match(db.select().from(auditLog).where(eq(auditLog.action, 'access_link.issue')).get(), { actor: 'user:1', subject: 'participant' }, 'the agenda links the invitations carry are issued as the publisher');
  t.equal(publishedVersion(db, fixture.eventId)!.id, draft.id);
  t.end();
});

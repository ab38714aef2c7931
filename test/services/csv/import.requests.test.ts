import t, { type Test } from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { listOrganizations } from '../../../src/db/repositories/organization-repository.js';
import { listRequestViews } from '../../../src/db/repositories/request-repository.js';
import { exportRequests } from '../../../src/services/csv/export.js';
import { applyImport, previewImport } from '../../../src/services/csv/import.js';
import { createEmptyEvent, csvFixture } from '../../helpers/csv-fixture.js';

function setup(t: Test) {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const event = createEmptyEvent(handle.db);
  applyImport(handle.db, event.eventId, csvFixture('participants.csv'));
  return { db: handle.db, handle, eventId: event.eventId };
}

const rows = (handle: ReturnType<typeof openDatabase>) =>
  JSON.stringify(handle.sqlite.prepare('select * from requests order by id').all());

t.test('requests.csv (UTF-8 with BOM, commas) is imported, and importing it again changes nothing', (t) => {
  const { db, handle, eventId } = setup(t);
  const bytes = csvFixture('requests.csv');
  const preview = previewImport(db, eventId, bytes);
  t.match(preview, { kind: 'requests', encoding: 'utf-8-bom', delimiter: ',', rows: 12, problems: [] });
  t.same(preview.counts, { create: 12, update: 0, unchanged: 0 });
  t.equal(applyImport(db, eventId, bytes).applied, true);
  const requests = listRequestViews(db, eventId);
  t.equal(requests.length, 12);
  t.match(
    requests.find((r) => r.requesterCode === 'st-03' && r.requestedCode === 'corp-02'),
    { priority: 3, status: 'accepted', session: 'pm', note: 'Hydrogen fuel cell, pilot line' },
  );
  t.match(requests.find((r) => r.requesterCode === 'corp-03'), { note: '원자력 설비 영상 검사', session: null });
  t.equal(listRequestViews(db, eventId, 'requested').length, 2);

  const before = rows(handle);
  for (const again of [bytes, exportRequests(db, eventId), exportRequests(db, eventId, 'ko')]) {
    const result = applyImport(db, eventId, again);
    t.same(result.counts, { create: 0, update: 0, unchanged: 12 });
    t.equal(rows(handle), before);
  }
  t.end();
});

t.test('Korean headers and values; missing optional columns keep saved values', (t) => {
  const { db, eventId } = setup(t);
  applyImport(db, eventId, csvFixture('requests.csv'));
  const file = '요청기업코드;대상기업코드;상태\r\nst-01;corp-01;거절\r\nst-06;corp-04;수락\r\n';
  const preview = previewImport(db, eventId, Buffer.from(file));
  t.same(
    preview.changes.map((c) => [c.line, c.action, c.subject, c.changed]),
    [
      [2, 'update', 'st-01 → corp-01', ['status']],
      [3, 'create', 'st-06 → corp-04', []],
    ],
  );
  applyImport(db, eventId, Buffer.from(file));
  const requests = listRequestViews(db, eventId);
  t.match(requests.find((r) => r.requesterCode === 'st-01' && r.requestedCode === 'corp-01'), {
    status: 'declined',
    priority: 2,
  });
  t.match(requests.find((r) => r.requesterCode === 'st-06' && r.requestedCode === 'corp-04'), {
    status: 'accepted',
    priority: 1,
    session: null,
  });
  t.end();
});

t.test('a saved request in the other direction is the same meeting, so the line is refused', (t) => {
  const { db, eventId } = setup(t);
  applyImport(db, eventId, csvFixture('requests.csv'));
  const result = previewImport(db, eventId, Buffer.from('requester_code,requested_code\ncorp-01,st-01\n'));
  t.match(result.problems, [{ line: 2, column: 'requested_code', key: 'organizerData.requests.pairExists', params: { requester: 'st-01', requested: 'corp-01' } }]);
  t.end();
});

t.test('a request line naming an organization the event lacks rejects the whole file', (t) => {
  const { db, handle, eventId } = setup(t);
  const before = rows(handle);
  const result = applyImport(db, eventId, Buffer.from('requester_code,requested_code\nst-01,corp-01\nst-02,CORP-01\n'));
  t.equal(result.applied, false);
  t.match(result.problems, [{ line: 3, column: 'requested_code', params: { value: 'CORP-01' } }]);
  t.equal(rows(handle), before);
  t.equal(listOrganizations(db, eventId).length, 10);
  t.end();
});

t.test('exports start with a BOM, end lines with CRLF and quote what needs quoting', (t) => {
  const { db, eventId } = setup(t);
  applyImport(db, eventId, csvFixture('requests.csv'));
  const bytes = exportRequests(db, eventId, 'ko');
  t.same([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  t.match(text, /^요청기업코드,대상기업코드,우선순위,상태,세션,메모\r\n/);
  t.match(text, /st-03,corp-02,3,accepted,pm,"Hydrogen fuel cell, pilot line"\r\n/);
  t.end();
});

import t, { type Test } from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { listTables } from '../../../src/db/index.js';
import {
  listOrganizations,
  listRepresentatives,
  listUnavailability,
} from '../../../src/db/repositories/organization-repository.js';
import { applyImport, previewImport } from '../../../src/services/csv/import.js';
import { exportParticipants } from '../../../src/services/csv/export.js';
import { createEmptyEvent, csvFixture } from '../../helpers/csv-fixture.js';

function setup(t: Test) {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const event = createEmptyEvent(handle.db);
  return { db: handle.db, handle, event };
}

/** Every row of the tables an import may touch, to prove that nothing changed. */
function dump(handle: ReturnType<typeof openDatabase>): string {
  return ['organizations', 'representatives', 'organization_unavailability', 'tables', 'requests']
    .map((table) => JSON.stringify(handle.sqlite.prepare(`select * from ${table} order by 1, 2`).all()))
    .join('\n');
}

t.test('the Excel-KR participants file (CP949, semicolons, Korean headers) is previewed then imported', (t) => {
  const { db, event } = setup(t);
  const bytes = csvFixture('participants.csv');
  const preview = previewImport(db, event.eventId, bytes);
  t.equal(preview.kind, 'participants');
  t.equal(preview.encoding, 'cp949');
  t.equal(preview.delimiter, ';');
  t.equal(preview.rows, 11);
  t.same(preview.problems, []);
  t.same(preview.counts, { create: 21, update: 0, unchanged: 0 }, '10 organizations and 11 representatives');
  t.equal(listOrganizations(db, event.eventId).length, 0, 'the preview saves nothing');

  const result = applyImport(db, event.eventId, bytes);
  t.equal(result.applied, true);
  const organizations = listOrganizations(db, event.eventId);
  t.equal(organizations.length, 10);
  const hanbit = organizations.find((o) => o.code === 'corp-01');
  t.match(hanbit, { kind: 'corporate', nameKo: '한빛중공업', nameEn: 'Hanbit Heavy Industries', maxMeetings: 12, maxMeetingsPerDay: 8 });
  t.match(organizations.find((o) => o.code === 'st-04'), { nameKo: '하늘드론; 항공촬영', kind: 'startup', maxMeetings: null });
  const representatives = listRepresentatives(db, event.eventId);
  t.equal(representatives.length, 11);
  t.same(
    representatives.filter((r) => r.organizationId === hanbit?.id).map((r) => r.name),
    ['김민준', '이서연'],
  );
  t.match(representatives.find((r) => r.name === 'Daniel Kim'), { language: 'en', email: 'daniel.kim@masanpm.example' });
  const booths = listTables(db, event.eventId);
  t.equal(booths.find((table) => table.label === 'B-1')?.boothOrganizationId, hanbit?.id);
  t.equal(booths.find((table) => table.label === 'A-1')?.boothOrganizationId, null);

  const unavailable = (code: string) => {
    const id = organizations.find((o) => o.code === code)?.id;
    return listUnavailability(db, event.eventId)
      .filter((u) => u.organizationId === id)
      .map((u) => Object.entries(event.slotIdByCode).find(([, slotId]) => slotId === u.slotId)?.[0])
      .sort();
  };
  t.same(unavailable('st-02'), ['d1-01', 'd1-02', 'd1-03', 'd1-04', 'd1-05'], 'd1-am is the morning of day 1');
  t.same(unavailable('corp-02'), ['d2-06', 'd2-07', 'd2-08', 'd2-09', 'd2-10'], 'd2-pm');
  t.equal(unavailable('st-05').length, 10, 'd2 is the whole second day');
  t.same(unavailable('corp-04'), ['d1-01', 'd1-02']);
  t.end();
});

t.test('re-importing the same file, or the exported file, changes nothing', (t) => {
  const { db, handle, event } = setup(t);
  applyImport(db, event.eventId, csvFixture('participants.csv'));
  const before = dump(handle);
  for (const [name, bytes] of [
    ['same file', csvFixture('participants.csv')],
    ['English export', exportParticipants(db, event.eventId, 'en')],
    ['Korean export', exportParticipants(db, event.eventId, 'ko')],
  ] as const) {
    const result = applyImport(db, event.eventId, bytes);
    t.same(result.problems, [], name);
    t.same(result.counts, { create: 0, update: 0, unchanged: 21 }, name);
    t.equal(dump(handle), before, `${name}: not one row or timestamp changed`);
  }
  t.end();
});

t.test('a changed file updates only what differs, and a missing column keeps what is saved', (t) => {
  const { db, event } = setup(t);
  applyImport(db, event.eventId, csvFixture('participants.csv'));
  const file = [
    'code,kind,name_ko,booth,representative_name,email,language,unavailable',
    'corp-01,corporate,한빛중공업,B-2,김민준,MINJUN.KIM@hanbit.example,en,',
    'corp-02,corporate,경남에어로,B-1,박지호,jiho.park@gnaero.example,ko,d2-pm',
    'st-07,startup,새싹랩,,홍길동,,ko,d1-06',
  ].join('\n');
  const preview = previewImport(db, event.eventId, Buffer.from(file));
  t.same(preview.problems, []);
  t.same(
    preview.changes.map((c) => [c.line, c.entity, c.action, c.changed]),
    [
      [2, 'organization', 'update', ['booth']],
      [2, 'representative', 'update', ['email', 'language']],
      [3, 'organization', 'update', ['booth']],
      [3, 'representative', 'unchanged', []],
      [4, 'organization', 'create', []],
      [4, 'representative', 'create', []],
    ],
    'two corporates swap booths; the representative is found by e-mail whatever its case',
  );
  applyImport(db, event.eventId, Buffer.from(file));
  const organizations = listOrganizations(db, event.eventId);
  const id = (code: string) => organizations.find((o) => o.code === code)?.id;
  const booths = listTables(db, event.eventId);
  t.equal(booths.find((b) => b.label === 'B-1')?.boothOrganizationId, id('corp-02'));
  t.equal(booths.find((b) => b.label === 'B-2')?.boothOrganizationId, id('corp-01'));
  t.match(organizations.find((o) => o.code === 'corp-01'), { nameEn: 'Hanbit Heavy Industries', maxMeetings: 12 });
  t.match(organizations.find((o) => o.code === 'st-07'), { nameEn: '새싹랩', sector: '' });
  t.equal(listUnavailability(db, event.eventId).filter((u) => u.organizationId === id('corp-01')).length, 0);
  t.end();
});

t.test('a booth given up on one line can be taken on another', (t) => {
  const { db, event } = setup(t);
  applyImport(db, event.eventId, csvFixture('participants.csv'));
  const result = applyImport(db, event.eventId, Buffer.from('code,kind,name_ko,booth\ncorp-01,corporate,한빛중공업,\nst-01,startup,센서웨이브,B-1\n'));
  t.same(result.problems, []);
  const organizations = listOrganizations(db, event.eventId);
  const holder = listTables(db, event.eventId).find((table) => table.label === 'B-1')?.boothOrganizationId;
  t.equal(organizations.find((o) => o.id === holder)?.code, 'st-01');
  t.notOk(listTables(db, event.eventId).some((table) => table.boothOrganizationId === organizations.find((o) => o.code === 'corp-01')?.id));
  t.end();
});

t.test('one bad line rejects the whole file and saves nothing', (t) => {
  const { db, handle, event } = setup(t);
  applyImport(db, event.eventId, csvFixture('participants.csv'));
  const before = dump(handle);
  const file = [
    'code,kind,name_ko,name_en,representative_name,email',
    'corp-01,corporate,한빛중공업 (개명),Hanbit,,',
    'st-20,startup,새싹랩,Saessak,홍길동,',
    'st-21,startup,온누리,Onnuri,이몽룡,not-an-email',
  ].join('\r\n');
  const result = applyImport(db, event.eventId, Buffer.from(file));
  t.equal(result.applied, false);
  t.same(result.problems, [
    { line: 4, column: 'email', key: 'organizerData.csv.error.badEmail', params: { value: 'not-an-email' } },
  ]);
  t.equal(dump(handle), before);
  t.end();
});

t.test('a file that fails while saving is rolled back', (t) => {
  const { db, handle, event } = setup(t);
  const before = dump(handle);
  handle.sqlite.exec(
    "create trigger refuse_st_02 before insert on organizations when new.code = 'st-02' begin select raise(abort, 'refused'); end",
  );
  t.throws(() => applyImport(db, event.eventId, csvFixture('participants.csv')), /refused/);
  t.equal(dump(handle), before, 'the organizations written before the failure are gone too');
  t.end();
});

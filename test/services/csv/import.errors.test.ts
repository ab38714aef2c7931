// Every class of bad input in a CSV file: the problem names the line (the header is line 1) and the column as
// the file writes it, and nothing is saved.
import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { applyImport } from '../../../src/services/csv/import.js';
import type { CsvKind } from '../../../src/services/csv/problem.js';
import { translate } from '../../../src/i18n/catalog.js';
import { createEmptyEvent, csvFixture } from '../../helpers/csv-fixture.js';

const E = 'organizerData.csv.error.';

const cases: [file: string, line: number, column: string | null, key: string, kind?: CsvKind][] = [
  ['encoding.csv', 3, null, 'encoding'],
  ['empty.csv', 1, null, 'empty'],
  ['missing-column.csv', 1, 'name_ko', 'missingColumn'],
  ['unknown-column.csv', 1, 'fax', 'unknownColumn'],
  ['duplicate-column.csv', 1, '이메일', 'duplicateColumn'],
  ['wrong-kind.csv', 3, 'kind', 'badKind'],
  ['bad-number.csv', 3, 'max_meetings', 'badNumber'],
  ['bad-email.csv', 3, 'email', 'badEmail'],
  ['unknown-language.csv', 3, 'language', 'badLanguage'],
  ['unknown-slot.csv', 3, 'unavailable', 'unknownSlot'],
  ['unknown-booth.csv', 3, 'booth', 'unknownBooth'],
  ['duplicate-code.csv', 3, 'name_ko', 'duplicateCode'],
  ['too-many-columns.csv', 3, null, 'tooManyColumns'],
  ['requests-unknown-organization.csv', 3, 'requester_code', 'unknownOrganization'],
  ['requests-self.csv', 3, 'requested_code', 'selfRequest'],
  ['requests-bad-priority.csv', 3, 'priority', 'badPriority'],
  ['requests-bad-status.csv', 3, 'status', 'badStatus'],
  ['requests-bad-session.csv', 3, 'session', 'badSession'],
  ['requests-duplicate.csv', 4, 'requested_code', 'duplicateRequest'],
  ['requests.csv', 1, null, 'wrongFileKind', 'participants'],
];

function dump(handle: ReturnType<typeof openDatabase>): string {
  return ['organizations', 'representatives', 'organization_unavailability', 'tables', 'requests']
    .map((table) => JSON.stringify(handle.sqlite.prepare(`select * from ${table}`).all()))
    .join('\n');
}

for (const [file, line, column, key, kind] of cases) {
  t.test(`${file}: ${key} on line ${line}`, (t) => {
    const handle = openDatabase(':memory:');
    t.teardown(() => handle.close());
    const event = createEmptyEvent(handle.db);
    applyImport(handle.db, event.eventId, csvFixture('participants.csv'));
    const before = dump(handle);
    const path = file === 'requests.csv' ? file : `broken/${file}`;
    const result = applyImport(handle.db, event.eventId, csvFixture(path), kind);
    t.equal(result.applied, false);
    t.equal(result.problems.length, 1, 'exactly the one problem planted in the file');
    t.match(result.problems[0], { line, column, key: E + key });
    for (const language of ['ko', 'en'] as const) {
      const text = translate(language, E + key, result.problems[0]?.params);
      t.notMatch(text, /\{\w+\}/, `${language} message has every placeholder filled: ${text}`);
    }
    t.equal(dump(handle), before, 'nothing saved');
    t.end();
  });
}

t.test('the two CSV shapes are told apart from the header, Korean or English', (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const event = createEmptyEvent(handle.db);
  const neither = applyImport(handle.db, event.eventId, Buffer.from('foo,bar\n1,2\n'));
  t.match(neither.problems, [{ line: 1, key: E + 'unknownFileKind' }]);
  const headerOnly = applyImport(handle.db, event.eventId, Buffer.from('요청기업코드;대상기업코드\r\n'));
  t.equal(headerOnly.kind, null);
  t.match(headerOnly.problems, [{ line: 2, key: E + 'noRows' }]);
  const unclosed = applyImport(handle.db, event.eventId, Buffer.from('code,kind,name_ko\nst-1,startup,"open\n'));
  t.match(unclosed.problems, [{ key: E + 'quoteNotClosed' }]);
  t.end();
});

t.test('a booth held by an organization the file leaves alone cannot be taken', (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const event = createEmptyEvent(handle.db);
  applyImport(handle.db, event.eventId, csvFixture('participants.csv'));
  const result = applyImport(
    handle.db,
    event.eventId,
    Buffer.from('code,kind,name_ko,booth\ncorp-09,corporate,새기업,B-1\ncorp-10,corporate,또다른기업,A-1\ncorp-11,corporate,셋째기업,a-1\n'),
  );
  t.match(result.problems, [
    { line: 2, column: 'booth', key: E + 'boothTaken', params: { value: 'B-1', code: 'corp-01' } },
    { line: 4, column: 'booth', key: E + 'boothTaken', params: { value: 'A-1', code: 'corp-10' } },
  ]);
  t.end();
});

t.test('cells that need a value, codes and representatives are checked', (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const event = createEmptyEvent(handle.db);
  const result = applyImport(
    handle.db,
    event.eventId,
    Buffer.from(
      [
        'code,kind,name_ko,representative_name,email,phone',
        ',startup,빈코드,,,',
        'st 1,startup,공백코드,,,',
        'st-2,,,,,',
        'st-3,startup,셋,,x@y.example,',
        'st-4,startup,넷,김,k@y.example,',
        'st-4,,,김철수,K@Y.example,',
        'st-5,startup,다섯,,,010',
      ].join('\n'),
    ),
  );
  t.same(
    result.problems.map((p) => [p.line, p.column, p.key.replace(E, '')]),
    [
      [2, 'code', 'missingValue'],
      [3, 'code', 'badCode'],
      [4, 'kind', 'missingValue'],
      [4, 'name_ko', 'missingValue'],
      [5, 'representative_name', 'missingValue'],
      [7, 'email', 'duplicateRepresentative'],
      [8, 'representative_name', 'missingValue'],
    ],
  );
  t.end();
});

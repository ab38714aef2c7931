import t from 'tap';
import iconv from 'iconv-lite';
import { decodeCsv } from '../../../src/services/csv/decode.js';
import { detectDelimiter, readTable } from '../../../src/services/csv/table.js';

const text = '코드,기업명\nst-01,센서웨이브\n';

t.test('UTF-8 with and without a BOM, CP949 and UTF-16 all read the same text', (t) => {
  const cases: [Buffer, string][] = [
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom'],
    [Buffer.from(text), 'utf-8'],
    [iconv.encode(text, 'cp949'), 'cp949'],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16'],
  ];
  for (const [bytes, encoding] of cases) {
    const decoded = decodeCsv(bytes);
    t.same(decoded, { ok: true, text, encoding }, encoding);
  }
  t.end();
});

t.test('bytes that are no text name the first bad line', (t) => {
  const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0x80, 0xff, 0xff]), Buffer.from('\n')]);
  t.same(decodeCsv(bytes), { ok: false, problem: { line: 3, column: null, key: 'organizerData.csv.error.encoding', params: {} } });
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\n'), Buffer.from([0xc3, 0x28])]);
  t.match(decodeCsv(withBom), { ok: false, problem: { line: 2, key: 'organizerData.csv.error.encoding' } });
  t.end();
});

t.test('an empty file and an Excel workbook are refused with their own message', (t) => {
  t.match(decodeCsv(Buffer.alloc(0)), { ok: false, problem: { key: 'organizerData.csv.error.empty' } });
  t.match(decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])), { ok: false, problem: { key: 'organizerData.csv.error.empty' } });
  t.match(decodeCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), {
    ok: false,
    problem: { key: 'organizerData.csv.error.spreadsheet' },
  });
  t.end();
});

t.test('the delimiter is the one the header line uses outside quotes', (t) => {
  t.equal(detectDelimiter('a;b;c\n1,5;2;3'), ';');
  t.equal(detectDelimiter('"x;y",b,c\n'), ',');
  t.equal(detectDelimiter('a\tb\n'), '\t');
  t.equal(detectDelimiter('\n\nsingle\n'), ',');
  t.end();
});

t.test('rows keep the line they start on, blank lines and Excel padding rows are skipped', (t) => {
  const result = readTable('a;b\r\n1;"two\r\nlines"\r\n\r\n;\r\n 3 ; 4 \r\n');
  t.ok(result.ok);
  if (!result.ok) return t.end();
  t.same(result.table.header, ['a', 'b']);
  t.same(
    result.table.rows.map((row) => [row.line, ...row.cells]),
    [
      [2, '1', 'two\nlines'],
      [6, '3', '4'],
    ],
  );
  t.end();
});

t.test('an unclosed quote is reported', (t) => {
  t.match(readTable('a,b\n1,"open\n2,3\n'), { ok: false, problem: { key: 'organizerData.csv.error.quoteNotClosed' } });
  t.end();
});

import t from 'tap';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputFileError, readJsonFile } from '../../src/cli/read-json-file.js';
import { translator } from '../../src/i18n/catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'meetgrid-read-json-'));
const en = translator('en');

t.test('reads JSON, with or without a byte-order mark', async (t) => {
  const plain = join(dir, 'plain.json');
  writeFileSync(plain, '{"a": 1}');
  t.same(await readJsonFile(plain, en), { a: 1 });
  const bom = join(dir, 'bom.json');
  writeFileSync(bom, '\ufeff[1, 2]');
  t.same(await readJsonFile(bom, en), [1, 2], 'the mark Windows editors add is dropped');
});

t.test('every failure is one message naming the file', async (t) => {
  const missing = join(dir, 'missing.json');
  await t.rejects(readJsonFile(missing, en), InputFileError);
  await t.rejects(readJsonFile(missing, en), { message: new RegExp(missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{\n  "a": 1,\n  oops\n}');
  const error = await readJsonFile(bad, en).then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(error instanceof InputFileError, 'bad JSON is an input error too');
  t.match((error as Error).message, /bad\.json/, 'named by its file');
  await t.rejects(readJsonFile(dir, en), InputFileError, 'a folder is unreadable, not a crash');
});

import t from 'tap';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, DatabaseOpenError } from '../../src/db/client.js';

t.test('migrates an empty in-memory database', (t) => {
  const handle = openDatabase(':memory:');
  const tables = handle.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' and name not like 'sqlite%'")
    .all() as { name: string }[];
  t.ok(tables.some((row) => row.name === 'events'));
  t.ok(tables.some((row) => row.name === 'meetings'));
  t.equal(handle.sqlite.pragma('foreign_keys', { simple: true }), 1);
  handle.close();
  t.end();
});

t.test('a file database uses WAL and can be reopened', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'nested', 'm.sqlite');
  const first = openDatabase(path);
  t.equal(first.sqlite.pragma('journal_mode', { simple: true }), 'wal');
  first.close();
  const second = openDatabase(path);
  second.close();
  t.end();
});

t.test('a corrupt file is refused with a one-line message', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'bad.sqlite');
  writeFileSync(path, 'this is not a database, just some text that is long enough to matter'.repeat(100));
  t.throws(() => openDatabase(path), DatabaseOpenError);
  try {
    openDatabase(path);
  } catch (error) {
    t.match((error as Error).message, /not a SQLite database/);
    t.notMatch((error as Error).message, /\n/);
  }
  t.end();
});

t.test('a folder given as the database path is refused', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.throws(() => openDatabase(dir), /is a folder/);
  t.end();
});

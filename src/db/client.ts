// Opens the SQLite file, sets WAL and foreign keys, and brings the schema up to date before anything else runs.
import { mkdirSync, accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  readonly db: Db;
  readonly sqlite: Database.Database;
  readonly path: string;
  /** Resolves once the database answered a trivial query; rejects when it does not. */
  ping(): Promise<void>;
  close(): void;
}

/** A problem with the database file that the user can act on; the message is one line. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

// src/db/client.ts and dist/db/client.js both sit two folders below the project root.
export const MIGRATIONS_FOLDER = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'db',
  'migrations',
);

export const DEFAULT_DB_PATH = 'data/meetgrid.sqlite';

/** Opens (creating if needed) and migrates a database. `:memory:` gives a private in-memory one. */
export function openDatabase(path: string = DEFAULT_DB_PATH): DbHandle {
  const inMemory = path === ':memory:';
  if (!inMemory) prepareFolder(path);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Fails early and clearly on a file that is not a database.
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    throw new DatabaseOpenError(`cannot open database ${path}: ${describe(error)}`);
  }
  const db = drizzle(sqlite, { schema });
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    sqlite.close();
    throw new DatabaseOpenError(`cannot migrate database ${path}: ${describe(error)}`);
  }
  return {
    db,
    sqlite,
    path,
    ping: async () => {
      sqlite.prepare('select 1').get();
    },
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

function prepareFolder(path: string): void {
  const folder = dirname(resolve(path));
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new DatabaseOpenError(`cannot open database ${path}: it is a folder, not a file`);
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new DatabaseOpenError(`cannot create the data folder ${folder}: ${describe(error)}`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new DatabaseOpenError(`the data folder ${folder} is not writable`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database (corrupt or another format)';
    if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened';
    return error.message.split('\n')[0] ?? String(error);
  }
  return String(error);
}

// Statements the hot paths prepare once per database and reuse: building a drizzle query costs more than running it.
import type { Db } from '../client.js';

export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let built = byDb.get(db);
    if (built === undefined) {
      built = build(db);
      byDb.set(db, built);
    }
    return built;
  };
}

// CSV fixture files, and an event with days, slots, rooms and tables but no participants yet, to import into.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/db/client.js';
import { deleteOrganization } from '../../src/db/repositories/organization-repository.js';
import { createSmallEvent, type SmallEvent } from './event-fixture.js';

export const CSV_FIXTURES = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));

/** The bytes of test/fixtures/csv/<name>, e.g. 'participants.csv' or 'broken/bad-email.csv'. */
export function csvFixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
}

/**
 * Two days of slots d1-01…d1-10 and d2-01…d2-10 (am: 01–05, pm: 06–10), booth tables B-1…B-4 and shared tables
 * and no organizations or requests.
 */
export function createEmptyEvent(db: Db, slug = 'import-event'): SmallEvent {
  const event = createSmallEvent(db, { slug, days: 2 });
  db.transaction(() => {
    for (const id of [...event.corporateIds, ...event.startupIds]) deleteOrganization(db, id);
  });
  return event;
}

// A published small event with its staff links, in a running test app whose clock the test sets.
import type { VersionMeeting } from '../../src/db/repositories/schedule-repository.js';
import type { CheckInAction } from '../../src/services/staff/check-ins.js';
import { ensureStaffLinks, type StaffLink } from '../../src/services/links/access-links.js';
import { createPublishedEvent, type PublishedEvent } from './published-event.js';
import { createTestApp, type TestApp } from './web-app.js';

export interface StaffFixture {
  readonly testApp: TestApp;
  readonly event: PublishedEvent;
  /** Event-wide link first, then one per room (booth hall, meeting room). */
  readonly links: readonly StaffLink[];
  /** The instant the app's clock reads; tests move it. */
  clock: Date;
}

/** `at` is a Seoul wall-clock time on the event's first day (2025-06-10), e.g. '10:05'. */
export function seoulTime(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+09:00`);
}

export async function createStaffFixture(options: { days?: 1 | 2; at?: string } = {}): Promise<StaffFixture> {
  const fixture = { clock: seoulTime('2025-06-10', options.at ?? '10:05') } as { clock: Date };
  const testApp = await createTestApp({ now: () => fixture.clock });
  const event = createPublishedEvent(testApp.handle.db, { days: options.days ?? 1 });
  const links = ensureStaffLinks(testApp.handle.db, event.eventId, 'http://localhost:3000');
  return Object.assign(fixture, { testApp, event, links });
}

export function pathOf(link: StaffLink): string {
  return new URL(link.url).pathname;
}

/** A meeting's held / no-show action as staff would send it, taken from its row in the version. */
export function outcomeFor(kind: 'held' | 'no_show', meeting: VersionMeeting): CheckInAction {
  return {
    kind,
    meetingId: meeting.id,
    versionId: meeting.versionId,
    slotId: meeting.slotId,
    tableId: meeting.tableId,
    date: meeting.date,
    roomId: meeting.roomId,
  };
}

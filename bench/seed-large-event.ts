// A large generated event for the web benchmarks: by default 1,000 corporates and 4,000 startups (5,000
// participants, one representative each), two days of 16 slots, a booth per corporate, each startup meeting seven
// corporates (28,000 meetings placed greedily), published, with calendar entries and an agenda link for everyone.
import type { Db } from '../src/db/index.js';
import {
  eventDays,
  events,
  meetings,
  organizations,
  representatives,
  requests,
  rooms,
  scheduleVersions,
  slots,
  tables,
} from '../src/db/index.js';
import { syncCalendarEntries } from '../src/services/calendar/index.js';
import { ensureParticipantLinks } from '../src/services/links/index.js';

export interface LargeEventOptions {
  readonly slug?: string;
  readonly corporates?: number;
  readonly startups?: number;
  readonly meetingsPerStartup?: number;
  readonly publicUrl?: string;
}

export interface LargeEvent {
  readonly eventId: number;
  readonly slug: string;
  readonly participants: number;
  readonly meetings: number;
  /** Every representative's agenda token. */
  readonly tokens: readonly string[];
}

const DATES = ['2025-05-28', '2025-05-29'] as const;
const SLOTS_PER_DAY = 16;
const BOOTHS_PER_HALL = 100;
const CHUNK = 500;

function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => void): void {
  for (let start = 0; start < rows.length; start += CHUNK) insert(rows.slice(start, start + CHUNK));
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function seedLargeEvent(db: Db, options: LargeEventOptions = {}): LargeEvent {
  const slug = options.slug ?? 'bench-large';
  const corporateCount = options.corporates ?? 1000;
  const startupCount = options.startups ?? 4000;
  const perStartup = options.meetingsPerStartup ?? 7;
  const seeded = db.transaction(() => {
    const eventId = db
      .insert(events)
      .values({ slug, nameKo: '대규모 벤치마크 행사', nameEn: 'Large benchmark event', venue: 'Changwon Convention Center' })
      .returning({ id: events.id })
      .get().id;
    const slotIds: number[] = [];
    DATES.forEach((date, dayIndex) => {
      const dayId = db
        .insert(eventDays)
        .values({ eventId, date, startTime: '09:00', endTime: '16:00' })
        .returning({ id: eventDays.id })
        .get().id;
      for (let position = 1; position <= SLOTS_PER_DAY; position++) {
        const start = 9 * 60 + (position - 1) * 25;
        slotIds.push(
          db
            .insert(slots)
            .values({
              eventId,
              dayId,
              code: `d${dayIndex + 1}-${String(position).padStart(2, '0')}`,
              position,
              startTime: clock(start),
              endTime: clock(start + 20),
              session: start < 12 * 60 ? 'am' : 'pm',
            })
            .returning({ id: slots.id })
            .get().id,
        );
      }
    });
    const organizationRows = [
      ...Array.from({ length: corporateCount }, (_, i) => ({
        eventId,
        code: `corp-${i + 1}`,
        kind: 'corporate' as const,
        nameKo: `기업 ${i + 1}`,
        nameEn: `Corporate ${i + 1}`,
        sector: ['shipbuilding', 'aerospace', 'energy', 'machinery'][i % 4]!,
      })),
      ...Array.from({ length: startupCount }, (_, i) => ({
        eventId,
        code: `st-${i + 1}`,
        kind: 'startup' as const,
        nameKo: `스타트업 ${i + 1}`,
        nameEn: `Startup ${i + 1}`,
        sector: ['ai', 'robotics', 'sensors', 'materials', 'data'][i % 5]!,
      })),
    ];
    const organizationIds: number[] = [];
    insertChunked(organizationRows, (chunk) => {
      for (const row of db.insert(organizations).values(chunk).returning({ id: organizations.id }).all()) {
        organizationIds.push(row.id);
      }
    });
    insertChunked(
      organizationIds.map((organizationId, i) => ({
        organizationId,
        name: i < corporateCount ? `기업 담당자 ${i + 1}` : `Founder ${i + 1}`,
        email: `rep${i + 1}@bench.example`,
        language: i % 3 === 0 ? ('en' as const) : ('ko' as const),
      })),
      (chunk) => db.insert(representatives).values(chunk).run(),
    );
    const tableIds: number[] = [];
    const halls = Math.ceil(corporateCount / BOOTHS_PER_HALL);
    for (let hall = 0; hall < halls; hall++) {
      const roomId = db
        .insert(rooms)
        .values({ eventId, nameKo: `전시홀 ${hall + 1}`, nameEn: `Hall ${hall + 1}`, position: hall + 1 })
        .returning({ id: rooms.id })
        .get().id;
      const booths = Math.min(BOOTHS_PER_HALL, corporateCount - hall * BOOTHS_PER_HALL);
      for (let b = 0; b < booths; b++) {
        const corporate = hall * BOOTHS_PER_HALL + b;
        tableIds.push(
          db
            .insert(tables)
            .values({
              eventId,
              roomId,
              label: `H${hall + 1}-${b + 1}`,
              position: b + 1,
              boothOrganizationId: organizationIds[corporate]!,
            })
            .returning({ id: tables.id })
            .get().id,
        );
      }
    }
    // Startup s meets corporates spread evenly over the list, so every corporate gets the same load.
    const pairs: { startup: number; corporate: number }[] = [];
    const stride = Math.floor(corporateCount / perStartup);
    for (let s = 0; s < startupCount; s++) {
      for (let j = 0; j < perStartup; j++) pairs.push({ startup: s, corporate: (s + j * stride) % corporateCount });
    }
    const requestIds: number[] = [];
    insertChunked(pairs, (chunk) => {
      const rows = chunk.map((pair) => ({
        eventId,
        requesterId: organizationIds[corporateCount + pair.startup]!,
        requestedId: organizationIds[pair.corporate]!,
        status: 'accepted' as const,
      }));
      for (const row of db.insert(requests).values(rows).returning({ id: requests.id }).all()) requestIds.push(row.id);
    });
    const versionId = db
      .insert(scheduleVersions)
      .values({ eventId, number: 1, status: 'published', publishedAt: new Date(Date.UTC(2025, 4, 20)) })
      .returning({ id: scheduleVersions.id })
      .get().id;
    const busy = new Set<string>();
    const placed: { versionId: number; requestId: number; slotId: number; tableId: number }[] = [];
    pairs.forEach((pair, index) => {
      const startupKey = `s${pair.startup}`;
      const corporateKey = `c${pair.corporate}`;
      const slotId = slotIds.find((slot) => !busy.has(`${startupKey}:${slot}`) && !busy.has(`${corporateKey}:${slot}`));
      if (slotId === undefined) return;
      busy.add(`${startupKey}:${slotId}`);
      busy.add(`${corporateKey}:${slotId}`);
      placed.push({ versionId, requestId: requestIds[index]!, slotId, tableId: tableIds[pair.corporate]! });
    });
    insertChunked(placed, (chunk) => db.insert(meetings).values(chunk).run());
    return { eventId, versionId, meetings: placed.length };
  });
  syncCalendarEntries(db, seeded.eventId, seeded.versionId);
  const links = ensureParticipantLinks(db, seeded.eventId, options.publicUrl ?? 'http://127.0.0.1:3000');
  return {
    eventId: seeded.eventId,
    slug,
    participants: corporateCount + startupCount,
    meetings: seeded.meetings,
    tokens: links.map((link) => link.token),
  };
}

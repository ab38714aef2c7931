// Seeds the GSAT 2025 demo event into an empty database, or rebuilds it on request. Deterministic: the same rows
// (names, requests, priorities, statuses) every time, in one transaction.
import type { Db } from '../../db/index.js';
import {
  addDay,
  createEvent,
  createRoom,
  createTable,
  deleteEvent,
  eventFigures,
  getEventBySlug,
  hasAnyEvent,
  insertOrganization as insertOrganizationRow,
  insertRepresentative,
  insertRequest,
  listSlots,
  listTables,
  replaceUnavailability,
  setTableUnavailability,
  type EventFigures,
  type Language,
} from '../../db/index.js';
import {
  CORPORATE_TITLES,
  DEMO_AWAY,
  DEMO_CLOSED_TABLES,
  DEMO_CORPORATES,
  DEMO_DAYS,
  DEMO_DECLINED,
  DEMO_EVENT,
  DEMO_PENDING,
  DEMO_ROOMS,
  DEMO_SESSIONS,
  DEMO_SLUG,
  DEMO_STARTUPS,
  ENGLISH_NAMES,
  KOREAN_GIVEN_NAMES,
  KOREAN_SURNAMES,
  STARTUP_TITLES,
  type DemoOrganization,
} from './demo-event-data.js';

export { DEMO_SLUG };

export interface DemoSummary extends EventFigures {
  readonly eventId: number;
}

/** Seeds the demo only when the database holds no event at all. */
export function ensureDemoEvent(db: Db): { created: boolean; slug: string } {
  // IMMEDIATE: two processes starting on the same empty file must not both seed it.
  return db.transaction(
    () => {
      if (hasAnyEvent(db)) return { created: false, slug: DEMO_SLUG };
      buildDemoEvent(db);
      return { created: true, slug: DEMO_SLUG };
    },
    { behavior: 'immediate' },
  );
}

/** Deletes the demo event and everything in it (schedules, check-ins, links), and builds it again. */
export function resetDemoEvent(db: Db): DemoSummary {
  return db.transaction(
    () => {
      const existing = getEventBySlug(db, DEMO_SLUG);
      if (existing) deleteEvent(db, existing.id);
      return summarize(db, buildDemoEvent(db));
    },
    { behavior: 'immediate' },
  );
}

/** The demo event's figures, or null when there is none. */
export function describeDemoEvent(db: Db): DemoSummary | null {
  const event = getEventBySlug(db, DEMO_SLUG);
  return event ? summarize(db, event.id) : null;
}

function buildDemoEvent(db: Db): number {
  const event = createEvent(db, DEMO_EVENT);
  for (const day of DEMO_DAYS) addDay(db, event.id, day);
  const slots = listSlots(db, event.id);
  const slotIdsAt = (date: string, session?: 'am' | 'pm') =>
    slots.filter((slot) => slot.date === date && (!session || slot.session === session)).map((slot) => slot.id);

  const people = new NameBook();
  const idByCode = new Map<string, number>();
  const insertOrganization = (
    organization: DemoOrganization,
    kind: 'corporate' | 'startup',
    titles: readonly (readonly [string, string])[],
    maxMeetingsPerDay?: number,
  ) => {
    const id = insertOrganizationRow(db, event.id, organization.code, {
      kind,
      nameKo: organization.nameKo,
      nameEn: organization.nameEn,
      sector: `${organization.sectorKo} · ${organization.sectorEn}`,
      description: `${organization.descriptionKo} · ${organization.descriptionEn}`,
      maxMeetings: null,
      maxMeetingsPerDay: maxMeetingsPerDay ?? null,
    });
    idByCode.set(organization.code, id);
    for (let index = 0; index < organization.representatives; index += 1) {
      // English speakers are the last ones of the team.
      const language: Language =
        index >= organization.representatives - organization.englishSpeakers ? 'en' : 'ko';
      const person = people.next(language, organization.domain);
      const title = titles[index % titles.length]!;
      insertRepresentative(db, id, {
        name: person.name,
        email: person.email,
        phone: '',
        title: language === 'ko' ? title[0] : title[1],
        language,
      });
    }
  };
  for (const corporate of DEMO_CORPORATES) {
    insertOrganization(corporate, 'corporate', CORPORATE_TITLES, corporate.maxMeetingsPerDay);
  }
  for (const startup of DEMO_STARTUPS) insertOrganization(startup, 'startup', STARTUP_TITLES);
  const organizationId = (code: string) => {
    const id = idByCode.get(code);
    if (id === undefined) throw new Error(`demo data names an unknown organization ${code}`);
    return id;
  };

  DEMO_ROOMS.forEach((room, roomIndex) => {
    const roomId = createRoom(db, event.id, { nameKo: room.nameKo, nameEn: room.nameEn, position: roomIndex + 1 }).id;
    for (let n = 1; n <= room.tables; n += 1) {
      const corporate = room.booths ? DEMO_CORPORATES[n - 1] : undefined;
      createTable(db, event.id, {
        roomId,
        label: room.booths ? `${room.prefix}-${String(n).padStart(2, '0')}` : `${room.prefix}-${n}`,
        position: roomIndex * 100 + n,
        boothOrganizationId: corporate ? organizationId(corporate.code) : null,
      });
    }
  });
  const closed = slotIdsAt(DEMO_CLOSED_TABLES.date, DEMO_CLOSED_TABLES.session);
  for (const table of listTables(db, event.id).filter((row) => row.label.startsWith(`${DEMO_CLOSED_TABLES.prefix}-`))) {
    setTableUnavailability(db, table.id, closed);
  }

  for (const { code, away } of DEMO_AWAY) {
    replaceUnavailability(db, organizationId(code), away.flatMap((window) => slotIdsAt(window.date, window.session)));
  }

  for (const request of demoRequests()) {
    insertRequest(db, event.id, organizationId(request.requester), organizationId(request.requested), {
      priority: request.priority,
      status: request.status,
      session: request.session,
      note: request.note,
    });
  }
  return event.id;
}

export interface DemoRequest {
  readonly requester: string;
  readonly requested: string;
  readonly priority: number;
  readonly status: 'requested' | 'accepted' | 'declined';
  readonly session: 'am' | 'pm' | null;
  readonly note: string;
}

const MUTUAL_NOTE = '상호 관심 · Mutual interest';

/**
 * Startups ask for the corporates they want (first choice priority 3, second 2, others 1); corporates invite
 * startups (priority 2). When both sides asked for each other there is one request, priority 3, marked mutual.
 */
export function demoRequests(): DemoRequest[] {
  const list: { requester: string; requested: string; priority: number; note: string }[] = [];
  for (const startup of DEMO_STARTUPS) {
    startup.wants.forEach((corporate, rank) => {
      list.push({ requester: startup.code, requested: corporate, priority: Math.max(1, 3 - rank), note: '' });
    });
  }
  for (const corporate of DEMO_CORPORATES) {
    for (const startup of corporate.invites) {
      const mutual = list.find((row) => row.requester === startup && row.requested === corporate.code);
      if (mutual) {
        mutual.priority = 3;
        mutual.note = MUTUAL_NOTE;
      } else {
        list.push({ requester: corporate.code, requested: startup, priority: 2, note: '' });
      }
    }
  }
  const find = (pair: readonly [string, string]) => {
    const row = list.find((request) => request.requester === pair[0] && request.requested === pair[1]);
    if (!row) throw new Error(`demo data names a request that does not exist: ${pair[0]} → ${pair[1]}`);
    return row;
  };
  const declined = new Set(DEMO_DECLINED.map(find));
  const pending = new Set(DEMO_PENDING.map(find));
  const sessions = new Map(DEMO_SESSIONS.map((entry) => [find(entry.pair), entry]));
  return list.map((row) => {
    const session = sessions.get(row);
    return {
      requester: row.requester,
      requested: row.requested,
      priority: row.priority,
      status: declined.has(row) ? 'declined' : pending.has(row) ? 'requested' : 'accepted',
      session: session?.session ?? null,
      note: session ? `${session.noteKo} · ${session.noteEn}` : row.note,
    };
  });
}

/** Hands out distinct invented names, in order, with an address at the organization's example.com domain. */
class NameBook {
  private korean = 0;
  private english = 0;

  next(language: Language, domain: string): { name: string; email: string } {
    if (language === 'en') {
      const name = ENGLISH_NAMES[this.english % ENGLISH_NAMES.length]!;
      this.english += 1;
      return { name, email: `${name.toLowerCase().replace(' ', '.')}@${domain}.example.com` };
    }
    // 20 surnames × 24 given names, stepping the given name by 5: distinct for the first 120 people.
    const index = this.korean;
    this.korean += 1;
    const [surnameKo, surnameEn] = KOREAN_SURNAMES[index % KOREAN_SURNAMES.length]!;
    const [givenKo, givenEn] = KOREAN_GIVEN_NAMES[(index * 5) % KOREAN_GIVEN_NAMES.length]!;
    return { name: `${surnameKo}${givenKo}`, email: `${givenEn}.${surnameEn.toLowerCase()}@${domain}.example.com` };
  }
}

function summarize(db: Db, eventId: number): DemoSummary {
  return { eventId, ...eventFigures(db, eventId) };
}

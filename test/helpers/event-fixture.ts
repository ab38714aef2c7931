// A small, deterministic event for tests: 1 or 2 days of 10 slots (lunch 12:00–13:00), a booth hall with one
// booth per corporate and a meeting room with two shared tables, 4 corporates and 8 startups, 16 accepted
// requests (each startup with two corporates, each corporate with four startups), one pending (corp-01 → st-03)
// and one declined (st-08 → corp-03).
import type { Db } from '../../src/db/client.js';
import {
  dayBreaks,
  eventDays,
  events,
  organizationUnavailability,
  organizations,
  representatives,
  requests,
  rooms,
  slots,
  tables,
} from '../../src/db/schema/index.js';
import { generateSlots, slotCode } from '../../src/domain/slot-pattern.js';

export interface SmallEventOptions {
  /** Default 'small-event'; give another to put two events in one database. */
  readonly slug?: string;
  /** 1 (default) or 2 days, from `firstDate` on. */
  readonly days?: 1 | 2;
  /** Default '2025-06-10'. */
  readonly firstDate?: string;
  readonly meetingMinutes?: number;
  readonly bufferMinutes?: number;
}

export interface SmallEvent {
  readonly eventId: number;
  readonly slug: string;
  readonly dayIds: readonly number[];
  readonly dates: readonly string[];
  /** All slots in chronological order, then per day. */
  readonly slotIds: readonly number[];
  readonly slotIdsByDay: readonly (readonly number[])[];
  /** Slot id by code ('d1-01', …). */
  readonly slotIdByCode: Readonly<Record<string, number>>;
  /** [booth hall, meeting room]. */
  readonly roomIds: readonly [number, number];
  /** Booth tables B-1..B-4 (B-n belongs to corporate n), then shared tables. */
  readonly tableIds: readonly number[];
  readonly boothTableIds: readonly number[];
  readonly sharedTableIds: readonly number[];
  /** corp-01..corp-04. */
  readonly corporateIds: readonly number[];
  /** st-01..st-08. */
  readonly startupIds: readonly number[];
  readonly organizationIdByCode: Readonly<Record<string, number>>;
  /** Two per corporate, one per startup; st-08's representative reads English. */
  readonly representativeIds: readonly number[];
  readonly representativeIdsByOrganization: Readonly<Record<number, readonly number[]>>;
  readonly acceptedRequestIds: readonly number[];
  readonly pendingRequestIds: readonly number[];
  readonly declinedRequestIds: readonly number[];
}

const CORPORATES = [
  { ko: '가온중공업', en: 'Gaon Heavy Industries', sector: 'shipbuilding' },
  { ko: '누리항공', en: 'Nuri Aviation', sector: 'aerospace' },
  { ko: '다솜원자력', en: 'Dasom Nuclear', sector: 'nuclear' },
  { ko: '라온기계', en: 'Raon Machinery', sector: 'machinery' },
] as const;

const STARTUPS = [
  { ko: '마루센서', en: 'Maru Sensor', sector: 'sensors' },
  { ko: '바름로봇', en: 'Bareum Robotics', sector: 'robotics' },
  { ko: '새봄에너지', en: 'Saebom Energy', sector: 'energy' },
  { ko: '아라드론', en: 'Ara Drone', sector: 'drones' },
  { ko: '자람소재', en: 'Jaram Materials', sector: 'materials' },
  { ko: '차오름AI', en: 'Chaoreum AI', sector: 'ai' },
  { ko: '타래데이터', en: 'Tarae Data', sector: 'data' },
  { ko: '하람비전', en: 'Haram Vision', sector: 'vision' },
] as const;

/** Builds the event in one transaction and returns every id a test may need. */
export function createSmallEvent(db: Db, options: SmallEventOptions = {}): SmallEvent {
  const slug = options.slug ?? 'small-event';
  const dayCount = options.days ?? 1;
  const firstDate = options.firstDate ?? '2025-06-10';
  const meetingMinutes = options.meetingMinutes ?? 20;
  const bufferMinutes = options.bufferMinutes ?? 5;
  const dates = Array.from({ length: dayCount }, (_, index) => addDays(firstDate, index));

  return db.transaction((tx) => {
    const event = tx
      .insert(events)
      .values({
        slug,
        nameKo: '소규모 테스트 행사',
        nameEn: 'Small test event',
        venue: 'Test Hall',
        meetingMinutes,
        bufferMinutes,
      })
      .returning({ id: events.id })
      .get();

    const dayIds: number[] = [];
    const slotIdsByDay: number[][] = [];
    const slotIdByCode: Record<string, number> = {};
    dates.forEach((date, index) => {
      const day = tx
        .insert(eventDays)
        .values({ eventId: event.id, date, startTime: '10:00', endTime: '15:00', afternoonFrom: '12:00' })
        .returning({ id: eventDays.id })
        .get();
      dayIds.push(day.id);
      tx.insert(dayBreaks)
        .values({ dayId: day.id, nameKo: '점심', nameEn: 'Lunch', startTime: '12:00', endTime: '13:00' })
        .run();
      const pattern = generateSlots({
        startTime: '10:00',
        endTime: '15:00',
        meetingMinutes,
        bufferMinutes,
        afternoonFrom: '12:00',
        breaks: [{ startTime: '12:00', endTime: '13:00' }],
      });
      const ids = pattern.map((slot) => {
        const code = slotCode(index + 1, slot.position);
        const row = tx
          .insert(slots)
          .values({ eventId: event.id, dayId: day.id, code, ...slot })
          .returning({ id: slots.id })
          .get();
        slotIdByCode[code] = row.id;
        return row.id;
      });
      slotIdsByDay.push(ids);
    });

    const boothHall = tx
      .insert(rooms)
      .values({ eventId: event.id, nameKo: '부스 홀', nameEn: 'Booth Hall', position: 1 })
      .returning({ id: rooms.id })
      .get();
    const meetingRoom = tx
      .insert(rooms)
      .values({ eventId: event.id, nameKo: '제1회의실', nameEn: 'Meeting Room 1', position: 2 })
      .returning({ id: rooms.id })
      .get();

    const organizationIdByCode: Record<string, number> = {};
    const representativeIdsByOrganization: Record<number, number[]> = {};
    const representativeIds: number[] = [];
    const addOrganization = (
      code: string,
      kind: 'corporate' | 'startup',
      names: { ko: string; en: string; sector: string },
      people: readonly { name: string; email: string; language: 'ko' | 'en' }[],
    ): number => {
      const row = tx
        .insert(organizations)
        .values({ eventId: event.id, code, kind, nameKo: names.ko, nameEn: names.en, sector: names.sector })
        .returning({ id: organizations.id })
        .get();
      organizationIdByCode[code] = row.id;
      representativeIdsByOrganization[row.id] = people.map((person) => {
        const rep = tx
          .insert(representatives)
          .values({ organizationId: row.id, ...person })
          .returning({ id: representatives.id })
          .get();
        representativeIds.push(rep.id);
        return rep.id;
      });
      return row.id;
    };

    const corporateIds = CORPORATES.map((names, index) => {
      const n = index + 1;
      return addOrganization(`corp-0${n}`, 'corporate', names, [
        { name: `기업${n} 담당자A`, email: `corp${n}.a@example.com`, language: 'ko' },
        { name: `기업${n} 담당자B`, email: `corp${n}.b@example.com`, language: 'ko' },
      ]);
    });
    const startupIds = STARTUPS.map((names, index) => {
      const n = index + 1;
      const language = n === 8 ? 'en' : 'ko';
      return addOrganization(`st-0${n}`, 'startup', names, [
        { name: language === 'en' ? `Startup ${n} Lead` : `스타트업${n} 대표`, email: `st${n}@example.com`, language },
      ]);
    });

    const boothTableIds = corporateIds.map((organizationId, index) =>
      tx
        .insert(tables)
        .values({
          eventId: event.id,
          roomId: boothHall.id,
          label: `B-${index + 1}`,
          position: index + 1,
          boothOrganizationId: organizationId,
        })
        .returning({ id: tables.id })
        .get().id,
    );
    const sharedTableIds = [1, 2].map(
      (n) =>
        tx
          .insert(tables)
          .values({ eventId: event.id, roomId: meetingRoom.id, label: `A-${n}`, position: n })
          .returning({ id: tables.id })
          .get().id,
    );

    const addRequest = (
      requesterId: number,
      requestedId: number,
      status: 'accepted' | 'requested' | 'declined',
      priority: number,
    ): number =>
      tx
        .insert(requests)
        .values({ eventId: event.id, requesterId, requestedId, status, priority })
        .returning({ id: requests.id })
        .get().id;

    // Startup i meets corporates i mod 4 and (i + 1) mod 4: every corporate gets four meetings.
    const acceptedRequestIds = startupIds.flatMap((startupId, index) => [
      addRequest(startupId, corporateIds[index % 4]!, 'accepted', 2),
      addRequest(startupId, corporateIds[(index + 1) % 4]!, 'accepted', 1),
    ]);
    const pendingRequestIds = [addRequest(corporateIds[0]!, startupIds[2]!, 'requested', 1)];
    const declinedRequestIds = [addRequest(startupIds[7]!, corporateIds[2]!, 'declined', 1)];

    return {
      eventId: event.id,
      slug,
      dayIds,
      dates,
      slotIds: slotIdsByDay.flat(),
      slotIdsByDay,
      slotIdByCode,
      roomIds: [boothHall.id, meetingRoom.id] as const,
      tableIds: [...boothTableIds, ...sharedTableIds],
      boothTableIds,
      sharedTableIds,
      corporateIds,
      startupIds,
      organizationIdByCode,
      representativeIds,
      representativeIdsByOrganization,
      acceptedRequestIds,
      pendingRequestIds,
      declinedRequestIds,
    };
  });
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/**
 * Makes the small event's first accepted request (st-01 → corp-01) impossible: st-01 is away in the morning of day 1
 * and corp-01 in its afternoon, so the engine explains it as NO_COMMON_SLOT.
 */
export function keepFirstPairApart(db: Db, fixture: SmallEvent): void {
  const away = (code: string, slots: readonly string[]) =>
    db.insert(organizationUnavailability)
      .values(slots.map((slot) => ({ organizationId: fixture.organizationIdByCode[code]!, slotId: fixture.slotIdByCode[slot]! })))
      .run();
  away('st-01', ['d1-01', 'd1-02', 'd1-03', 'd1-04', 'd1-05']);
  away('corp-01', ['d1-06', 'd1-07', 'd1-08', 'd1-09', 'd1-10']);
}

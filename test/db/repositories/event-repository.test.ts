import t, { type Test } from 'tap';
import { count, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../../src/db/client.js';
import {
  addDay,
  createEvent,
  deleteEvent,
  getDay,
  getEvent,
  getEventBySlug,
  listDays,
  listEvents,
  listSlots,
  removeDay,
  updateDay,
  updateEvent,
} from '../../../src/db/repositories/event-repository.js';
import {
  createRoom,
  createTable,
  deleteRoom,
  deleteTable,
  listRooms,
  setTableUnavailability,
  tableUnavailableSlotIds,
  updateRoom,
  updateTable,
} from '../../../src/db/repositories/room-repository.js';
import { meetings, organizations, requests, scheduleVersions, slots, tables } from '../../../src/db/schema/index.js';
import { EventSetupError } from '../../../src/domain/slot-pattern.js';
import { translate } from '../../../src/i18n/catalog.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

function database(t: Test): Db {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  return handle.db;
}

const lunch = { nameKo: '점심', nameEn: 'Lunch', startTime: '12:00', endTime: '13:00' };

function expectSetupError(t: Test, run: () => unknown, field: string, message: RegExp): void {
  try {
    run();
    t.fail(`expected an error on ${field}`);
  } catch (error) {
    t.type(error, EventSetupError);
    t.equal((error as EventSetupError).field, field);
    const { key, params } = error as EventSetupError;
    t.match(translate('en', key, params), message);
  }
}

/** A version with one meeting in the given slot, between the fixture's first request's organizations. */
function placeMeeting(
  db: Db,
  eventId: number,
  requestId: number,
  slotId: number,
  tableId: number,
  versionStatus: 'draft' | 'published' | 'superseded',
  number: number,
  meetingStatus: 'scheduled' | 'cancelled' = 'scheduled',
): number {
  const version = db
    .insert(scheduleVersions)
    .values({ eventId, number, status: versionStatus })
    .returning({ id: scheduleVersions.id })
    .get();
  return db
    .insert(meetings)
    .values({ versionId: version.id, requestId, slotId, tableId, status: meetingStatus })
    .returning({ id: meetings.id })
    .get().id;
}

t.test('events: create, find, list with their dates, validate', (t) => {
  const db = database(t);
  const event = createEvent(db, { slug: 'expo-2025', nameKo: '엑스포', nameEn: 'Expo', venue: 'Hall' });
  t.equal(event.timezone, 'Asia/Seoul');
  t.equal(event.meetingMinutes, 20);
  t.equal(getEventBySlug(db, 'expo-2025')?.id, event.id);
  t.equal(getEvent(db, 999), null);
  createEvent(db, { slug: 'empty', nameKo: '빈 행사', nameEn: 'Empty' });
  addDay(db, event.id, { date: '2025-09-02', startTime: '10:00', endTime: '12:00' });
  addDay(db, event.id, { date: '2025-09-01', startTime: '10:00', endTime: '12:00' });
  t.same(
    listEvents(db).map((row) => [row.slug, row.firstDate, row.lastDate, row.dayCount]),
    [
      ['expo-2025', '2025-09-01', '2025-09-02', 2],
      ['empty', null, null, 0],
    ],
  );

  expectSetupError(t, () => createEvent(db, { slug: 'expo-2025', nameKo: 'a', nameEn: 'b' }), 'slug', /already uses/);
  expectSetupError(t, () => createEvent(db, { slug: 'Bad Slug', nameKo: 'a', nameEn: 'b' }), 'slug', /lowercase/);
  expectSetupError(t, () => createEvent(db, { slug: 'ok-slug', nameKo: ' ', nameEn: 'b' }), 'nameKo', /required/);
  expectSetupError(
    t,
    () => createEvent(db, { slug: 'ok-slug', nameKo: 'a', nameEn: 'b', timezone: 'Mars/Base' }),
    'timezone',
    /unknown time zone/,
  );
  expectSetupError(
    t,
    () => createEvent(db, { slug: 'ok-slug', nameKo: 'a', nameEn: 'b', meetingMinutes: 2 }),
    'meetingMinutes',
    /from 5 to 240/,
  );
  expectSetupError(t, () => updateEvent(db, event.id, { slug: 'empty' }), 'slug', /already uses/);
  t.equal(listEvents(db).length, 2, 'refused events were not written');
  t.end();
});

t.test('days: slots are generated and coded by chronological day', (t) => {
  const db = database(t);
  const event = createEvent(db, { slug: 'days', nameKo: '일자', nameEn: 'Days' });
  const later = addDay(db, event.id, { date: '2025-05-29', startTime: '10:00', endTime: '17:00', breaks: [lunch] });
  t.equal(later.index, 1);
  t.equal(later.slots.length, 14);
  t.equal(later.slots[0]?.code, 'd1-01');
  t.same(later.breaks.map((row) => row.nameEn), ['Lunch']);
  const firstSlotId = later.slots[0]!.id;

  const earlier = addDay(db, event.id, {
    date: '2025-05-28',
    startTime: '13:00',
    endTime: '15:00',
    meetingMinutes: 30,
    bufferMinutes: 0,
  });
  t.same(
    earlier.slots.map((slot) => `${slot.code} ${slot.startTime} ${slot.session}`),
    ['d1-01 13:00 pm', 'd1-02 13:30 pm', 'd1-03 14:00 pm', 'd1-04 14:30 pm'],
  );
  const moved = getDay(db, later.id)!;
  t.equal(moved.index, 2);
  t.equal(moved.slots[0]?.id, firstSlotId, 'the slot keeps its id');
  t.equal(moved.slots[0]?.code, 'd2-01', 'and gets the code of its new day index');
  t.same(
    listSlots(db, event.id).map((slot) => slot.code).slice(0, 6),
    ['d1-01', 'd1-02', 'd1-03', 'd1-04', 'd2-01', 'd2-02'],
  );

  expectSetupError(
    t,
    () => addDay(db, event.id, { date: '2025-05-28', startTime: '10:00', endTime: '11:00' }),
    'date',
    /already has a day/,
  );
  expectSetupError(
    t,
    () => addDay(db, event.id, { date: '2025-02-30', startTime: '10:00', endTime: '11:00' }),
    'date',
    /real date/,
  );
  expectSetupError(
    t,
    () => addDay(db, event.id, { date: '2025-06-01', startTime: '10:00', endTime: '11:00', breaks: [{ ...lunch, nameEn: '' }] }),
    'breaks[0].nameEn',
    /required/,
  );
  expectSetupError(
    t,
    () => addDay(db, event.id, { date: '2025-06-01', startTime: '10:00', endTime: '11:00', breaks: [lunch] }),
    'breaks[0].startTime',
    /outside the day/,
  );
  t.equal(listDays(db, event.id).length, 2, 'refused days were not written');
  t.end();
});

t.test('updating a day keeps slots whose times stay and adds or removes the others', (t) => {
  const db = database(t);
  const fixture = createSmallEvent(db);
  const before = getDay(db, fixture.dayIds[0]!)!;
  t.equal(before.slots.length, 10);
  const longer = updateDay(db, fixture.dayIds[0]!, { endTime: '16:00' });
  t.ok(longer.ok);
  const after = getDay(db, fixture.dayIds[0]!)!;
  t.equal(after.slots.length, 12);
  t.same(
    after.slots.slice(0, 10).map((slot) => slot.id),
    before.slots.map((slot) => slot.id),
    'the first ten slots are the same rows',
  );
  t.same(
    after.slots.slice(10).map((slot) => `${slot.code} ${slot.startTime}`),
    ['d1-11 15:05', 'd1-12 15:30'],
  );

  const noLunch = updateDay(db, fixture.dayIds[0]!, { breaks: [] });
  t.ok(noLunch.ok);
  const open = getDay(db, fixture.dayIds[0]!)!;
  t.same(open.breaks, []);
  t.same(
    open.slots.slice(4, 8).map((slot) => `${slot.position} ${slot.startTime}`),
    ['5 11:40', '6 12:05', '7 12:30', '8 12:55'],
  );
  t.notOk(
    open.slots.some((slot) => slot.startTime === '13:00'),
    'the 13:00 slot no longer fits the pattern and is gone',
  );

  const twoBreaks = updateDay(db, fixture.dayIds[0]!, {
    breaks: [
      { nameKo: '점심', nameEn: 'Lunch', startTime: '12:30', endTime: '13:30' },
      { nameKo: '커피 브레이크', nameEn: 'Coffee break', startTime: '10:45', endTime: '11:00' },
    ],
  });
  t.ok(twoBreaks.ok);
  const day = getDay(db, fixture.dayIds[0]!)!;
  t.same(
    day.breaks.map((row) => `${row.nameEn} ${row.startTime}`),
    ['Coffee break 10:45', 'Lunch 12:30'],
  );
  t.same(
    day.slots.slice(0, 6).map((slot) => `${slot.code} ${slot.startTime}`),
    ['d1-01 10:00', 'd1-02 10:25', 'd1-03 11:00', 'd1-04 11:25', 'd1-05 11:50', 'd1-06 13:30'],
  );
  expectSetupError(
    t,
    () => updateDay(db, fixture.dayIds[0]!, { breaks: [{ ...lunch, startTime: '12:00', endTime: '11:00' }] }),
    'breaks[0].endTime',
    /after the start/,
  );
  t.equal(getDay(db, fixture.dayIds[0]!)!.breaks.length, 2, 'a refused change keeps the breaks');
  t.end();
});

t.test('a change that would drop scheduled meetings is refused and lists them', (t) => {
  const db = database(t);
  const fixture = createSmallEvent(db);
  const dayId = fixture.dayIds[0]!;
  const lastSlot = fixture.slotIdByCode['d1-10']!;
  const firstSlot = fixture.slotIdByCode['d1-01']!;
  const [r1, r2, r3] = fixture.acceptedRequestIds;
  const old = placeMeeting(db, fixture.eventId, r1!, lastSlot, fixture.boothTableIds[0]!, 'superseded', 1);
  const cancelled = placeMeeting(db, fixture.eventId, r2!, lastSlot, fixture.boothTableIds[1]!, 'published', 2, 'cancelled');
  const live = db
    .insert(meetings)
    .values({
      versionId: db.select().from(scheduleVersions).where(eq(scheduleVersions.number, 2)).get()!.id,
      requestId: r3!,
      slotId: lastSlot,
      tableId: fixture.boothTableIds[2]!,
    })
    .returning({ id: meetings.id })
    .get().id;
  placeMeeting(db, fixture.eventId, r1!, firstSlot, fixture.boothTableIds[0]!, 'draft', 3);

  const refused = updateDay(db, dayId, { endTime: '14:50' });
  t.equal(refused.ok, false);
  if (!refused.ok) {
    t.same(
      refused.blockingMeetings.map((row) => [row.meetingId, row.versionNumber, row.versionStatus, row.slotCode]),
      [[live, 2, 'published', 'd1-10']],
    );
  }
  t.equal(getDay(db, dayId)!.endTime, '15:00', 'the day is unchanged');
  t.equal(getDay(db, dayId)!.slots.length, 10);
  t.equal(removeDay(db, dayId).ok, false, 'removing the day is refused too');
  const refusedEvent = updateEvent(db, fixture.eventId, { meetingMinutes: 25 });
  t.equal(refusedEvent.ok, false, 'so is a new default meeting length');
  t.equal(getEvent(db, fixture.eventId)!.meetingMinutes, 20);

  db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, live)).run();
  const accepted = updateDay(db, dayId, { endTime: '14:50' });
  t.ok(accepted.ok, 'with the meeting cancelled the change goes through');
  t.equal(getDay(db, dayId)!.slots.length, 9);
  const left = db.select({ id: meetings.id }).from(meetings).all().map((row) => row.id);
  t.notOk(left.includes(old), 'the superseded meeting in the removed slot is gone');
  t.notOk(left.includes(cancelled), 'so are the cancelled ones');
  t.equal(left.length, 1, 'the draft meeting in the first slot stays');
  t.end();
});

t.test('a new default meeting length regenerates the days that use it', (t) => {
  const db = database(t);
  const fixture = createSmallEvent(db, { days: 2 });
  updateDay(db, fixture.dayIds[1]!, { meetingMinutes: 20, bufferMinutes: 5 });
  const result = updateEvent(db, fixture.eventId, { meetingMinutes: 25, nameEn: 'Renamed' });
  t.ok(result.ok);
  if (result.ok) t.equal(result.value.nameEn, 'Renamed');
  const [first, second] = listDays(db, fixture.eventId);
  t.same(
    first!.slots.map((slot) => slot.startTime),
    ['10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30'],
  );
  t.equal(first!.slots[7]?.code, 'd1-08');
  t.equal(second!.slots.length, 10, 'the day with its own meeting length keeps its slots');
  t.end();
});

t.test('moving a day to another date re-codes both days and keeps every slot', (t) => {
  const db = database(t);
  const fixture = createSmallEvent(db, { days: 2, firstDate: '2025-06-10' });
  expectSetupError(t, () => updateDay(db, fixture.dayIds[0]!, { date: '2025-06-11' }), 'date', /already has a day/);
  const moved = updateDay(db, fixture.dayIds[0]!, { date: '2025-06-12' });
  t.ok(moved.ok);
  const [first, second] = listDays(db, fixture.eventId);
  t.same([first!.id, second!.id], [fixture.dayIds[1], fixture.dayIds[0]]);
  t.same(first!.slots.map((slot) => slot.id), fixture.slotIdsByDay[1]);
  t.equal(first!.slots[0]!.code, 'd1-01');
  t.same(second!.slots.map((slot) => slot.id), fixture.slotIdsByDay[0]);
  t.equal(second!.slots[9]!.code, 'd2-10');
  t.end();
});

t.test('removing a day re-codes the later days', (t) => {
  const db = database(t);
  const fixture = createSmallEvent(db, { days: 2 });
  t.ok(removeDay(db, fixture.dayIds[0]!).ok);
  const days = listDays(db, fixture.eventId);
  t.equal(days.length, 1);
  t.equal(days[0]!.slots[0]!.code, 'd1-01');
  t.equal(days[0]!.slots[0]!.id, fixture.slotIdsByDay[1]![0]);
  expectSetupError(t, () => removeDay(db, 9999), 'dayId', /not found/);
  t.end();
});

t.test('rooms, tables, booths and table unavailability', (t) => {
  const db = database(t);
  const fixture = createSmallEvent(db);
  const other = createSmallEvent(db, { slug: 'other' });
  const rooms = listRooms(db, fixture.eventId);
  t.same(
    rooms.map((room) => [room.nameEn, room.tables.map((table) => table.label)]),
    [
      ['Booth Hall', ['B-1', 'B-2', 'B-3', 'B-4']],
      ['Meeting Room 1', ['A-1', 'A-2']],
    ],
  );
  const room = createRoom(db, fixture.eventId, { nameKo: '제2회의실', nameEn: 'Meeting Room 2', position: 3 });
  t.equal(updateRoom(db, room.id, { nameEn: 'Room 2' }).nameEn, 'Room 2');
  const table = createTable(db, fixture.eventId, { roomId: room.id, label: 'C-1', position: 1 });
  t.equal(table.boothOrganizationId, null);

  expectSetupError(t, () => createTable(db, fixture.eventId, { roomId: room.id, label: 'A-1' }), 'label', /already used/);
  expectSetupError(
    t,
    () => createTable(db, fixture.eventId, { roomId: other.roomIds[0], label: 'X-1' }),
    'roomId',
    /another event/,
  );
  expectSetupError(
    t,
    () => updateTable(db, table.id, { boothOrganizationId: fixture.corporateIds[0]! }),
    'boothOrganizationId',
    /already has the booth table B-1/,
  );
  expectSetupError(
    t,
    () => updateTable(db, table.id, { boothOrganizationId: other.corporateIds[0]! }),
    'boothOrganizationId',
    /another event/,
  );
  const startup = fixture.startupIds[0]!;
  t.equal(updateTable(db, table.id, { boothOrganizationId: startup }).boothOrganizationId, startup);
  t.equal(updateTable(db, table.id, { boothOrganizationId: null }).boothOrganizationId, null);
  t.equal(updateTable(db, table.id, { label: 'C-9' }).label, 'C-9');

  setTableUnavailability(db, table.id, [fixture.slotIds[2]!, fixture.slotIds[0]!, fixture.slotIds[0]!]);
  t.same(tableUnavailableSlotIds(db, table.id), [fixture.slotIds[0], fixture.slotIds[2]]);
  expectSetupError(
    t,
    () => setTableUnavailability(db, table.id, [fixture.slotIds[1]!, other.slotIds[0]!]),
    'slotIds[1]',
    /another event/,
  );
  t.same(tableUnavailableSlotIds(db, table.id), [fixture.slotIds[0], fixture.slotIds[2]], 'unchanged after refusal');
  setTableUnavailability(db, table.id, []);
  t.same(tableUnavailableSlotIds(db, table.id), []);

  expectSetupError(t, () => deleteRoom(db, room.id), 'roomId', /1 tables/);
  placeMeeting(db, fixture.eventId, fixture.acceptedRequestIds[0]!, fixture.slotIds[0]!, table.id, 'draft', 1);
  expectSetupError(t, () => deleteTable(db, table.id), 'tableId', /1 meetings/);
  db.delete(scheduleVersions).run();
  deleteTable(db, table.id);
  deleteRoom(db, room.id);
  t.equal(listRooms(db, fixture.eventId).length, 2);
  t.end();
});

t.test('deleting an event removes everything under it and nothing else', (t) => {
  const db = database(t);
  const fixture = createSmallEvent(db);
  const other = createSmallEvent(db, { slug: 'other', days: 2 });
  setTableUnavailability(db, fixture.sharedTableIds[0]!, [fixture.slotIds[0]!]);
  placeMeeting(db, fixture.eventId, fixture.acceptedRequestIds[0]!, fixture.slotIds[0]!, fixture.boothTableIds[0]!, 'published', 1);
  t.ok(deleteEvent(db, fixture.eventId));
  t.notOk(deleteEvent(db, fixture.eventId), 'a second delete finds nothing');
  const countOf = (table: typeof slots | typeof tables | typeof organizations | typeof requests) =>
    db.select({ n: count() }).from(table).get()!.n;
  t.equal(countOf(slots), other.slotIds.length);
  t.equal(countOf(tables), other.tableIds.length);
  t.equal(countOf(organizations), 12);
  t.equal(countOf(requests), 18);
  t.equal(db.select({ n: count() }).from(meetings).get()!.n, 0);
  t.same(listEvents(db).map((row) => row.slug), ['other']);
  t.end();
});

import t from 'tap';
import { getEventBySlug, listDays, listRooms, listTables } from '../../../../src/db/index.js';
import { createSmallEvent } from '../../../helpers/event-fixture.js';
import { saveGreedyDraft } from '../../../helpers/greedy-draft.js';
import { createTestApp, loggedInBrowser } from '../../../helpers/web-app.js';

t.test('a new event is created from the form; a bad one shows messages by its fields', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const browser = await loggedInBrowser(testApp, 'ko');
  const form = await browser.get('/events/new');
  t.equal(form.statusCode, 200);
  const bad = await browser.post('/events/new', { slug: 'GSAT 2025', nameKo: '', timezone: 'Mars/Base', meetingMinutes: '20', bufferMinutes: '5' }, { formPage: '/events/new' });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, /id="event-slug-error">주소 이름은 영문 소문자/);
  t.equal(getEventBySlug(testApp.handle.db, 'gsat-2025'), null);
  const created = await browser.post(
    '/events/new',
    { slug: 'gsat-2025', nameKo: 'GSAT 2025 오픈이노베이션', nameEn: 'GSAT 2025 Open Innovation', venue: '창원컨벤션센터', timezone: 'Asia/Seoul', meetingMinutes: '20', bufferMinutes: '5' },
    { formPage: '/events/new' },
  );
  t.equal(created.statusCode, 303);
  t.equal(created.headers.location, '/events/gsat-2025/setup');
  t.match(getEventBySlug(testApp.handle.db, 'gsat-2025'), { venue: '창원컨벤션센터', meetingMinutes: 20 });
});

t.test('days: preview the slot pattern without saving, then save; rooms, tables and booths', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const db = testApp.handle.db;
  const event = createSmallEvent(db);
  const browser = await loggedInBrowser(testApp);
  const page = `/events/${event.slug}/setup`;
  const day = { date: '2025-06-11', startTime: '09:00', endTime: '11:00', meetingMinutes: '', bufferMinutes: '', afternoonFrom: '12:00', break0Start: '10:00', break0End: '10:15', break0NameKo: '휴식', break0NameEn: 'Coffee' };

  const preview = await browser.post(`${page}/days`, { ...day, action: 'preview' }, { formPage: page });
  t.equal(preview.statusCode, 200);
  t.match(preview.body, /4 slots would be generated/);
  t.match(preview.body, /09:00–09:20/);
  t.match(preview.body, /10:15–10:35/);
  t.equal(listDays(db, event.eventId).length, 1, 'the preview saves nothing');

  const badDay = await browser.post(`${page}/days`, { ...day, endTime: '08:00', action: 'save' }, { formPage: page });
  t.equal(badDay.statusCode, 422);
  t.match(badDay.body, /id="day-new-endTime-error">the end \(08:00\) must be after the start \(09:00\)/);

  const saved = await browser.post(`${page}/days`, { ...day, action: 'save' }, { formPage: page });
  t.equal(saved.statusCode, 303);
  const days = listDays(db, event.eventId);
  t.equal(days.length, 2);
  t.same(days[1]?.slots.map((s) => s.code), ['d2-01', 'd2-02', 'd2-03', 'd2-04']);

  const firstDay = listDays(db, event.eventId)[0]!;
  const edited = await browser.post(
    `${page}/days/${firstDay.id}`,
    { date: firstDay.date, startTime: '10:00', endTime: '15:00', afternoonFrom: '12:00', break0Start: '12:00', break0End: '13:00', break0NameKo: '점심', break0NameEn: 'Lunch', break1Start: '14:00', break1End: '14:30', break1NameKo: '휴식', break1NameEn: 'Coffee', action: 'save' },
    { formPage: page },
  );
  t.equal(edited.statusCode, 303);
  t.same(listDays(db, event.eventId)[0]?.breaks.map((b) => b.nameEn), ['Lunch', 'Coffee']);
  t.match((await browser.get(page)).body, new RegExp(`name="break2Start"`), 'one empty break row beyond the saved ones');

  const room = await browser.post(`${page}/rooms`, { nameKo: '제2회의실', nameEn: 'Meeting Room 2', position: '3' }, { formPage: page });
  t.equal(room.statusCode, 303);
  const newRoom = listRooms(db, event.eventId).find((r) => r.nameEn === 'Meeting Room 2')!;
  const taken = await browser.post(`${page}/tables`, { roomId: String(newRoom.id), label: 'A-1', position: '1' }, { formPage: page });
  t.equal(taken.statusCode, 422);
  t.match(taken.body, /the table label &quot;A-1&quot; is already used in this event/);
  await browser.post(`${page}/tables`, { roomId: String(newRoom.id), label: 'C-1', position: '1' }, { formPage: page });
  const table = listTables(db, event.eventId).find((x) => x.label === 'C-1')!;
  const booth = await browser.post(`${page}/tables/${table.id}`, { roomId: String(newRoom.id), label: 'C-1', position: '1', boothOrganizationId: String(event.organizationIdByCode['st-01']) }, { formPage: page });
  t.equal(booth.statusCode, 303);
  t.equal(listTables(db, event.eventId).find((x) => x.label === 'C-1')?.boothOrganizationId, event.organizationIdByCode['st-01']);

  const shown = await browser.get(page);
  t.match(shown.body, /Capacity planner/);
  t.match(shown.body, /7 \(5 booths, 2 shared\)/);

  const ask = await browser.post(`${page}/rooms/${newRoom.id}/delete`, {}, { formPage: page });
  t.match(ask.body, /Its 1 table\(s\) will be removed too/);
  t.ok(listRooms(db, event.eventId).some((r) => r.id === newRoom.id));
  const removed = await browser.post(`${page}/rooms/${newRoom.id}/delete`, { confirm: 'yes' }, { formPage: page });
  t.equal(removed.statusCode, 303);
  t.notOk(listRooms(db, event.eventId).some((r) => r.id === newRoom.id));
});

t.test('a room or a day holding scheduled meetings is not removed, and the meetings are named', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const db = testApp.handle.db;
  const event = createSmallEvent(db);
  saveGreedyDraft(db, event.eventId);
  const browser = await loggedInBrowser(testApp);
  const page = `/events/${event.slug}/setup`;
  const room = await browser.post(`${page}/rooms/${event.roomIds[0]}/delete`, { confirm: 'yes' }, { formPage: page });
  t.equal(room.statusCode, 409);
  t.match(room.body, /The room cannot be removed: \d+ meeting\(s\) are at its tables/);
  t.match(room.body, /draft v1 · 2025-06-10/);
  t.equal(listRooms(db, event.eventId).length, 2);
  const day = await browser.post(`${page}/days/${event.dayIds[0]}/delete`, {}, { formPage: page });
  t.equal(day.statusCode, 409);
  t.match(day.body, /meeting\(s\) sit in slots this change would remove/);
  t.equal(listDays(db, event.eventId).length, 1);
});

import t, { type Test } from 'tap';
import { gunzipSync } from 'node:zlib';
import { count } from 'drizzle-orm';
import { checkIns } from '../../../../src/db/schema/index.js';
import { meetingsOfVersion } from '../../../../src/db/repositories/schedule-repository.js';
import { participantLink, revokeLink, staffLink } from '../../../helpers/link-fixture.js';
import { publishChangedVersion } from '../../../helpers/published-event.js';
import { createStaffFixture, pathOf, seoulTime, type StaffFixture } from '../../../helpers/staff-fixture.js';
import { Browser, csrfTokenOf } from '../../../helpers/web-app.js';

const DAY = '2025-06-10';

async function setUp(t: Test, at = '10:05'): Promise<StaffFixture & { base: string; booth: string; browser: Browser }> {
  const fixture = await createStaffFixture({ at });
  t.teardown(fixture.testApp.close);
  const base = pathOf(fixture.links[0]!);
  // The same object: the app's clock reads `fixture.clock`.
  return Object.assign(fixture, {
    base,
    booth: `${base}/rooms/${fixture.event.roomIds[0]}/days/${DAY}`,
    browser: new Browser(fixture.testApp.app),
  });
}

function highlighted(html: string): Record<string, string> {
  const marks: Record<string, string> = {};
  for (const match of html.matchAll(/class="staff-slot is-(current|next)" id="slot-(\d+)"/g)) marks[match[1]!] = match[2]!;
  return marks;
}

function checkInRows(fixture: StaffFixture): number {
  return fixture.testApp.handle.db.select({ n: count() }).from(checkIns).get()!.n;
}

t.test('the roster marks the current and next slot from the injected clock', async (t) => {
  const fixture = await setUp(t);
  const slots = fixture.event.slotIdsByDay[0]!;
  const page = await fixture.browser.get(fixture.booth);
  t.equal(page.statusCode, 200);
  t.same(highlighted(page.body), { current: String(slots[0]), next: String(slots[1]) });
  t.match(page.body, 'Now 2025-06-10 10:05 (Asia/Seoul)');
  t.match(page.body, '/static/js/roster-live.js');

  fixture.clock = seoulTime(DAY, '12:30');
  const lunch = await fixture.browser.get(`${fixture.booth}?fragment=1`);
  t.notMatch(lunch.body, '<html', 'the fragment has no layout');
  t.same(highlighted(lunch.body), { next: String(slots[5]) }, 'lunch: nothing on, the 13:00 slot next');
  t.match(lunch.body, 'Between meetings');

  fixture.clock = seoulTime(DAY, '15:00');
  t.same(highlighted((await fixture.browser.get(fixture.booth)).body), {}, 'after the last slot');
});

t.test('the now view lists the current and next slot of every room', async (t) => {
  const fixture = await setUp(t, '10:30');
  const page = await fixture.browser.get(`${fixture.base}/now`);
  t.equal(page.statusCode, 200);
  t.match(page.body, /Now[\s\S]*2025-06-10 10:25–10:45[\s\S]*Next[\s\S]*2025-06-10 10:50–11:10/);
  t.match(page.body, 'Booth Hall');
  t.match(page.body, 'Meeting Room 1');
});

t.test('a room link sees only its room', async (t) => {
  const fixture = await setUp(t);
  const meetingRoomLink = pathOf(fixture.links[2]!);
  const home = await fixture.browser.get(meetingRoomLink);
  t.equal(home.statusCode, 200);
  t.match(home.body, 'This link is for Meeting Room 1 only.');
  t.notMatch(home.body, 'Booth Hall');
  const other = await fixture.browser.get(`${meetingRoomLink}/rooms/${fixture.event.roomIds[0]}/days/${DAY}`);
  t.equal(other.statusCode, 404);
  t.equal((await fixture.browser.get(`${fixture.base}/rooms/${fixture.event.roomIds[0]}/days/2030-01-01`)).statusCode, 404);
});

t.test('checking a representative in: a form post redirects back, a repeat counts once', async (t) => {
  const fixture = await setUp(t);
  const meeting = meetingsOfVersion(fixture.testApp.handle.db, fixture.event.versionId)[0]!;
  const representativeId = fixture.event.representativeIdsByOrganization[meeting.requested.id]![0]!;
  const fields = {
    tap: `arrived:${representativeId}`,
    date: DAY,
    roomId: String(meeting.roomId),
    view: 'roster',
  };
  const first = await fixture.browser.post(`${fixture.base}/check-ins`, fields, { formPage: fixture.booth });
  t.equal(first.statusCode, 303);
  t.equal(first.headers.location, fixture.booth);
  const again = await fixture.testApp.app.inject({
    method: 'POST',
    url: `${fixture.base}/check-ins`,
    payload: new URLSearchParams({ ...fields, _csrf: csrfTokenOf((await fixture.browser.get(fixture.booth)).body) }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'accept-language': 'en', cookie: fixture.browser.jar.header() },
  });
  t.equal(again.statusCode, 200);
  t.same(again.json(), { recorded: false, message: 'Already recorded.' });
  t.equal(checkInRows(fixture), 1);
  t.match((await fixture.browser.get(fixture.booth)).body, `data-arrived="${representativeId}"`);
});

t.test('held and no-show: a stale page is refused with what changed; missing fields are named', async (t) => {
  const fixture = await setUp(t);
  const meeting = meetingsOfVersion(fixture.testApp.handle.db, fixture.event.versionId)[0]!;
  const fields = {
    tap: 'held',
    meetingId: String(meeting.id),
    versionId: String(meeting.versionId),
    slotId: String(meeting.slotId),
    tableId: String(meeting.tableId),
    date: DAY,
    roomId: String(meeting.roomId),
    view: 'roster',
  };
  const { meetingId: _, ...withoutMeeting } = fields;
  const missing = await fixture.browser.post(`${fixture.base}/check-ins`, withoutMeeting, { formPage: fixture.booth });
  t.equal(missing.statusCode, 400);
  t.match(missing.body, 'The value of &quot;meetingId&quot; is not valid.');

  const lastSlot = fixture.event.slotIdsByDay[0]!.at(-1)!;
  publishChangedVersion(fixture.testApp.handle.db, fixture.event.eventId, fixture.event, {
    move: new Map([[meeting.requestId, lastSlot]]),
  });
  const stale = await fixture.browser.post(`${fixture.base}/check-ins`, fields, { formPage: fixture.booth });
  t.equal(stale.statusCode, 409);
  t.match(stale.body, `This meeting moved in published version 2: now 2025-06-10 14:40, Booth Hall, table ${meeting.tableLabel}.`);
  t.equal(checkInRows(fixture), 0);
});

t.test('a revoked staff link and a participant link are refused before anything is recorded', async (t) => {
  const fixture = await setUp(t);
  const db = fixture.testApp.handle.db;
  const meeting = meetingsOfVersion(db, fixture.event.versionId)[0]!;
  const extra = staffLink(db, fixture.event.eventId);
  const page = await fixture.browser.get(`/staff/${extra.token}/rooms/${meeting.roomId}/days/${DAY}`);
  t.equal(page.statusCode, 200);
  t.equal(revokeLink(db, extra.token), 'revoked');
  const refused = await fixture.browser.post(
    `/staff/${extra.token}/check-ins`,
    { tap: 'held', meetingId: String(meeting.id), versionId: String(meeting.versionId), slotId: String(meeting.slotId), tableId: String(meeting.tableId), date: DAY, roomId: String(meeting.roomId), view: 'roster' },
    { csrf: csrfTokenOf(page.body) },
  );
  t.equal(refused.statusCode, 404);
  t.match(refused.body, 'This link is not valid or was revoked.');
  t.equal((await fixture.browser.get(`/staff/${extra.token}`)).statusCode, 404);
  const participant = participantLink(db, fixture.event.eventId, fixture.event.representativeIds[0]!);
  t.equal((await fixture.browser.get(`/staff/${participant.token}`)).statusCode, 403);
  t.equal(checkInRows(fixture), 0);
});

t.test('the day as CSV and as a printable door sheet', async (t) => {
  const fixture = await setUp(t);
  const csv = await fixture.browser.get(`${fixture.booth}.csv`);
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], 'text/csv');
  const lines = csv.body.replace(/^\ufeff/, '').trim().split('\n');
  t.equal(lines[0], 'date,start,end,slot,room,table,corporate,startup,representatives,status');
  const inBooths = meetingsOfVersion(fixture.testApp.handle.db, fixture.event.versionId).filter(
    (meeting) => meeting.roomId === fixture.event.roomIds[0],
  );
  t.equal(lines.length - 1, inBooths.length, 'one row per meeting');
  t.match(lines[1], /^2025-06-10,10:00,10:20,d1-01,Booth Hall,B-\d,corp-0\d /);

  const korean = new Browser(fixture.testApp.app, 'ko');
  const sheet = await korean.get(`${fixture.booth}/print`);
  t.equal(sheet.statusCode, 200);
  t.match(sheet.body, '부스 홀 미팅 명단 · 2025-06-10');
  t.match(sheet.body, 'staff-sheet-table');
});

t.test('rosters travel gzipped to clients that accept it', async (t) => {
  const fixture = await setUp(t);
  const plain = await fixture.browser.get(fixture.booth);
  const zipped = await fixture.testApp.app.inject({ url: fixture.booth, headers: { 'accept-encoding': 'gzip, br', 'accept-language': 'en' } });
  t.equal(zipped.headers['content-encoding'], 'gzip');
  t.equal(zipped.headers.vary, 'accept-encoding');
  const body = gunzipSync(zipped.rawPayload).toString('utf8');
  t.match(body, 'Booth Hall · 2025-06-10');
  t.ok(zipped.rawPayload.length * 5 < plain.rawPayload.length, `${zipped.rawPayload.length} bytes instead of ${plain.rawPayload.length}`);
  t.equal(plain.headers['content-encoding'], undefined);
});

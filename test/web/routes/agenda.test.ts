import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { accessTokens } from '../../../src/db/schema/index.js';
import { ensureParticipantLinks } from '../../../src/services/links/access-links.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';
import { createPublishedEvent, insertDraftVersion, publishChangedVersion } from '../../helpers/published-event.js';
import { createTestApp } from '../../helpers/web-app.js';
import { parseCalendar } from '../../helpers/ical.js';

const PUBLIC = 'http://127.0.0.1:3000';

async function setUp(t: Test) {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const db = testApp.handle.db;
  const event = createPublishedEvent(db);
  const links = ensureParticipantLinks(db, event.eventId, PUBLIC);
  const linkOf = (representativeId: number) => links.find((l) => l.representativeId === representativeId)!;
  const get = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ method: 'GET', url, headers });
  return { ...testApp, db, event, linkOf, get };
}

t.test('the agenda shows the organization’s meetings in the representative’s language, switchable', async (t) => {
  const { event, linkOf, get } = await setUp(t);
  const korean = linkOf(event.representativeIdsByOrganization[event.corporateIds[0]!]![0]!);
  const page = await get(`/agenda/${korean.token}`);
  t.equal(page.statusCode, 200);
  t.equal(page.headers['cache-control'], 'no-store');
  t.match(page.body, /<html lang="ko">/);
  t.match(page.body, /기업1 담당자A 님의 미팅 일정/);
  t.match(page.body, /10:00–10:20/);
  t.match(page.body, /부스 홀 · 테이블 B-1/);
  t.match(page.body, /마루센서/, 'the other party by name');
  t.match(page.body, /분야: sensors/);
  t.match(page.body, /스타트업1 대표/, 'and its representative');
  t.match(page.body, /시간은 Asia\/Seoul 기준입니다/);
  t.match(page.body, /href="webcal:\/\/127\.0\.0\.1:3000\/agenda\/[\w-]{43}\/feed\.ics\?lang=ko"/);
  t.match(page.body, /value="http:\/\/127\.0\.0\.1:3000\/agenda\/[\w-]{43}\/feed\.ics\?lang=ko"/, 'and the plain http(s) address');
  t.equal((page.body.match(/class="agenda-meeting[" ]/g) ?? []).length, 4, 'a corporate has four meetings');

  const english = await get(`/agenda/${korean.token}?lang=en`);
  t.match(english.body, /<html lang="en">/);
  t.match(english.body, /Meetings of 기업1 담당자A/);
  t.match(english.body, /Booth Hall · Table B-1/);
  t.match(english.body, /Maru Sensor/);

  const englishReader = linkOf(event.representativeIdsByOrganization[event.startupIds[7]!]![0]!);
  t.match((await get(`/agenda/${englishReader.token}`)).body, /<html lang="en">/, 'a representative who reads English');
});

t.test('unknown, malformed and revoked links all get the same 404 page', async (t) => {
  const { db, event, linkOf, get } = await setUp(t);
  const link = linkOf(event.representativeIds[0]!);
  db.update(accessTokens).set({ revokedAt: new Date() }).where(eq(accessTokens.representativeId, event.representativeIds[0]!)).run();
  const strip = (body: string) => body.replace(/value="[^"]+"/g, '');
  const pages = await Promise.all([
    get(`/agenda/${randomBytes(32).toString('base64url')}`),
    get('/agenda/not-a-token'),
    get(`/agenda/${link.token}`),
    get(`/agenda/${link.token}/agenda.ics`),
    get(`/agenda/${link.token}/qr.svg`),
  ]);
  for (const page of pages) t.equal(page.statusCode, 404);
  t.equal(strip(pages[0]!.body), strip(pages[1]!.body));
  t.equal(strip(pages[0]!.body), strip(pages[2]!.body));
  t.notMatch(pages[2]!.body, /기업|스타트업|Small test event/, 'nothing about the holder or the event');
});

t.test('before anything is published the agenda says so and shows no draft', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const db = testApp.handle.db;
  const event = createSmallEvent(db);
  insertDraftVersion(db, event.eventId, 1, [{ requestId: event.acceptedRequestIds[0]!, slotId: event.slotIds[0]!, tableId: event.boothTableIds[0]! }]);
  const [link] = ensureParticipantLinks(db, event.eventId, PUBLIC).filter((l) => l.representativeId === event.representativeIds[0]);
  const page = await testApp.app.inject({ method: 'GET', url: `/agenda/${link!.token}?lang=en` });
  t.equal(page.statusCode, 200);
  t.match(page.body, /The schedule is not published yet/);
  t.notMatch(page.body, /agenda-meeting/);
  t.notMatch(page.body, /10:00/);
  const feed = await testApp.app.inject({ method: 'GET', url: `/agenda/${link!.token}/feed.ics` });
  t.same(parseCalendar(feed.body).entries, [], 'the feed is empty too');
});

t.test('after a re-publish, changed meetings are marked once', async (t) => {
  const { db, event, linkOf, get } = await setUp(t);
  const startup = event.startupIds[0]!;
  const link = linkOf(event.representativeIdsByOrganization[startup]![0]!);
  const first = await get(`/agenda/${link.token}?lang=en`);
  t.notMatch(first.body, /changed since you last looked/);
  const own = event.placed.filter((m) => db.query.requests.findFirst({ where: (r, { eq: is }) => is(r.id, m.requestId) }).sync()!.requesterId === startup);
  publishChangedVersion(db, event.eventId, event, {
    move: new Map([[own[0]!.requestId, event.slotIds[event.slotIds.length - 1]!]]),
    drop: [own[1]!.requestId],
  });
  const second = await get(`/agenda/${link.token}?lang=en`);
  t.match(second.body, /The schedule changed since you last looked/);
  t.match(second.body, /agenda-meeting is-moved/);
  t.match(second.body, /Cancelled since you last looked/);
  t.match(second.body, /14:40–15:00/);
  const print = await get(`/agenda/${link.token}/print?lang=en`);
  t.equal(print.statusCode, 200, 'the print layout does not count as looking');
  const third = await get(`/agenda/${link.token}?lang=en`);
  t.notMatch(third.body, /changed since you last looked/, 'the mark goes once seen');
  t.notMatch(third.body, /is-moved/);
});

t.test('print layout, organization page and QR code', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const db = testApp.handle.db;
  const event = createPublishedEvent(db, { days: 2 });
  const corporate = event.corporateIds[1]!;
  const link = ensureParticipantLinks(db, event.eventId, PUBLIC).find(
    (l) => l.representativeId === event.representativeIdsByOrganization[corporate]![1],
  )!;
  const get = (url: string) => testApp.app.inject({ method: 'GET', url });
  const print = await get(`/agenda/${link.token}/print`);
  t.equal(print.statusCode, 200);
  const days = (print.body.match(/class="print-day"/g) ?? []).length;
  t.ok(days >= 1, `one section per day with meetings (${days})`);
  t.match(print.body, new RegExp(`src="/agenda/${link.token}/qr.svg"`));
  t.match(print.body, /\/static\/css\/agenda\.css/);
  const organization = await get(`/agenda/${link.token}/organization?lang=en`);
  t.match(organization.body, /기업2 담당자A/);
  t.match(organization.body, /기업2 담당자B/);
  t.match(organization.body, /Meetings of Nuri Aviation/);
  const qr = await get(`/agenda/${link.token}/qr.svg`);
  t.equal(qr.statusCode, 200);
  t.match(qr.headers['content-type'], /image\/svg\+xml/);
  t.match(qr.body, /^<svg/);
});

t.test('calendar files: whole agenda, webcal feed with ETag, one meeting', async (t) => {
  const { event, linkOf, get } = await setUp(t);
  const link = linkOf(event.representativeIdsByOrganization[event.startupIds[2]!]![0]!);
  const whole = await get(`/agenda/${link.token}/agenda.ics`);
  t.equal(whole.statusCode, 200);
  t.match(whole.headers['content-type'], /^text\/calendar/);
  t.match(whole.headers['content-disposition'], /attachment; filename="agenda.ics"/);
  const parsed = parseCalendar(whole.body);
  t.equal(parsed.method, 'PUBLISH');
  t.equal(parsed.entries.length, 2);
  t.match(parsed.entries[0]!.description, `${PUBLIC}/agenda/${link.token}`);

  const feed = await get(`/agenda/${link.token}/feed.ics`);
  t.equal(feed.statusCode, 200);
  t.equal(feed.body, whole.body);
  const again = await get(`/agenda/${link.token}/feed.ics`, { 'if-none-match': String(feed.headers['etag']) });
  t.equal(again.statusCode, 304, 'a polling calendar app gets Not Modified');

  const uid = parsed.entries[1]!.uid;
  const one = await get(`/agenda/${link.token}/meetings/${encodeURIComponent(uid)}.ics`);
  t.equal(one.statusCode, 200);
  t.same(parseCalendar(one.body).entries.map((e) => e.uid), [uid]);
  t.equal((await get(`/agenda/${link.token}/meetings/${encodeURIComponent(uid)}`)).statusCode, 404);
  t.equal((await get(`/agenda/${link.token}/meetings/unknown%40meetgrid.ics`)).statusCode, 404);
  // Another organization's meeting is not reachable through this link.
  const otherLink = linkOf(event.representativeIdsByOrganization[event.startupIds[5]!]![0]!);
  const otherUid = parseCalendar((await get(`/agenda/${otherLink.token}/agenda.ics`)).body).entries[0]!.uid;
  t.equal((await get(`/agenda/${link.token}/meetings/${encodeURIComponent(otherUid)}.ics`)).statusCode, 404);
});

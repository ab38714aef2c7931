import t from 'tap';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { accessTokens, auditLog } from '../../../../src/db/schema/index.js';
import { ensureParticipantLinks } from '../../../../src/services/links/access-links.js';
import { ensureStaffLinks } from '../../../../src/services/links/access-links.js';
import { createSmallEvent } from '../../../helpers/event-fixture.js';
import { Browser, createTestApp, loggedInBrowser } from '../../../helpers/web-app.js';

t.test('the links page lists agenda and staff links; revoking one closes it at once and is audited', async (t) => {
  const testApp = await createTestApp();
  t.teardown(() => testApp.close());
  const db = testApp.handle.db;
  const event = createSmallEvent(db);
  const agenda = ensureParticipantLinks(db, event.eventId, 'http://localhost');
  ensureStaffLinks(db, event.eventId, 'http://localhost');
  const page = `/events/${event.slug}/links`;

  const stranger = await new Browser(testApp.app).get(page);
  t.equal(stranger.statusCode, 302, 'organizers only');
  t.match(stranger.headers.location, /^\/login\?next=/);

  const browser = await loggedInBrowser(testApp, 'ko');
  const list = await browser.get(page);
  t.equal(list.statusCode, 200);
  t.match(list.body, /<h1>개인 링크/);
  t.match(list.body, /aria-current="page">개인 링크/, 'the event menu marks the page');
  t.equal(list.body.match(/<tr id="link-/g)?.length, agenda.length + 3, 'every representative, the event and its two rooms');
  t.match(list.body, /행사 전체/);
  const first = agenda[0]!;
  t.equal((await testApp.app.inject({ url: `/agenda/${first.token}` })).statusCode, 200, 'the agenda opens before');

  const id = Number(new RegExp(`<tr id="link-(\\d+)">\\s*<td>${first.representative}`).exec(list.body)?.[1]);
  t.ok(id > 0, 'the row of the first representative');
  // Issued just now, read on the event's clock (Asia/Seoul), not the server's.
  const issued = db.select().from(accessTokens).where(eq(accessTokens.id, id)).get()!.createdAt;
  const seoul = DateTime.fromJSDate(issued, { zone: 'Asia/Seoul' }).setLocale('ko-KR').toLocaleString(DateTime.DATETIME_SHORT);
  t.match(list.body, new RegExp(`<tr id="link-${id}">[\\s\\S]*?<td>${seoul.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</td>`));
  const revoked = await browser.post(`${page}/${id}/revoke`, {}, { formPage: page });
  t.equal(revoked.statusCode, 303);
  t.equal(revoked.headers.location, `${page}?done=revoked`);
  const after = await browser.get(revoked.headers.location as string);
  t.match(after.body, /링크를 폐기했습니다/);
  t.match(after.body, new RegExp(`<tr id="link-${id}" class="link-revoked">`));
  t.equal((await testApp.app.inject({ url: `/agenda/${first.token}` })).statusCode, 404, 'the agenda is closed at once');
  t.equal(db.select().from(auditLog).all().filter((entry) => entry.action === 'access_link.revoke').length, 1);

  const twice = await browser.post(`${page}/${id}/revoke`, {}, { formPage: page });
  t.equal(twice.headers.location, `${page}?done=already_revoked`);
  t.match((await browser.get(twice.headers.location as string)).body, /이미 폐기된 링크입니다/);
  t.equal((await browser.post(`${page}/999999/revoke`, {}, { formPage: page })).statusCode, 404, 'an unknown link');
  t.equal((await browser.post(`${page}/${id}/revoke`, {}, { csrf: null })).statusCode, 403, 'no CSRF token, no revocation');
  t.equal((await browser.get(`${page}?done=gone`)).statusCode, 400, 'the outcome in the address is checked');
});

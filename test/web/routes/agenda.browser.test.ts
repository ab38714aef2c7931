import t from 'tap';
import { launchBrowser } from '../../helpers/browser.js';
import { createTestApp } from '../../helpers/web-app.js';
import { createPublishedEvent, publishChangedVersion } from '../../helpers/published-event.js';
import { ensureParticipantLinks } from '../../../src/services/links/access-links.js';

t.test('Chromium opens an agenda link and prints one A4 page per day', async (t) => {
  const testApp = await createTestApp();
  const db = testApp.handle.db;
  const event = createPublishedEvent(db, { days: 2 });
  // Move one of corp-01's meetings to the second day, so its agenda spans two days.
  const corporate = event.corporateIds[0]!;
  const own = event.placed.filter((m) => m.tableId === event.boothTableIds[0]);
  const dayTwoSlot = event.slotIdsByDay[1]![3]!;
  publishChangedVersion(db, event.eventId, event, { move: new Map([[own[0]!.requestId, dayTwoSlot]]) });
  const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const link = ensureParticipantLinks(db, event.eventId, address).find(
    (l) => l.representativeId === event.representativeIdsByOrganization[corporate]![0],
  )!;
  const browser = await launchBrowser();
  t.teardown(async () => {
    await browser.close();
    await testApp.close();
  });

  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
  const page = await context.newPage();
  const response = await page.goto(`${address}/agenda/${link.token}?lang=en`);
  t.equal(response?.status(), 200);
  t.equal(await page.locator('h1').innerText(), 'Meetings of 기업1 담당자A');
  t.equal(await page.locator('.agenda-day').count(), 2, 'two days');
  t.equal(await page.locator('.agenda-meeting').count(), 4);
  // Seoul is 7 hours ahead of Berlin in June: the viewer's own zone is shown beside the event's.
  const local = page.locator('.local-time').first();
  await local.waitFor({ state: 'visible' });
  const [start, end] = (await page.locator('.agenda-time .time').first().innerText()).split('–');
  const berlin = (time: string) => `${String(Number(time.slice(0, 2)) - 7).padStart(2, '0')}${time.slice(2)}`;
  t.equal(await local.innerText(), `Your time: Jun 10 ${berlin(start!)}–${berlin(end!)} (Europe/Berlin)`);

  await page.click('text=Print layout');
  await page.waitForURL(/\/print/);
  const qrLoaded = await page.locator('.print-qr img').first().evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0);
  t.ok(qrLoaded, 'the QR code image loads');
  t.equal(await page.locator('.print-day').count(), 2);
  await page.emulateMedia({ media: 'print' });
  t.equal(await page.locator('.site-header').isVisible(), false, 'no screen furniture on paper');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  t.equal(pages, 2, 'one A4 page per day');

  // A viewer in Seoul sees no second time.
  const seoul = await browser.newContext({ timezoneId: 'Asia/Seoul' });
  const seoulPage = await seoul.newPage();
  await seoulPage.goto(`${address}/agenda/${link.token}`);
  t.equal(await seoulPage.locator('.local-time:visible').count(), 0);
  t.equal(await seoulPage.locator('html').getAttribute('lang'), 'ko');
  await seoul.close();
  await context.close();
});

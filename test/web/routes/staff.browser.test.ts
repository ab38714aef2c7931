import t from 'tap';
import { meetingsOfVersion } from '../../../src/db/repositories/schedule-repository.js';
import { ensureStaffLinks } from '../../../src/services/links/access-links.js';
import { launchBrowser } from '../../helpers/browser.js';
import { createPublishedEvent, publishChangedVersion } from '../../helpers/published-event.js';
import { seoulTime } from '../../helpers/staff-fixture.js';
import { createTestApp } from '../../helpers/web-app.js';

/** A published event served on a real port, its event-wide staff link and its first meeting. */
async function servedPublishedEvent() {
  const testApp = await createTestApp({ now: () => seoulTime('2025-06-10', '10:05') });
  const db = testApp.handle.db;
  const event = createPublishedEvent(db);
  const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const [eventLink] = ensureStaffLinks(db, event.eventId, address);
  const meeting = meetingsOfVersion(db, event.versionId)[0]!;
  return { testApp, db, event, eventLink, meeting };
}

t.test('Chromium: a check-in on one roster shows on another without reload; so does a new publish', async (t) => {
  const { testApp, db, event, eventLink, meeting } = await servedPublishedEvent();
  const roster = `${eventLink!.url}/rooms/${meeting.roomId}/days/2025-06-10`;
  const representativeId = event.representativeIdsByOrganization[meeting.requested.id]![0]!;
  const browser = await launchBrowser();
  t.teardown(async () => {
    await browser.close();
    await testApp.close();
  });

  // Two staff devices: a phone at the door and a tablet at the help desk.
  const door = await (await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } })).newPage();
  const desk = await (await browser.newContext({ locale: 'en-US' })).newPage();
  t.equal((await door.goto(roster))?.status(), 200);
  t.equal((await desk.goto(roster))?.status(), 200);
  await desk.locator('[data-live-status]', { hasText: 'Updating live' }).waitFor();
  await desk.evaluate(() => ((globalThis as unknown as { marker: string }).marker = 'not reloaded'));
  t.equal(await desk.locator('.staff-slot.is-current h2').innerText(), '10:00–10:20\nNow');

  const cell = (page: typeof desk) => page.locator(`.staff-slot#slot-${meeting.slotId} .staff-cell[data-table="${meeting.tableLabel}"]`);
  await cell(door).locator(`button[data-arrive="${representativeId}"]`).click();
  await door.locator('[data-live-message]', { hasText: 'Recorded.' }).waitFor();
  await cell(desk).locator(`[data-arrived="${representativeId}"]`).waitFor({ timeout: 5000 });
  t.pass('the desk shows the arrival');
  await cell(door).locator('button[data-outcome="held"]').click();
  await cell(desk).locator('[data-status="held"]').waitFor({ timeout: 5000 });
  t.pass('the desk shows the meeting held');
  // A second tap from the desk's now-stale copy is impossible (the button is gone); the door's repeat counts once.
  t.equal(await cell(desk).locator('button[data-outcome]').count(), 0);

  // The organizer publishes a new version from elsewhere: the open roster follows within a few seconds.
  const other = meetingsOfVersion(db, event.versionId).find((m) => m.roomId === meeting.roomId && m.id !== meeting.id)!;
  publishChangedVersion(db, event.eventId, event, { drop: [other.requestId] });
  await desk.locator('[data-version="2"]').waitFor({ timeout: 6000 });
  t.pass('the desk shows published version 2');
  t.equal(await desk.evaluate(() => (globalThis as unknown as { marker?: string }).marker), 'not reloaded');
  t.equal(await cell(desk).locator('[data-status="held"]').count(), 1, 'the check-in survives the new version');
});

t.test('Chromium: without the event stream the roster says so and taps still work', async (t) => {
  const { testApp, eventLink, meeting } = await servedPublishedEvent();
  const browser = await launchBrowser();
  t.teardown(async () => {
    await browser.close();
    await testApp.close();
  });
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  // A venue proxy that drops long-lived connections.
  await page.route('**/events', (route) => route.abort());
  await page.goto(`${eventLink!.url}/rooms/${meeting.roomId}/days/2025-06-10`);
  await page.locator('[data-live-status].offline', { hasText: 'Connection lost' }).waitFor();
  const cell = page.locator(`.staff-slot#slot-${meeting.slotId} .staff-cell[data-table="${meeting.tableLabel}"]`);
  await cell.locator('button[data-outcome="no_show"]').click();
  await cell.locator('[data-status="no_show"]').waitFor({ timeout: 5000 });
  t.pass('the tap was recorded and the roster refreshed');
});

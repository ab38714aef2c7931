// A new organizer's path in real headless Chromium: log in, create an event and set up its days, rooms and tables,
// import the demo CSV files, schedule, move meetings (click, drag and drop, and plain forms without JavaScript), and
// publish after reviewing the changes, then revoke an agenda link.
import t from 'tap';
import { CSV_FIXTURES } from '../helpers/csv-fixture.js';
import { launchBrowser } from '../helpers/browser.js';
import { createTestApp, ORGANIZER } from '../helpers/web-app.js';
import { createOrganizer } from '../../src/services/accounts/organizer-accounts.js';
import { getEventBySlug } from '../../src/db/repositories/event-repository.js';
import { meetingsOfVersion, publishedVersion } from '../../src/db/repositories/schedule-repository.js';

t.test('log in, create an event, import the demo CSVs, schedule, move a meeting, publish, revoke a link', async (t) => {
  const testApp = await createTestApp();
  const db = testApp.handle.db;
  await createOrganizer(db, ORGANIZER);
  const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  t.teardown(async () => {
    await browser.close();
    await testApp.close();
  });
  // Tall enough for the whole grid: a drag then needs no scrolling.
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1600, height: 2400 },
    extraHTTPHeaders: { 'accept-language': 'en' },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto(`${address}/events/new`);
  await page.fill('input[name="email"]', ORGANIZER.email);
  await page.fill('input[name="password"]', ORGANIZER.password);
  await Promise.all([page.waitForURL(/\/events\/new$/), page.click('form[action^="/login"] button[type="submit"]')]);

  await page.fill('#event-slug', 'flow-event');
  await page.fill('#event-nameKo', '흐름 시험 행사');
  await page.fill('#event-nameEn', 'Flow test event');
  await Promise.all([page.waitForURL(/\/events\/flow-event\/setup/), page.click('form[action="/events/new"] button[type="submit"]')]);
  // Two days of 10:00–15:00 with lunch at noon: slots d1-01…d1-10 and d2-01…d2-10, as the CSV files expect.
  for (const date of ['2025-06-10', '2025-06-11']) {
    await page.fill('#day-new-date', date);
    await page.fill('#day-new-endTime', '15:00');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/setup/days"] button[value="save"]')]);
  }
  for (const [room, labels] of [
    [['부스 홀', 'Booth Hall'], ['B-1', 'B-2', 'B-3', 'B-4']],
    [['제1회의실', 'Meeting Room 1'], ['A-1', 'A-2']],
  ] as const) {
    await page.fill('#room-new-nameKo', room[0]);
    await page.fill('#room-new-nameEn', room[1]);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/setup/rooms"] button[type="submit"]')]);
    for (const label of labels) {
      const addTable = page.locator('form[action$="/setup/tables"]').last();
      await addTable.locator('input[name="label"]').fill(label);
      await Promise.all([page.waitForNavigation(), addTable.locator('button[type="submit"]').click()]);
    }
  }

  for (const file of ['participants.csv', 'requests.csv']) {
    await page.click('nav.event-nav >> text=Import');
    await page.setInputFiles('input[name="file"]', `${CSV_FIXTURES}${file}`);
    await Promise.all([page.waitForURL(/\/import\/preview/), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
    await Promise.all([page.waitForNavigation(), page.click('form.confirm-form button[type="submit"]')]);
  }
  await page.click('nav.event-nav >> text=Overview');
  t.match(await page.locator('h1').innerText(), 'Flow test event');
  const accepted = Number(await page.locator('[data-figure="accepted"]').innerText());
  t.ok(accepted > 0, `${accepted} accepted requests imported`);

  await page.click('nav.event-nav >> text=Schedule');
  await page.fill('input[name="seconds"]', '1');
  await page.click('text=Start scheduling');
  await page.waitForSelector('text=Open the timetable', { timeout: 60_000 });
  t.match(await page.locator('.message-notice').innerText(), 'Draft version 1 is ready');

  await page.click('text=Open the timetable');
  await page.waitForSelector('table.timetable');
  const first = page.locator('a.meeting:not(.locked)').first();
  const requestId = Number(await first.getAttribute('data-request-id'));
  const before = meetingsOfVersion(db, 1).find((m) => m.requestId === requestId)!;
  await first.click();
  await page.waitForSelector('table.timetable.choosing td.allowed');
  t.equal(page.url().includes('select='), false, 'targets shown without a page load');
  t.ok((await page.locator('td.refused[title]').count()) > 0, 'refused cells say why');
  const target = page.locator('td.allowed:not(:has(a.meeting))').first();
  const slotId = Number(await target.getAttribute('data-slot-id'));
  const tableId = Number(await target.getAttribute('data-table-id'));
  await Promise.all([page.waitForURL(/done=move/), target.click()]);
  t.match(await page.locator('.message-notice').innerText(), 'The meeting was moved.');
  const after = meetingsOfVersion(db, 1).find((m) => m.requestId === requestId)!;
  t.same([after.slotId, after.tableId], [slotId, tableId]);
  t.not(`${before.slotId}:${before.tableId}`, `${slotId}:${tableId}`);

  // Drag and drop: pick a meeting up, wait for its targets, drop it on an allowed empty cell.
  const dragged = page.locator(`a.meeting:not(.locked):not([data-request-id="${requestId}"])`).first();
  const draggedId = Number(await dragged.getAttribute('data-request-id'));
  await dragged.scrollIntoViewIfNeeded();
  const box = (await dragged.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // A short move inside the cell starts the drag.
  await page.mouse.move(box.x + box.width / 2 + 8, box.y + box.height / 2 + 8, { steps: 2 });
  await page.waitForSelector('table.timetable.choosing td.allowed');
  const drop = page.locator('td.allowed:not(:has(a.meeting))').first();
  const dropPlace = `${await drop.getAttribute('data-slot-id')}:${await drop.getAttribute('data-table-id')}`;
  await drop.hover();
  // The URL already ends in done=move from the click above: wait for the new page itself.
  await Promise.all([page.waitForNavigation(), page.mouse.up()]);
  t.match(await page.locator('.message-notice').innerText(), 'The meeting was moved.');
  const droppedMeeting = meetingsOfVersion(db, 1).find((m) => m.requestId === draggedId)!;
  t.equal(`${droppedMeeting.slotId}:${droppedMeeting.tableId}`, dropPlace, 'dropped where it was let go');

  // Without JavaScript the same edit works through forms: choose a meeting, then a "Move here" button.
  const plain = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'accept-language': 'en' } });
  await plain.addCookies(await context.cookies());
  const formsOnly = await plain.newPage();
  await formsOnly.goto(`${address}/events/flow-event/timetable`);
  const second = formsOnly.locator(`a.meeting:not(.locked):not([data-request-id="${requestId}"])`).first();
  const secondId = Number(await second.getAttribute('data-request-id'));
  const placeOf = (id: number) => {
    const meeting = meetingsOfVersion(db, 1).find((m) => m.requestId === id)!;
    return `${meeting.slotId}:${meeting.tableId}`;
  };
  const secondBefore = placeOf(secondId);
  await Promise.all([formsOnly.waitForURL(/select=/), second.click()]);
  t.match(await formsOnly.locator('.selected-meeting h2').innerText(), 'Selected meeting');
  const button = formsOnly.locator('td.allowed form.target-form button', { hasText: 'Move here' }).first();
  await Promise.all([formsOnly.waitForURL(/done=move/), button.click()]);
  t.match(await formsOnly.locator('.message-notice').innerText(), 'The meeting was moved.');
  t.not(placeOf(secondId), secondBefore, 'moved by the form post');
  await plain.close();

  await page.click('nav.event-nav >> text=Publish');
  t.match(await page.locator('main').innerText(), 'will be the first published timetable');
  await Promise.all([page.waitForURL(/published=1/), page.click('text=Publish version 1')]);
  t.match(await page.locator('.message-notice').innerText(), 'Version 1 is published');
  t.equal(publishedVersion(db, getEventBySlug(db, 'flow-event')!.id)?.number, 1);

  // Publishing issued the agenda links; one was forwarded by mistake and is revoked.
  await page.click('nav.event-nav >> text=Private links');
  const live = await page.locator('table.links-participant tbody tr:not(.link-revoked)').count();
  t.ok(live > 0, 'publishing issued agenda links');
  await Promise.all([page.waitForURL(/done=revoked/), page.locator('table.links-participant button', { hasText: 'Revoke' }).first().click()]);
  t.match(await page.locator('.message-notice').innerText(), 'The link is revoked');
  t.equal(await page.locator('table.links-participant tbody tr.link-revoked').count(), 1);
  t.same(errors, [], 'no script errors (the CSP allows what the pages load)');
  await context.close();
});

import t from 'tap';
import { meetingsOfVersion } from '../../../../src/db/repositories/schedule-repository.js';
import { checkSchedule } from '../../../../src/engine/check.js';
import { validateProblem } from '../../../../src/engine/validate.js';
import { workingVersion } from '../../../../src/services/scheduling/schedule-versions.js';
import { createSmallEvent } from '../../../helpers/event-fixture.js';
import { saveGreedyDraft } from '../../../helpers/greedy-draft.js';
import { createTestApp, loggedInBrowser, type Browser } from '../../../helpers/web-app.js';

async function setup(t: { teardown(fn: () => Promise<void>): void }, language = 'en') {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const db = testApp.handle.db;
  const fixture = createSmallEvent(db);
  const browser = await loggedInBrowser(testApp, language);
  return { testApp, db, fixture, browser };
}

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no field ${name}`);
  return match[1]!;
}

async function waitForRun(browser: Browser, slug: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const page = await browser.get(`/events/${slug}/schedule`);
    if (!page.body.includes('data-job-url')) return page.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not end');
}

t.test('organizer pages need a session', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  createSmallEvent(testApp.handle.db);
  for (const url of ['/events/small-event', '/events/small-event/timetable', '/events/small-event/publish']) {
    const response = await testApp.app.inject({ url });
    t.equal(response.statusCode, 302, url);
    t.match(response.headers.location, /^\/login/);
  }
});

t.test('overview, schedule run with progress, timetable, move, publish with its diff, exports', async (t) => {
  const { db, fixture, browser } = await setup(t);
  const overview = await browser.get('/events/small-event');
  t.equal(overview.statusCode, 200);
  t.match(overview.body, 'There is no timetable yet.');
  t.match(overview.body, /data-figure="accepted">16</);
  t.equal((await browser.get('/events/no-such-event')).statusCode, 404);

  const schedulePage = await browser.get('/events/small-event/schedule');
  t.match(schedulePage.body, 'Start scheduling');
  const started = await browser.post('/events/small-event/schedule', { seconds: '1' }, { formPage: '/events/small-event/schedule' });
  t.equal(started.statusCode, 303);
  const running = await browser.get('/events/small-event/schedule');
  const jobUrl = /data-job-url="([^"]+)"/.exec(running.body)?.[1];
  if (jobUrl) {
    t.match(running.body, '<progress');
    t.match(running.body, 'http-equiv="refresh"', 'reloads itself without JavaScript');
    const json = await browser.get(jobUrl);
    t.equal(json.statusCode, 200);
    t.match(json.json(), { status: /running|done/, percent: Number });
  }
  const finished = await waitForRun(browser, 'small-event');
  t.match(finished, 'Draft version 1 is ready');

  const timetable = await browser.get('/events/small-event/timetable');
  t.equal(timetable.statusCode, 200);
  t.match(timetable.body, 'Draft version 1 (revision 1)');
  t.match(timetable.body, 'Gaon Heavy Industries');
  t.match(timetable.body, 'Meetings and breaks per organization');
  t.match(timetable.body, '/static/js/timetable.js');

  // Choose a meeting: the grid shows where it may go, and refused cells say why.
  const version = workingVersion(db, fixture.eventId)!;
  const meeting = meetingsOfVersion(db, version.id)[0]!;
  const choosing = await browser.get(`/events/small-event/timetable?select=${meeting.requestId}`);
  t.match(choosing.body, 'Selected meeting');
  t.match(choosing.body, 'Move here');
  t.match(choosing.body, /title="[^"]*already has a meeting/);
  const targets = (await browser.get(`/events/small-event/timetable/targets.json?request=${meeting.requestId}`)).json();
  const free = targets.cells.find(
    (cell: { allowed: boolean; swapWithRequestId: number | null; slotId: number }) =>
      cell.allowed && cell.swapWithRequestId === null && cell.slotId !== meeting.slotId,
  );
  t.ok(free, 'there is a free allowed cell');
  const refused = targets.cells.find((cell: { allowed: boolean }) => !cell.allowed);
  t.ok(refused.reasons.length > 0);

  const fields = {
    kind: 'move',
    requestId: String(meeting.requestId),
    slotId: String(free.slotId),
    tableId: String(free.tableId),
    versionId: hidden(choosing.body, 'versionId'),
    revision: hidden(choosing.body, 'revision'),
  };
  const moved = await browser.post('/events/small-event/timetable/edit', fields, { formPage: '/events/small-event/timetable' });
  t.equal(moved.statusCode, 303);
  t.match(moved.headers.location, 'done=move');
  t.match((await browser.get(moved.headers.location as string)).body, 'The meeting was moved.');

  // The same form again is stale: refused with the reason, not applied.
  const stale = await browser.post('/events/small-event/timetable/edit', { ...fields, slotId: String(meeting.slotId), tableId: String(meeting.tableId) }, { formPage: '/events/small-event/timetable' });
  t.equal(stale.statusCode, 409);
  t.match(stale.body, 'Someone else changed the timetable meanwhile');

  // A conflicting move is refused with the rule it breaks.
  const current = workingVersion(db, fixture.eventId)!;
  const other = meetingsOfVersion(db, current.id).find((m) => m.requester.id === meeting.requester.id && m.requestId !== meeting.requestId)!;
  const conflict = await browser.post(
    '/events/small-event/timetable/edit',
    { ...fields, slotId: String(other.slotId), versionId: String(current.id), revision: String(current.revision) },
    { formPage: '/events/small-event/timetable' },
  );
  t.equal(conflict.statusCode, 409);
  t.match(conflict.body, 'Nothing was changed');
  t.match(conflict.body, 'already has a meeting in');

  const publishPage = await browser.get('/events/small-event/publish');
  t.match(publishPage.body, 'will be the first published timetable');
  t.match(publishPage.body, /data-figure="added">16</);
  const published = await browser.post(
    '/events/small-event/publish',
    { versionId: hidden(publishPage.body, 'versionId'), revision: hidden(publishPage.body, 'revision') },
    { formPage: '/events/small-event/publish' },
  );
  t.equal(published.statusCode, 303);
  t.match((await browser.get(published.headers.location as string)).body, 'Version 1 is published');

  const csv = await browser.get('/events/small-event/export.csv');
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], 'text/csv');
  t.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with a BOM for Excel');
  t.equal(csv.body.trim().split('\n').length, 1 + 16);
  const problem = (await browser.get('/events/small-event/export.problem.json')).json();
  const validation = validateProblem(problem);
  t.ok(validation.ok);
  const schedule = (await browser.get('/events/small-event/export.schedule.json?published=1')).json();
  if (validation.ok) t.ok(checkSchedule(validation.problem, schedule).valid, 'the exported schedule passes the checker');
});

t.test('re-publishing shows the diff before it goes out; a stale confirmation is refused', async (t) => {
  const { db, fixture, browser } = await setup(t, 'ko');
  saveGreedyDraft(db, fixture.eventId);
  let page = await browser.get('/events/small-event/publish');
  await browser.post('/events/small-event/publish', { versionId: hidden(page.body, 'versionId'), revision: hidden(page.body, 'revision') }, { formPage: '/events/small-event/publish' });
  t.match((await browser.get('/events/small-event/publish')).body, '공개할 초안이 없습니다');

  const timetable = await browser.get('/events/small-event/timetable');
  t.match(timetable.body, '공개된 1판');
  const published = workingVersion(db, fixture.eventId)!;
  const meeting = meetingsOfVersion(db, published.id)[0]!;
  const unschedule = await browser.post(
    '/events/small-event/timetable/edit',
    { kind: 'unschedule', requestId: String(meeting.requestId), versionId: String(published.id), revision: String(published.revision) },
    { formPage: '/events/small-event/timetable' },
  );
  t.equal(unschedule.statusCode, 303);
  page = await browser.get('/events/small-event/publish');
  t.match(page.body, /data-figure="cancelled">1</);
  t.match(page.body, /data-figure="moved">0</);
  t.match(page.body, '영향받는 기관과 담당자');
  const draftId = hidden(page.body, 'versionId');
  const staleRevision = hidden(page.body, 'revision');
  // Someone locks a meeting after the preview was shown.
  const draft = workingVersion(db, fixture.eventId)!;
  await browser.post(
    '/events/small-event/timetable/edit',
    { kind: 'lock', requestId: String(meetingsOfVersion(db, draft.id)[0]!.requestId), versionId: String(draft.id), revision: String(draft.revision) },
    { formPage: '/events/small-event/timetable' },
  );
  const refused = await browser.post('/events/small-event/publish', { versionId: draftId, revision: staleRevision }, { formPage: '/events/small-event/publish' });
  t.equal(refused.statusCode, 409);
  t.match(refused.body, '미리 보기 이후 초안이 바뀌었습니다');
});

t.test('a run can be cancelled from the page; unknown jobs are 404', async (t) => {
  const { browser } = await setup(t);
  t.equal((await browser.get('/events/small-event/schedule/jobs/00000000-0000-0000-0000-000000000000')).statusCode, 404);
  await browser.post('/events/small-event/schedule', { seconds: '120' }, { formPage: '/events/small-event/schedule' });
  const running = await browser.get('/events/small-event/schedule');
  const jobUrl = /data-job-url="([^"]+)"/.exec(running.body)![1]!;
  t.equal((await browser.get(jobUrl.replace('small-event', 'no-such-event'))).statusCode, 404);
  const cancel = await browser.post(`${jobUrl}/cancel`, {}, { formPage: '/events/small-event/schedule' });
  t.equal(cancel.statusCode, 303);
  const started = Date.now();
  const page = await waitForRun(browser, 'small-event');
  t.ok(Date.now() - started < 60_000, 'stops long before its two minutes');
  t.match(page, 'The run was cancelled; nothing was saved.');
  t.match((await browser.get('/events/small-event/timetable')).body, 'There is no timetable yet.');
  t.match((await browser.get('/events/small-event/schedule')).body, '/static/css/event-nav.css');
});

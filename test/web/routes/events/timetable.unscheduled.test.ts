import t from 'tap';
import { and, eq } from 'drizzle-orm';
import { meetingsOfVersion, unscheduledOfVersion } from '../../../../src/db/repositories/schedule-repository.js';
import { unscheduledRequests } from '../../../../src/db/schema/index.js';
import { applyEdit } from '../../../../src/services/timetable/meeting-edits.js';
import { planEvent } from '../../../../src/services/scheduling/scheduling.js';
import { createSmallEvent, keepFirstPairApart } from '../../../helpers/event-fixture.js';
import { eventRow } from '../../../helpers/greedy-draft.js';
import { Browser, createTestApp, loggedInBrowser, ORGANIZER, type TestApp } from '../../../helpers/web-app.js';

const actor = { label: 'cli', userId: null };

/** The organizer logged in twice: asking for English pages, and for Korean ones. */
async function browsers(testApp: TestApp): Promise<{ english: Browser; korean: Browser }> {
  const english = await loggedInBrowser(testApp, 'en');
  const korean = new Browser(testApp.app, 'ko');
  await korean.login(ORGANIZER.email, ORGANIZER.password);
  return { english, korean };
}

/** The text of the unscheduled list's reason cells, tags removed. */
function reasons(html: string): string[] {
  const section = /<section aria-labelledby="unscheduled-title">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  return [...section.matchAll(/<td><code>[^<]*<\/code> ([^<]*)<\/td>/g)].map((match) => match[1]!.trim());
}

t.test('a meeting with no common free slot is explained in the page language; old rows keep their English', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const db = testApp.handle.db;
  const fixture = createSmallEvent(db);
  // The first accepted request is st-01 (Maru Sensor) → corp-01 (Gaon Heavy Industries): st-01 is away in the
  // morning, corp-01 in the afternoon.
  const [requestId] = fixture.acceptedRequestIds as [number];
  keepFirstPairApart(db, fixture);
  const { version } = await planEvent(db, eventRow(db, fixture.eventId), { actor, timeLimitMs: 300, seeds: [1] });
  const stored = unscheduledOfVersion(db, version.id).find((row) => row.requestId === requestId);
  t.match(stored, { code: 'NO_COMMON_SLOT', reason: 'corp-01 is unavailable in all 5 slots st-01 can attend' });
  t.same(JSON.parse(stored!.params!), { variant: 'apart', participant: 'corp-01', other: 'st-01', count: 5 });

  const { english, korean } = await browsers(testApp);
  const en = await english.get('/events/small-event/timetable');
  t.equal(en.statusCode, 200);
  t.ok(
    reasons(en.body).includes('Gaon Heavy Industries is unavailable in all 5 slots Maru Sensor can attend.'),
    `English: ${reasons(en.body).join(' | ')}`,
  );
  const ko = await korean.get('/events/small-event/timetable');
  t.ok(
    reasons(ko.body).includes('가온중공업은(는) 마루센서이(가) 참석할 수 있는 슬롯 5개에 모두 참석할 수 없습니다.'),
    `Korean: ${reasons(ko.body).join(' | ')}`,
  );
  t.notMatch(ko.body, 'can attend', 'no English reason on the Korean page');

  // A row kept before params existed shows the English it was stored with.
  db.update(unscheduledRequests)
    .set({ params: null })
    .where(and(eq(unscheduledRequests.versionId, version.id), eq(unscheduledRequests.requestId, requestId)))
    .run();
  const old = await korean.get('/events/small-event/timetable');
  t.ok(reasons(old.body).includes('corp-01 is unavailable in all 5 slots st-01 can attend'), 'old row: stored reason');
});

t.test('a meeting taken out by an organizer says so in the page language', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  const db = testApp.handle.db;
  const fixture = createSmallEvent(db);
  const event = eventRow(db, fixture.eventId);
  const { version } = await planEvent(db, event, { actor, timeLimitMs: 300, seeds: [1] });
  const meeting = meetingsOfVersion(db, version.id)[0]!;
  applyEdit(db, event, { kind: 'unschedule', requestId: meeting.requestId }, { versionId: version.id, revision: version.revision, actor });
  t.match(unscheduledOfVersion(db, version.id), [{ requestId: meeting.requestId, code: 'MANUAL', params: '{}' }]);

  const { english, korean } = await browsers(testApp);
  const ko = await korean.get('/events/small-event/timetable');
  t.same(reasons(ko.body), ['주최자가 편성에서 뺐습니다.']);
  const en = await english.get('/events/small-event/timetable');
  t.same(reasons(en.body), ['Taken out of the timetable by an organizer.']);
});

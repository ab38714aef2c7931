import t from 'tap';
import { eq } from 'drizzle-orm';
import { accessTokens } from '../../src/db/schema/index.js';
import { participantLink, revokeLink, staffLink } from '../helpers/link-fixture.js';
import { requireAccessLink } from '../../src/web/guards.js';
import { createSmallEvent } from '../helpers/event-fixture.js';
import { createTestApp, type TestApp } from '../helpers/web-app.js';

async function appWithTokenRoutes(now: () => Date = () => new Date()): Promise<TestApp> {
  const testApp = await createTestApp({ now });
  testApp.app.get(
    '/test-participant/:token',
    { preHandler: requireAccessLink('participant') },
    async (request) => ({ representativeId: request.accessLink?.representativeId }),
  );
  testApp.app.get(
    '/test-staff/:token',
    { preHandler: requireAccessLink('staff') },
    async (request) => ({ roomId: request.accessLink?.roomId, eventId: request.accessLink?.eventId }),
  );
  return testApp;
}

t.test('a live link opens its page; the link is on the request', async (t) => {
  let now = new Date('2025-05-28T09:00:00Z');
  const testApp = await appWithTokenRoutes(() => now);
  t.teardown(testApp.close);
  const event = createSmallEvent(testApp.handle.db);
  const representativeId = event.representativeIds[0]!;
  const participant = participantLink(testApp.handle.db, event.eventId, representativeId);
  const staff = staffLink(testApp.handle.db, event.eventId, event.roomIds[1]!);

  const agenda = await testApp.app.inject({ url: `/test-participant/${participant.token}` });
  t.equal(agenda.statusCode, 200);
  t.same(agenda.json(), { representativeId });
  const roster = await testApp.app.inject({ url: `/test-staff/${staff.token}` });
  t.same(roster.json(), { roomId: event.roomIds[1], eventId: event.eventId });

  const usedAt = () =>
    testApp.handle.db.select().from(accessTokens).where(eq(accessTokens.id, participant.id)).get()?.lastUsedAt;
  t.same(usedAt(), now, 'last use recorded');
  const first = now;
  now = new Date(first.getTime() + 30_000);
  await testApp.app.inject({ url: `/test-participant/${participant.token}` });
  t.same(usedAt(), first, 'not rewritten within a minute');
  now = new Date(first.getTime() + 120_000);
  await testApp.app.inject({ url: `/test-participant/${participant.token}` });
  t.same(usedAt(), now);
});

t.test('unknown, malformed and revoked tokens get the 404 page; the wrong kind 403', async (t) => {
  const testApp = await appWithTokenRoutes();
  t.teardown(testApp.close);
  const event = createSmallEvent(testApp.handle.db);
  const participant = participantLink(testApp.handle.db, event.eventId, event.representativeIds[0]!);
  const staff = staffLink(testApp.handle.db, event.eventId);
  const headers = { 'accept-language': 'en' };

  const forged = 'A'.repeat(43);
  for (const token of [forged, 'short', `${participant.token}x`, '%00%00', participant.token.toLowerCase()]) {
    const response = await testApp.app.inject({ url: `/test-participant/${token}`, headers });
    t.equal(response.statusCode, 404, `token ${token.slice(0, 12)}…`);
    t.match(response.body, 'This link is not valid or was revoked.');
  }

  const wrongKind = await testApp.app.inject({ url: `/test-participant/${staff.token}`, headers });
  t.equal(wrongKind.statusCode, 403);
  t.match(wrongKind.body, 'This link does not open this page.');
  t.equal((await testApp.app.inject({ url: `/test-staff/${participant.token}` })).statusCode, 403);

  t.equal(revokeLink(testApp.handle.db, participant.token), 'revoked');
  const revoked = await testApp.app.inject({ url: `/test-participant/${participant.token}`, headers: { 'accept-language': 'ko' } });
  t.equal(revoked.statusCode, 404);
  t.match(revoked.body, '이 링크는 유효하지 않거나 취소되었습니다.');
});

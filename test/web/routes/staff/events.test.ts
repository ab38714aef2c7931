import t from 'tap';
import { get, type IncomingMessage } from 'node:http';
import { meetingsOfVersion } from '../../../../src/db/repositories/schedule-repository.js';
import { revokeLink } from '../../../helpers/link-fixture.js';
import { createStaffFixture, pathOf } from '../../../helpers/staff-fixture.js';
import { Browser } from '../../../helpers/web-app.js';

/** Reads a server-sent event stream, resolving `next(text)` once the stream has carried `text`. */
function reader(response: IncomingMessage) {
  let received = '';
  let waiting: { text: string; resolve: () => void } | null = null;
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    received += chunk;
    if (waiting && received.includes(waiting.text)) waiting.resolve();
  });
  return {
    get received() {
      return received;
    },
    next(text: string): Promise<void> {
      if (received.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${text}" in: ${received}`)), 5000);
        waiting = {
          text,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    },
  };
}

t.test('the event stream tells of check-ins and ends when its link is revoked', async (t) => {
  const fixture = await createStaffFixture();
  const { testApp, event, links } = fixture;
  t.teardown(testApp.close);
  const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const listener = links[1]!; // the booth hall's link
  // A phone that accepts gzip still gets the stream as it is written: compression would hold events back.
  const response = await new Promise<IncomingMessage>((resolve) =>
    get(`${address}${pathOf(listener)}/events`, { headers: { 'accept-encoding': 'gzip, deflate' } }, resolve),
  );
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], 'text/event-stream');
  t.equal(response.headers['content-encoding'], undefined);
  const stream = reader(response);
  await stream.next('retry: 3000');

  // Another device checks someone in through the event-wide link.
  const meeting = meetingsOfVersion(testApp.handle.db, event.versionId)[0]!;
  const desk = new Browser(testApp.app);
  const roster = `${pathOf(links[0]!)}/rooms/${meeting.roomId}/days/${meeting.date}`;
  const tap = (representativeId: number) =>
    desk.post(
      `${pathOf(links[0]!)}/check-ins`,
      { tap: `arrived:${representativeId}`, date: meeting.date, roomId: String(meeting.roomId), view: 'roster' },
      { formPage: roster },
    );
  const [first, second] = event.representativeIdsByOrganization[meeting.requested.id]!;
  t.equal((await tap(first!)).statusCode, 303);
  await stream.next(`event: change\ndata: {"type":"checkin","dayId":${meeting.dayId},"roomId":${meeting.roomId}}`);
  t.pass('the check-in reached the stream');

  const ended = new Promise<void>((resolve) => response.on('end', resolve));
  t.equal(revokeLink(testApp.handle.db, pathOf(listener).slice('/staff/'.length)), 'revoked');
  t.equal((await tap(second!)).statusCode, 303);
  await stream.next('event: revoked');
  await ended;
  t.equal(stream.received.split('event: change').length - 1, 1, 'the check-in after the revocation was not sent');
});

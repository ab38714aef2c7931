import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { agendaCalendar, meetingCalendar } from '../../../src/services/calendar/calendar-files.js';
import { refoldByOctets, writeCalendar } from '../../../src/services/calendar/ics-writer.js';
import { ensureParticipantLinks, lookupAccessLink } from '../../../src/services/links/access-links.js';
import { createPublishedEvent, publishChangedVersion } from '../../helpers/published-event.js';
import { longestLineOctets, parseCalendar } from '../../helpers/ical.js';
import { writeWithIcsPackage } from '../../helpers/ics-package-writer.js';

const PUBLIC = 'https://meet.example.org';

function setUp() {
  const handle = openDatabase(':memory:');
  const event = createPublishedEvent(handle.db);
  const links = ensureParticipantLinks(handle.db, event.eventId, PUBLIC);
  const tokenOf = (representativeId: number) => {
    const link = links.find((l) => l.representativeId === representativeId)!;
    return { ...link, accessTokenId: lookupAccessLink(handle.db, link.token)!.id };
  };
  return { ...handle, event, tokenOf };
}

t.test('the whole agenda parses back with every field a calendar client needs', (t) => {
  const { db, close, event, tokenOf } = setUp();
  t.teardown(close);
  const corporate = event.corporateIds[0]!;
  const holder = tokenOf(event.representativeIdsByOrganization[corporate]![0]!);
  const file = agendaCalendar(db, { accessTokenId: holder.accessTokenId, agendaUrl: holder.url, from: 'GSAT <desk@gsat.example>' })!;
  const parsed = parseCalendar(file.body);
  t.equal(parsed.method, 'PUBLISH');
  const own = event.placed.filter((m) => {
    const request = db.query.requests.findFirst({ where: (r, { eq }) => eq(r.id, m.requestId) }).sync()!;
    return request.requesterId === corporate || request.requestedId === corporate;
  });
  t.equal(parsed.entries.length, own.length, 'one VEVENT per meeting of the organization');
  const first = parsed.entries[0]!;
  // Day 2025-06-10, first slot 10:00–10:20 in Asia/Seoul (UTC+9).
  t.equal(first.start, '2025-06-10T01:00:00.000Z');
  t.equal(first.end, '2025-06-10T01:20:00.000Z');
  t.equal(first.sequence, 0);
  t.equal(first.status, 'CONFIRMED');
  t.match(first.location, /부스 홀, 테이블 B-1, Test Hall/);
  t.match(first.description, holder.url);
  t.match(first.summary, /^미팅: /);
  t.equal(first.organizer?.toLowerCase(), 'mailto:desk@gsat.example');
  t.ok(first.attendees.includes('mailto:corp1.a@example.com') && first.attendees.includes('mailto:corp1.b@example.com'));
  t.ok(first.attendees.length >= 3, 'representatives of both organizations attend');
  t.equal(first.stamp, '2025-06-01T01:00:00.000Z', 'DTSTAMP is when the version was published');
  t.ok(longestLineOctets(file.body) <= 75, 'no line is longer than 75 octets, Korean included');
  t.match(file.body, /^BEGIN:VCALENDAR\r\n/);
  t.match(file.etag, /^"[\w-]+"$/);

  const single = meetingCalendar(db, { accessTokenId: holder.accessTokenId, agendaUrl: holder.url }, first.uid)!;
  t.same(parseCalendar(single.body).entries.map((e) => e.uid), [first.uid]);
  t.equal(meetingCalendar(db, { accessTokenId: holder.accessTokenId, agendaUrl: holder.url }, 'nope@meetgrid'), undefined);
  t.end();
});

t.test('English representatives get English entries; a moved meeting keeps its UID with a higher SEQUENCE', (t) => {
  const { db, close, event, tokenOf } = setUp();
  t.teardown(close);
  const startup = event.startupIds[7]!; // reads English
  const holder = tokenOf(event.representativeIdsByOrganization[startup]![0]!);
  const before = parseCalendar(agendaCalendar(db, { accessTokenId: holder.accessTokenId, agendaUrl: holder.url })!.body);
  t.equal(before.entries.length, 2);
  t.match(before.entries[0]!.summary, /^Meeting: /);
  t.match(before.entries[0]!.location, /Booth Hall, table B-/);

  const requestOf = (uid: string) => before.entries.findIndex((e) => e.uid === uid);
  t.ok(requestOf(before.entries[0]!.uid) >= 0);
  const startupRequests = db.query.requests
    .findMany({ where: (r, { and, eq }) => and(eq(r.requesterId, startup), eq(r.status, 'accepted')) })
    .sync()
    .map((r) => r.id);
  const lastSlot = event.slotIds[event.slotIds.length - 1]!;
  const v2 = publishChangedVersion(db, event.eventId, event, {
    move: new Map([[startupRequests[0]!, lastSlot]]),
    drop: [startupRequests[1]!],
  });
  t.ok(v2.versionId > event.versionId);
  const after = parseCalendar(agendaCalendar(db, { accessTokenId: holder.accessTokenId, agendaUrl: holder.url })!.body);
  t.equal(after.entries.length, 1, 'the cancelled meeting disappears from the feed');
  const movedBefore = before.entries.find((e) => e.uid === after.entries[0]!.uid);
  t.ok(movedBefore, 'same UID as before the move');
  t.equal(after.entries[0]!.sequence, movedBefore!.sequence + 1);
  t.equal(after.entries[0]!.start, '2025-06-10T05:40:00.000Z', 'the last slot, 14:40 in Seoul');
  t.end();
});

t.test('writer: empty calendars, CANCEL, and folding by octets', (t) => {
  const empty = writeCalendar('PUBLISH', [], '빈 달력');
  t.same(parseCalendar(empty), { method: 'PUBLISH', entries: [] });
  const person = { name: 'Kim, "Minsu"; Jr', email: 'kim@example.com' };
  const meeting = {
    uid: 'u1@meetgrid',
    sequence: 3,
    start: Date.UTC(2025, 4, 28, 1),
    end: Date.UTC(2025, 4, 28, 1, 20),
    stamp: Date.UTC(2025, 4, 1),
    title: '미팅: '.repeat(40),
    location: 'Room A, table 1',
    description: 'line one\nline two; with, punctuation',
    cancelled: false,
    organizer: { name: 'GSAT', email: 'desk@example.com' },
    attendees: [person, { name: 'No mail', email: '' }],
  };
  const cancel = writeCalendar('CANCEL', [meeting]);
  const parsed = parseCalendar(cancel);
  t.equal(parsed.method, 'CANCEL');
  t.equal(parsed.entries[0]!.status, 'CANCELLED', 'a CANCEL says so in STATUS too');
  t.equal(parsed.entries[0]!.sequence, 3);
  t.equal(parsed.entries[0]!.description, 'line one\nline two; with, punctuation');
  t.equal(parsed.entries[0]!.summary, '미팅: '.repeat(40));
  t.same(parsed.entries[0]!.attendees, ['mailto:kim@example.com'], 'an attendee without address is left out');
  t.ok(longestLineOctets(cancel) <= 75);
  t.equal(refoldByOctets('A:b\r\n'), 'A:b\r\n');
  // Four-octet characters are never split, and control characters (not allowed in any value) are dropped.
  const emoji = writeCalendar('REQUEST', [{ ...meeting, title: `🤝${'악수🤝'.repeat(30)}\u0007` }]);
  t.equal(parseCalendar(emoji).entries[0]!.summary, `🤝${'악수🤝'.repeat(30)}`);
  t.ok(longestLineOctets(emoji) <= 75);
  t.equal(Buffer.from(emoji, 'utf8').toString('utf8'), emoji, 'no surrogate pair is cut in two');
  t.end();
});

t.test('our writer and the ics package say the same thing', (t) => {
  const entry = {
    uid: 'same@meetgrid',
    sequence: 2,
    start: Date.UTC(2025, 4, 28, 1),
    end: Date.UTC(2025, 4, 28, 1, 20),
    stamp: Date.UTC(2025, 4, 1, 9, 30),
    title: '미팅: 가온중공업 (GSAT 2025)',
    location: '부스 홀, 테이블 B-1, 창원컨벤션센터',
    description: '상대: 가온중공업\n분야: shipbuilding; energy, nuclear\n내 일정: https://meet.example.org/agenda/abc',
    url: 'https://meet.example.org/agenda/abc',
    cancelled: false,
    organizer: { name: 'GSAT, desk', email: 'desk@gsat.example' },
    attendees: [
      { name: '김민수', email: 'kim@example.com' },
      { name: 'Lee; Jr, CEO', email: 'lee@example.com' },
      { name: 'No address', email: '' },
    ],
  };
  for (const method of ['PUBLISH', 'REQUEST', 'CANCEL'] as const) {
    const ours = writeCalendar(method, [entry, { ...entry, uid: 'other@meetgrid', cancelled: true }], '달력');
    const reference = writeWithIcsPackage(method, [entry, { ...entry, uid: 'other@meetgrid', cancelled: true }], '달력');
    const strip = (calendar: ReturnType<typeof parseCalendar>) => ({
      ...calendar,
      entries: calendar.entries.map((e) => ({ ...e, organizer: e.organizer?.toLowerCase(), attendees: e.attendees.map((a) => a.toLowerCase()) })),
    });
    t.same(strip(parseCalendar(ours)), strip(parseCalendar(reference)), method);
    t.ok(longestLineOctets(ours) <= 75);
  }
  // A double quote cannot be part of a parameter value; `ics` leaves a broken CN, ours drops the quotes.
  const quoted = writeCalendar('PUBLISH', [{ ...entry, attendees: [{ name: 'Lee "Jr"', email: 'lee@example.com' }] }]);
  t.same(parseCalendar(quoted).entries[0]!.attendeeNames, ['Lee Jr']);
  t.end();
});

import t, { type Test } from 'tap';
import { openDatabase, type DbHandle } from '../../../src/db/client.js';
import { describeDemoEvent, demoRequests, ensureDemoEvent, resetDemoEvent } from '../../../src/services/demo/demo-event.js';
import { DEMO_DAYS } from '../../../src/services/demo/demo-event-data.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

function database(t: Test): DbHandle {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  return handle;
}

type Row = Record<string, string | number | null>;

function rows(handle: DbHandle, sql: string, ...params: (string | number)[]): Row[] {
  return handle.sqlite.prepare(sql).all(...params) as Row[];
}

function scalar(handle: DbHandle, sql: string, ...params: (string | number)[]): number {
  return handle.sqlite.prepare(sql).pluck().get(...params) as number;
}

/** Everything the demo wrote, without ids and timestamps, to compare two builds. */
function dump(handle: DbHandle): string {
  return JSON.stringify([
    rows(handle, 'select slug, name_ko, name_en, venue, timezone, meeting_minutes, buffer_minutes from events'),
    rows(handle, 'select date, start_time, end_time, afternoon_from from event_days order by date'),
    rows(handle, 'select code, start_time, end_time, session from slots order by code'),
    rows(handle, 'select o.code, o.kind, o.name_ko, o.name_en, o.sector, o.description, o.max_meetings_per_day from organizations o order by o.code'),
    rows(handle, `select o.code, r.name, r.email, r.title, r.language from representatives r
      join organizations o on o.id = r.organization_id order by o.code, r.id`),
    rows(handle, `select a.code requester, b.code requested, q.priority, q.status, q.session, q.note from requests q
      join organizations a on a.id = q.requester_id join organizations b on b.id = q.requested_id order by q.id`),
    rows(handle, `select t.label, r.name_en, o.code from tables t join rooms r on r.id = t.room_id
      left join organizations o on o.id = t.booth_organization_id order by t.label`),
    rows(handle, `select o.code, s.code slot from organization_unavailability u join organizations o on o.id = u.organization_id
      join slots s on s.id = u.slot_id order by o.code, s.code`),
    rows(handle, `select t.label, s.code slot from table_unavailability u join tables t on t.id = u.table_id
      join slots s on s.id = u.slot_id order by t.label, s.code`),
  ]);
}

t.test('an empty database gets the demo event once', (t) => {
  const handle = database(t);
  t.same(ensureDemoEvent(handle.db), { created: true, slug: 'gsat-2025' });
  t.same(ensureDemoEvent(handle.db), { created: false, slug: 'gsat-2025' }, 'not seeded twice');
  t.equal(scalar(handle, 'select count(*) from events'), 1);
  t.equal(scalar(handle, 'select count(*) from organizations'), 50);
  t.end();
});

t.test('a database with any other event gets no demo', (t) => {
  const handle = database(t);
  createSmallEvent(handle.db);
  t.same(ensureDemoEvent(handle.db), { created: false, slug: 'gsat-2025' });
  t.equal(describeDemoEvent(handle.db), null);
  t.equal(scalar(handle, 'select count(*) from events'), 1);
  t.end();
});

t.test('the demo has the promised shape', (t) => {
  const handle = database(t);
  ensureDemoEvent(handle.db);
  const summary = describeDemoEvent(handle.db)!;
  t.match(summary, {
    slug: 'gsat-2025',
    corporates: 10,
    startups: 40,
    slots: 28,
    rooms: 3,
    tables: 17,
    requests: 152,
    acceptedRequests: 141,
  });
  t.ok(summary.acceptedRequests < 1000, 'well under a thousand meetings');

  const event = rows(handle, 'select * from events')[0]!;
  t.match(event, { timezone: 'Asia/Seoul', venue: /Changwon Convention Center/, name_ko: /GSAT 2025/ });
  t.same(
    rows(handle, 'select date from event_days order by date').map((row) => row.date),
    ['2025-05-28', '2025-05-29'],
  );
  t.same(
    rows(handle, 'select distinct name_ko, name_en, start_time, end_time from day_breaks'),
    [{ name_ko: '점심', name_en: 'Lunch', start_time: '12:00', end_time: '13:00' }],
  );

  const sectors = rows(handle, "select sector, count(*) n from organizations where kind = 'corporate' group by sector");
  t.same(
    sectors.map((row) => [String(row.sector).split(' · ')[0], row.n]).sort(),
    [
      ['기계', 2],
      ['방위산업', 2],
      ['원자력', 2],
      ['조선해양', 2],
      ['항공우주', 2],
    ],
  );
  for (const org of rows(handle, 'select code, name_ko, name_en, sector from organizations')) {
    t.match(org.name_ko, /[가-힣]/, `${org.code} has a Korean name`);
    t.match(org.name_en, /^[A-Za-z][A-Za-z0-9 &.-]+$/, `${org.code} has an English name`);
    t.not(org.sector, '', `${org.code} has a sector`);
  }

  const teams = rows(
    handle,
    `select o.code, o.kind, count(r.id) n from organizations o join representatives r on r.organization_id = o.id
     group by o.id`,
  );
  t.equal(teams.length, 50, 'every organization has representatives');
  for (const team of teams) {
    const [low, high] = team.kind === 'corporate' ? [2, 3] : [1, 2];
    t.ok(Number(team.n) >= low && Number(team.n) <= high, `${team.code} has ${team.n} representatives`);
  }
  const emails = rows(handle, 'select email from representatives').map((row) => String(row.email));
  t.equal(new Set(emails).size, emails.length, 'e-mail addresses are distinct');
  t.ok(emails.every((email) => /^[a-z]+\.[a-z]+@[a-z-]+\.example\.com$/.test(email)), 'all at example.com');
  const english = scalar(handle, "select count(*) from representatives where language = 'en'");
  t.ok(english > 0 && english < emails.length / 4, `some (${english}) read English, most Korean`);

  t.same(
    rows(handle, `select count(*) n from tables t join organizations o on o.id = t.booth_organization_id
      where o.kind = 'corporate'`)[0],
    { n: 10 },
    'every corporate has a booth table',
  );
  t.end();
});

t.test('requests are realistic and stay inside the event', (t) => {
  const handle = database(t);
  ensureDemoEvent(handle.db);
  const all = rows(
    handle,
    `select q.event_id, q.status, q.priority, a.event_id ae, b.event_id be, a.kind ak, b.kind bk, a.code ac, b.code bc
     from requests q join organizations a on a.id = q.requester_id join organizations b on b.id = q.requested_id`,
  );
  t.ok(all.every((row) => row.event_id === row.ae && row.event_id === row.be), "every request's organizations are in the event");
  t.ok(all.every((row) => row.ak !== row.bk), 'every request pairs a corporate with a startup');
  const pairs = all.map((row) => [row.ac, row.bc].sort().join('+'));
  t.equal(new Set(pairs).size, pairs.length, 'no pair is requested twice');
  t.ok(all.every((row) => Number(row.priority) >= 1 && Number(row.priority) <= 3), 'priorities 1–3');

  const byStartup = rows(
    handle,
    `select a.code, count(*) n from requests q join organizations a on a.id = q.requester_id
     where a.kind = 'startup' group by a.id`,
  );
  t.equal(byStartup.length, 40, 'every startup asks');
  t.ok(byStartup.every((row) => Number(row.n) >= 3 && Number(row.n) <= 6), 'for 3 to 6 corporates');
  t.ok(all.filter((row) => row.ak === 'corporate').length >= 10, 'corporates invite startups too');

  const statuses = Object.fromEntries(
    rows(handle, 'select status, count(*) n from requests group by status').map((row) => [row.status, row.n]),
  );
  t.same(statuses, { accepted: 141, declined: 5, requested: 6 });
  t.equal(scalar(handle, "select count(*) from requests where session is not null and status = 'accepted'"), 2);
  t.equal(demoRequests().length, 152, 'the pure list matches what was written');
  t.end();
});

t.test('every slot sits inside its day and outside lunch', (t) => {
  const handle = database(t);
  ensureDemoEvent(handle.db);
  const slots = rows(handle, 'select s.code, s.start_time, s.end_time, d.date from slots s join event_days d on d.id = s.day_id');
  t.equal(slots.length, 28);
  for (const slot of slots) {
    const day = DEMO_DAYS.find((candidate) => candidate.date === slot.date)!;
    const [start, end] = [String(slot.start_time), String(slot.end_time)];
    t.ok(start >= day.startTime && end <= day.endTime, `${slot.code} inside the day`);
    t.ok(end <= '12:00' || start >= '13:00', `${slot.code} outside lunch`);
  }
  t.end();
});

t.test('the promised absences', (t) => {
  const handle = database(t);
  ensureDemoEvent(handle.db);
  const awaySlots = (code: string) =>
    rows(
      handle,
      `select s.code from organization_unavailability u join organizations o on o.id = u.organization_id
       join slots s on s.id = u.slot_id where o.code = ? order by s.code`,
      code,
    ).map((row) => row.code);
  const all = rows(handle, 'select code, session from slots order by code');
  const codes = (filter: (row: Row) => boolean) => all.filter(filter).map((row) => row.code);
  t.same(
    awaySlots('st-19'),
    codes((row) => !(String(row.code).startsWith('d2-') && row.session === 'pm')),
    'a startup only on day 2 afternoon',
  );
  t.same(
    awaySlots('corp-05'),
    codes((row) => String(row.code).startsWith('d1-') && row.session === 'am'),
    'a corporate absent on day 1 morning',
  );
  t.end();
});

t.test('the demo is feasible: a simple first-fit places every accepted request', (t) => {
  const handle = database(t);
  ensureDemoEvent(handle.db);
  const slots = rows(handle, 'select s.id, s.session, d.date from slots s join event_days d on d.id = s.day_id order by d.date, s.position');
  const booths = new Map(
    rows(handle, 'select booth_organization_id o, id from tables where booth_organization_id is not null').map((row) => [row.o, row.id]),
  );
  const away = new Set(rows(handle, 'select organization_id o, slot_id s from organization_unavailability').map((row) => `${row.o}@${row.s}`));
  const closed = new Set(rows(handle, 'select table_id t, slot_id s from table_unavailability').map((row) => `${row.t}@${row.s}`));
  const caps = new Map(rows(handle, 'select id, max_meetings_per_day m from organizations').map((row) => [row.id, row.m]));
  const requests = rows(handle, "select requester_id a, requested_id b, session from requests where status = 'accepted'");
  // Most constrained first: organizations with absences, then fixed sessions.
  const weight = (row: Row) =>
    [...away].filter((key) => key.startsWith(`${row.a}@`) || key.startsWith(`${row.b}@`)).length * 10 + (row.session ? 5 : 0);
  requests.sort((x, y) => weight(y) - weight(x));
  const busy = new Set<string>();
  const perDay = new Map<string, number>();
  let placed = 0;
  for (const request of requests) {
    const slot = slots.find((candidate) => {
      if (request.session && candidate.session !== request.session) return false;
      return [request.a, request.b].every((org) => {
        const table = booths.get(org);
        const cap = caps.get(org);
        return (
          !busy.has(`${org}@${candidate.id}`) &&
          !away.has(`${org}@${candidate.id}`) &&
          !(table && closed.has(`${table}@${candidate.id}`)) &&
          (cap === null || (perDay.get(`${org}@${candidate.date}`) ?? 0) < Number(cap))
        );
      });
    });
    if (!slot) continue;
    for (const org of [request.a, request.b]) {
      busy.add(`${org}@${slot.id}`);
      perDay.set(`${org}@${slot.date}`, (perDay.get(`${org}@${slot.date}`) ?? 0) + 1);
    }
    placed += 1;
  }
  t.equal(placed, requests.length, 'every accepted request found a slot at a booth');
  t.end();
});

t.test('reset rebuilds the same demo and leaves other events alone', (t) => {
  const handle = database(t);
  ensureDemoEvent(handle.db);
  const fresh = dump(handle);
  const other = createSmallEvent(handle.db, { slug: 'spring-meetup' });
  const demoId = describeDemoEvent(handle.db)!.eventId;
  handle.sqlite.prepare("delete from requests where event_id = ? and status = 'declined'").run(demoId);
  handle.sqlite.prepare("update organizations set name_en = 'Edited' where event_id = ? and code = 'corp-01'").run(demoId);
  const version = handle.sqlite
    .prepare("insert into schedule_versions (event_id, number, status) values (?, 1, 'published')")
    .run(demoId).lastInsertRowid;
  handle.sqlite
    .prepare(
      `insert into meetings (version_id, request_id, slot_id, table_id)
       select ?, q.id, (select min(id) from slots where event_id = ?), (select min(id) from tables where event_id = ?)
       from requests q where q.event_id = ? limit 1`,
    )
    .run(version, demoId, demoId, demoId);

  const summary = resetDemoEvent(handle.db);
  t.not(summary.eventId, demoId, 'a new event row');
  t.equal(summary.requests, 152);
  t.equal(scalar(handle, 'select count(*) from schedule_versions'), 0, 'the old schedule went with the old event');
  t.equal(scalar(handle, 'select count(*) from events'), 2);
  t.equal(scalar(handle, 'select count(*) from organizations where event_id = ?', other.eventId), 12, 'the other event is untouched');

  handle.sqlite.prepare('delete from events where id = ?').run(other.eventId);
  t.equal(dump(handle), fresh, 'the rebuilt demo is identical to the first one');

  const second = database(t);
  ensureDemoEvent(second.db);
  t.equal(dump(second), fresh, 'and to one built in another database');
  t.end();
});

t.test('reset works on a database without the demo', (t) => {
  const handle = database(t);
  t.equal(resetDemoEvent(handle.db).startups, 40);
  t.end();
});

t.test('a failing rebuild changes nothing', (t) => {
  const handle = database(t);
  ensureDemoEvent(handle.db);
  const before = dump(handle);
  handle.sqlite.exec("create temp trigger refuse before insert on requests begin select raise(abort, 'disk full'); end");
  t.throws(() => resetDemoEvent(handle.db), /disk full/);
  t.equal(dump(handle), before, 'the old demo is still complete');
  handle.sqlite.exec('drop trigger refuse');
  handle.sqlite.exec('delete from events');
  handle.sqlite.exec("create temp trigger refuse before insert on requests begin select raise(abort, 'disk full'); end");
  t.throws(() => ensureDemoEvent(handle.db), /disk full/);
  t.equal(scalar(handle, 'select count(*) from organizations'), 0, 'a failed first seed leaves nothing behind');
  t.end();
});

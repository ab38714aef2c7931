import t from 'tap';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client.js';
import { meetingsOfVersion } from '../../../src/db/repositories/schedule-repository.js';
import { organizations, tableUnavailability } from '../../../src/db/schema/index.js';
import { buildTimetable } from '../../../src/services/timetable/timetable.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';
import { eventRow, saveGreedyDraft } from '../../helpers/greedy-draft.js';

t.test('before any run the grid has its shape and no meetings', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  const model = buildTimetable(db, eventRow(db, fixture.eventId), 'en');
  t.equal(model.version, null);
  t.equal(model.rows.length, 10);
  t.ok(model.rows.every((row) => row.cells.every((cell) => cell.meeting === null)));
  t.end();
});

t.test('grid per day grouped by room, pairs corporate first, unavailability, load and breaks', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db, { days: 2 });
  db.insert(tableUnavailability).values({ tableId: fixture.sharedTableIds[0]!, slotId: fixture.slotIdByCode['d1-02']! }).run();
  const draft = saveGreedyDraft(db, fixture.eventId, [fixture.acceptedRequestIds[5]!]);
  const event = eventRow(db, fixture.eventId);
  const model = buildTimetable(db, event, 'ko');

  t.same(model.days.map((day) => day.date), ['2025-06-10', '2025-06-11']);
  t.equal(model.dayId, model.days[0]!.id, 'the first day by default');
  t.same(model.rooms.map((room) => [room.name, room.tables.map((table) => table.label)]), [
    ['부스 홀', ['B-1', 'B-2', 'B-3', 'B-4']],
    ['제1회의실', ['A-1', 'A-2']],
  ]);
  t.equal(model.rooms[0]!.tables[0]!.booth, '가온중공업');
  t.equal(model.rows.length, 10, 'only the chosen day');
  t.equal(model.rows[1]!.cells[4]!.unavailable, true);
  const placed = model.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.meeting ? [cell.meeting] : [])));
  t.equal(placed.length, meetingsOfVersion(db, draft.id).filter((m) => m.date === '2025-06-10').length);
  t.ok(placed.every((m) => m.corporate.kind === 'corporate' && m.startup.kind === 'startup'), 'corporate first');
  t.match(model.unscheduled, [{ requestId: fixture.acceptedRequestIds[5], code: 'TEST', reason: 'left out by the test' }]);

  const second = buildTimetable(db, event, 'ko', { dayId: model.days[1]!.id });
  t.equal(second.dayId, model.days[1]!.id);
  t.ok(second.rows.every((row) => row.code.startsWith('d2-')));

  const corp1 = model.load.find((row) => row.organization.code === 'corp-01')!;
  const corpMeetings = meetingsOfVersion(db, draft.id).filter((m) => m.requested.code === 'corp-01' || m.requester.code === 'corp-01');
  t.equal(corp1.meetings, corpMeetings.length);
  t.equal(corp1.perDay.length, 2);
  t.equal(corp1.perDay.reduce((sum, day) => sum + day.meetings, 0), corp1.meetings);
  t.equal(corp1.breaks, corp1.perDay.reduce((sum, day) => sum + day.breaks, 0));
  t.end();
});

t.test('filters: room narrows the grid; sector and organization mark matches and narrow lists', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  saveGreedyDraft(db, fixture.eventId);
  const event = eventRow(db, fixture.eventId);
  const byRoom = buildTimetable(db, event, 'en', { roomId: fixture.roomIds[1] });
  t.same(byRoom.rooms.map((room) => room.name), ['Meeting Room 1']);
  t.ok(byRoom.rows.every((row) => row.cells.length === 2));

  const st1 = fixture.organizationIdByCode['st-01']!;
  const byOrg = buildTimetable(db, event, 'en', { organizationId: st1 });
  const cells = byOrg.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.meeting ? [cell.meeting] : [])));
  t.equal(cells.filter((m) => m.match).length, 2, 'st-01 has two meetings');
  t.ok(cells.filter((m) => m.match).every((m) => m.startup.id === st1));
  t.same(byOrg.load.map((row) => row.organization.code), ['st-01']);

  db.update(organizations).set({ sector: 'energy' }).where(eq(organizations.id, fixture.organizationIdByCode['corp-02']!)).run();
  const bySector = buildTimetable(db, event, 'en', { sector: 'energy' });
  t.ok(bySector.options.sectors.includes('energy'));
  const matching = bySector.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.meeting?.match ? [cell.meeting] : [])));
  t.ok(matching.length > 0);
  t.ok(matching.every((m) => m.corporate.code === 'corp-02' || m.startup.code === 'st-03'));
  t.end();
});

t.test('a selected meeting shows its allowed targets on the grid', (t) => {
  const { db, close } = openDatabase(':memory:');
  t.teardown(close);
  const fixture = createSmallEvent(db);
  saveGreedyDraft(db, fixture.eventId);
  const requestId = fixture.acceptedRequestIds[0]!;
  const model = buildTimetable(db, eventRow(db, fixture.eventId), 'en', { selectRequestId: requestId });
  t.equal(model.selected?.requestId, requestId);
  t.equal(model.selected?.corporate.code, 'corp-01');
  const targets = model.rows.flatMap((row) => row.cells.map((cell) => cell.target!));
  t.ok(targets.every(Boolean), 'every cell has a verdict');
  t.ok(targets.some((target) => target.allowed));
  t.ok(targets.some((target) => !target.allowed && target.conflicts.some((c) => c.code === 'booth')));
  const home = model.rows.flatMap((row) => row.cells).find((cell) => cell.meeting?.requestId === requestId)!;
  t.equal(home.target!.allowed, false, 'its own cell is not a target');
  t.end();
});

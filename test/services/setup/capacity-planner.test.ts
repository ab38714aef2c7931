import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { capacityOf, planCapacity, type CapacityOrganization } from '../../../src/services/setup/capacity-planner.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

const organization = (id: number, extra: Partial<CapacityOrganization> = {}): CapacityOrganization => ({
  id,
  code: `o-${id}`,
  nameKo: `기업${id}`,
  nameEn: `Org ${id}`,
  unavailableSlots: 0,
  maxMeetings: null,
  hasBooth: false,
  ...extra,
});

t.test('tables needed for the requested meetings, with 10 and 20 % slack', (t) => {
  const organizations = Array.from({ length: 20 }, (_, i) => organization(i + 1));
  // 50 meetings between distinct pairs over 10 slots: at least 5 tables, 6 with 10 % and 6 with 20 % slack.
  const meetings = Array.from({ length: 50 }, (_, i) => ({ between: [1 + (i % 10), 11 + ((i * 3) % 10)] as const, accepted: i % 2 === 0 }));
  const plan = (tables: number) => planCapacity({ slots: 10, tables, organizations, meetings });
  t.match(plan(6), { capacity: 60, meetings: 50, accepted: 25, sharedMeetings: 50, tablesNeeded: { exact: 5, slack10: 6, slack20: 6 }, verdict: 'enough' });
  t.equal(plan(5).verdict, 'tight');
  t.equal(plan(4).verdict, 'short');
  t.equal(plan(6).load, 50 / 60);
  t.equal(planCapacity({ slots: 0, tables: 3, organizations, meetings }).verdict, 'short');
  t.equal(planCapacity({ slots: 10, tables: 3, organizations, meetings: [] }).verdict, 'empty');
  t.end();
});

t.test('booth holders use their booth; organizations with more meetings than free slots or their cap are listed', (t) => {
  const organizations = [
    organization(1, { hasBooth: true }),
    organization(2, { maxMeetings: 1 }),
    organization(3, { unavailableSlots: 3 }),
    organization(4),
  ];
  const meetings = [
    { between: [1, 2] as const, accepted: true },
    { between: [1, 3] as const, accepted: true },
    { between: [2, 3] as const, accepted: true },
    { between: [3, 4] as const, accepted: true },
  ];
  const plan = planCapacity({ slots: 4, tables: 2, organizations, meetings });
  t.equal(plan.boothTables, 1);
  t.equal(plan.sharedMeetings, 2, 'meetings without the booth holder');
  t.same(plan.tablesNeeded, { exact: 2, slack10: 2, slack20: 2 });
  t.same(
    plan.overloaded.map((o) => [o.code, o.meetings, o.limit, o.reason]),
    [
      ['o-3', 3, 1, 'slots'],
      ['o-2', 2, 1, 'cap'],
    ],
  );
  t.end();
});

t.test('the small event: declined requests do not count', (t) => {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  const event = createSmallEvent(handle.db);
  const plan = capacityOf(handle.db, event.eventId);
  t.match(plan, { slots: 10, tables: 6, boothTables: 4, meetings: 17, accepted: 16, sharedMeetings: 0, verdict: 'enough' });
  t.end();
});

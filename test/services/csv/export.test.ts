import t from 'tap';
import { describeSlots } from '../../../src/services/csv/export.js';

const slots = [1, 2].flatMap((day) =>
  [1, 2, 3, 4].map((position) => ({
    id: day * 10 + position,
    code: `d${day}-0${position}`,
    dayNumber: day,
    session: position <= 2 ? ('am' as const) : ('pm' as const),
  })),
);

t.test('unavailable slots are written as whole days, half-days, then single slots', (t) => {
  t.equal(describeSlots(slots, new Set()), '');
  t.equal(describeSlots(slots, new Set([11, 12, 13, 14])), 'd1');
  t.equal(describeSlots(slots, new Set([11, 12, 23])), 'd1-am d2-03');
  t.equal(describeSlots(slots, new Set([12, 23, 24])), 'd1-02 d2-pm');
  t.end();
});

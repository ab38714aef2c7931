import t from 'tap';
import { countBreaks, countTableChanges } from '../../src/engine/breaks.js';

// Two days of four slots each, listed in order: positions 0-3 are day 1, 4-7 day 2.
const DAYS = ['d1', 'd1', 'd1', 'd1', 'd2', 'd2', 'd2', 'd2'];

t.test('a break is a gap between two meetings of the same day', (t) => {
  t.equal(countBreaks([], DAYS), 0, 'no meetings, no breaks');
  t.equal(countBreaks([1], DAYS), 0, 'one meeting, no breaks');
  t.equal(countBreaks([0, 1, 2], DAYS), 0, 'back to back');
  t.equal(countBreaks([0, 2], DAYS), 1, 'one free slot between');
  t.equal(countBreaks([0, 3], DAYS), 1, 'a longer gap is still one break');
  t.equal(countBreaks([3, 0, 1], DAYS), 1, 'the order given does not matter');
  t.equal(countBreaks([0, 2, 4, 7], DAYS), 2, 'one each day');
  t.equal(countBreaks([3, 4], DAYS), 0, 'the last slot of a day and the first of the next are not a break');
  t.equal(countBreaks([2, 5], DAYS), 0, 'idle time before or after the day is not one either');
  t.end();
});

t.test('a table change is two consecutive meetings of one day at different tables', (t) => {
  t.equal(countTableChanges([], DAYS), 0);
  t.equal(countTableChanges([{ slot: 0, table: 'A' }, { slot: 1, table: 'A' }], DAYS), 0, 'same table');
  t.equal(countTableChanges([{ slot: 2, table: 'B' }, { slot: 0, table: 'A' }], DAYS), 1, 'gaps allowed, order given irrelevant');
  t.equal(
    countTableChanges([{ slot: 0, table: 'A' }, { slot: 1, table: 'B' }, { slot: 2, table: 'A' }], DAYS),
    2,
    'every switch counts',
  );
  t.equal(countTableChanges([{ slot: 3, table: 'A' }, { slot: 4, table: 'B' }], DAYS), 0, 'a new day starts fresh');
  t.end();
});

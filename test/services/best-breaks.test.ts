import t from 'tap';
import {
  bestBreaks,
  bestBreaksBuffer,
  descentTarget,
  lowerBestBreaks,
  NO_BOUND_SETTLED,
  NO_BREAKS_KNOWN,
  settleBound,
  settledBound,
} from '../../src/services/best-breaks.js';

t.test('the shared total starts unknown, only ever goes down, and is seen by every view of the buffer', async (t) => {
  const buffer = bestBreaksBuffer();
  const writer = new Int32Array(buffer);
  const reader = new Int32Array(buffer);
  t.equal(reader[0], NO_BREAKS_KNOWN);
  lowerBestBreaks(writer, 7);
  t.equal(reader[0], 7);
  lowerBestBreaks(writer, 9);
  t.equal(reader[0], 7, 'a worse total from a slower thread does not raise it');
  lowerBestBreaks(writer, Number.POSITIVE_INFINITY);
  t.equal(reader[0], 7, 'a schedule missing meetings has no total');
  lowerBestBreaks(writer, 0);
  t.equal(reader[0], 0);
});

t.test('the settled bound starts unsettled and only rises', async (t) => {
  const shared = new Int32Array(bestBreaksBuffer());
  t.equal(settledBound(shared), NO_BOUND_SETTLED);
  settleBound(shared, 0);
  t.equal(settledBound(shared), 0, 'a bound of 0 is a settled bound');
  settleBound(shared, 3);
  settleBound(shared, 2);
  t.equal(settledBound(shared), 3);
  t.equal(bestBreaks(shared), NO_BREAKS_KNOWN, 'the best total is apart from it');
});

t.test('the descending member asks one fewer until a bound is settled, then halves the range', async (t) => {
  t.equal(descentTarget(12, 0, NO_BOUND_SETTLED), 11);
  t.equal(descentTarget(12, 0, 5), 8, 'between 5 and 11');
  t.equal(descentTarget(8, 0, 5), 6);
  t.equal(descentTarget(7, 0, 5), 6);
  t.equal(descentTarget(6, 0, 5), 5, 'one above the bound: the bound itself');
  t.equal(descentTarget(9, 7, 5), 8, "the member's own proof counts when it is higher");
  t.equal(descentTarget(3, 0, 0), 1);
  t.equal(descentTarget(5, 0, 5), undefined, 'the best known meets the settled bound: nothing left to ask');
  t.equal(descentTarget(4, 4, NO_BOUND_SETTLED), undefined, "nor when it meets the member's own proof");
  t.equal(descentTarget(5, 4, NO_BOUND_SETTLED), 4);
});

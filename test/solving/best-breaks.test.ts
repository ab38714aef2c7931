import t from 'tap';
import {
  bestBreaks,
  bestBreaksBuffer,
  descentTarget,
  lowerBestBreaks,
  DESCENT_ABOVE_BOUND,
  NO_BOUND_CLIMBED,
  NO_BREAKS_KNOWN,
  raiseClimbedBound,
  climbedBound,
  settledTarget,
  SETTLED_ABOVE_BOUND,
} from '../../src/solving/best-breaks.js';

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

t.test('the climbed bound starts unproved and only rises', async (t) => {
  const shared = new Int32Array(bestBreaksBuffer());
  t.equal(climbedBound(shared), NO_BOUND_CLIMBED);
  raiseClimbedBound(shared, 0);
  t.equal(climbedBound(shared), 0, 'a bound of 0 is a bound');
  raiseClimbedBound(shared, 3);
  raiseClimbedBound(shared, 2);
  t.equal(climbedBound(shared), 3);
  t.equal(bestBreaks(shared), NO_BREAKS_KNOWN, 'the best total is apart from it');
});

t.test('the descending member asks one fewer until the climb proves a bound, then a few above the bound', async (t) => {
  t.equal(DESCENT_ABOVE_BOUND, 3, 'the figures below assume three above');
  t.equal(descentTarget(12, 0, NO_BOUND_CLIMBED), 11);
  t.equal(descentTarget(12, 0, 5), 8, 'three above 5');
  t.equal(descentTarget(8, 0, 5), 7, 'then one fewer than the best known');
  t.equal(descentTarget(7, 0, 5), 6);
  t.equal(descentTarget(6, 0, 5), 5, 'one above the bound: the bound itself');
  t.equal(descentTarget(12, 7, 5), 10, "the member's own proof counts when it is higher");
  t.equal(descentTarget(3, 0, 0), 2);
  t.equal(descentTarget(5, 0, 5), undefined, 'the best known meets the climbed bound: nothing left to ask');
  t.equal(descentTarget(4, 4, NO_BOUND_CLIMBED), undefined, "nor when it meets the member's own proof");
  t.equal(descentTarget(5, 4, NO_BOUND_CLIMBED), 4);
  t.equal(descentTarget(NO_BREAKS_KNOWN, 0, 2), NO_BREAKS_KNOWN - 1, 'with no complete schedule, any one first');
});

t.test('once its climb stops, the climbing member asks two above its bound, then one fewer than the best known', async (t) => {
  t.equal(SETTLED_ABOVE_BOUND, 2, 'the figures below assume two above');
  t.equal(settledTarget(NO_BREAKS_KNOWN, 5), 7, 'no complete schedule yet: two above the bound');
  t.equal(settledTarget(12, 5), 7);
  t.equal(settledTarget(7, 5), 6, 'a schedule at two above: one above next');
  t.equal(settledTarget(6, 5), 5, 'then the bound itself, whose "yes" is optimal');
  t.equal(settledTarget(5, 5), undefined, 'the best known meets the bound: nothing left to ask');
  t.equal(settledTarget(2, 0), 1);
  t.equal(settledTarget(12, 0), 2, 'a bound of 0 counts like any other');
});

import t from 'tap';
import { bestBreaksBuffer, lowerBestBreaks, NO_BREAKS_KNOWN } from '../../src/services/best-breaks.js';

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

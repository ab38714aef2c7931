import t from 'tap';
import { inChunks } from '../../../src/db/internals/in-chunks.js';

t.test('every row is written once, in slices of at most the given size, in order', (t) => {
  const written: number[][] = [];
  inChunks([1, 2, 3, 4, 5], 2, (chunk) => written.push(chunk));
  t.same(written, [[1, 2], [3, 4], [5]]);
  const none: number[][] = [];
  inChunks([], 2, (chunk) => none.push(chunk));
  t.same(none, [], 'no statement for no rows');
  t.end();
});

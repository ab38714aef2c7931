// Three participants who all meet each other, in three slots at one table: every order leaves one of them with a
// break (the meetings in the first and last slots share a participant), yet no participant alone needs one.
import type { Problem } from '../../src/engine/types.js';

export const triangle: Problem = {
  format: 'meetgrid.problem/1',
  slots: ['s1', 's2', 's3'].map((id, i) => ({ id, day: '2025-05-28', start: `1${i}:00`, end: `1${i}:20` })),
  tables: 1,
  participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  meetings: [
    { id: 'ab', between: ['a', 'b'] },
    { id: 'ac', between: ['a', 'c'] },
    { id: 'bc', between: ['b', 'c'] },
  ],
};

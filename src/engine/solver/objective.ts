// The lexicographic objective folded into one number for the annealing, and the exact comparison for "best".
import type { State } from './state.js';
import { BREAK, MOVED, UNSCHEDULED } from './weights.js';

export function cost(st: State, excessWeight: number): number {
  return (
    UNSCHEDULED * st.unscheduledPriority +
    MOVED * st.moved +
    excessWeight * st.excess +
    BREAK * st.breaks +
    st.gaps
  );
}

export interface Key {
  unscheduledPriority: number;
  moved: number;
  breaks: number;
  gaps: number;
}

export function keyOf(st: State): Key {
  return { unscheduledPriority: st.unscheduledPriority, moved: st.moved, breaks: st.breaks, gaps: st.gaps };
}

/** Negative when `st` is strictly better than `key`, 0 when equal. */
export function compareToKey(st: State, key: Key): number {
  return (
    st.unscheduledPriority - key.unscheduledPriority ||
    st.moved - key.moved ||
    st.breaks - key.breaks ||
    st.gaps - key.gaps
  );
}

// The weights that fold the lexicographic objective into one number for the annealing, by the terms' order.

/** Weight of one break against one idle slot; idle slots only break ties between equal break counts. */
export const BREAK = 16;
/** Weight of one moved meeting (re-planning): above any realistic difference in breaks. */
export const MOVED = 1 << 16;
/** Weight of one unit of priority left unscheduled: above everything else. */
export const UNSCHEDULED = 1 << 26;

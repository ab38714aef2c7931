// The two soft figures of the spec (breaks, table changes), computed from a participant's placed meetings.
// Used by the checker and the explanations; the solver keeps its own incremental version on purpose, so the
// checker stays an independent judge of the solver's answers.

export interface Placement {
  /** Position of the slot in the problem's slot list. */
  readonly slot: number;
  readonly table: string;
}

/**
 * Breaks of one participant: per day, consecutive meetings (in slot-list order) with at least one slot of that day
 * between them. Positions in the list define adjacency, so a lunch pause without slots is not a break; idle time
 * before the first or after the last meeting of a day is not one either.
 */
export function countBreaks(slots: readonly number[], dayOfSlot: readonly string[]): number {
  const sorted = [...slots].sort((a, b) => a - b);
  let breaks = 0;
  for (let i = 1; i < sorted.length; i++) {
    const [previous, current] = [sorted[i - 1]!, sorted[i]!];
    if (dayOfSlot[previous] === dayOfSlot[current] && current - previous > 1) breaks++;
  }
  return breaks;
}

/**
 * Table changes of one participant without a fixed table: per day, consecutive meetings (in slot-list order,
 * gaps allowed) held at different tables. A new day starts fresh, like the break count.
 */
export function countTableChanges(placements: readonly Placement[], dayOfSlot: readonly string[]): number {
  const sorted = [...placements].sort((a, b) => a.slot - b.slot);
  let changes = 0;
  for (let i = 1; i < sorted.length; i++) {
    const [previous, current] = [sorted[i - 1]!, sorted[i]!];
    if (dayOfSlot[previous.slot] === dayOfSlot[current.slot] && previous.table !== current.table) changes++;
  }
  return changes;
}

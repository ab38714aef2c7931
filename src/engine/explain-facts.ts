// Facts about what stands in an unscheduled meeting's way, gathered once each and written as lists: the
// pieces explain.ts builds its reasons and params from.

/** Per-slot obstacles, from the most fundamental; a slot is filed under the first one that applies. */
export type Obstacle = 'dayCap' | 'precedence' | 'busy' | 'tableTaken' | 'breakCap';

const MAX_NAMED = 5;

export function listOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  const named = unique.slice(0, MAX_NAMED).join(', ');
  return unique.length > MAX_NAMED ? `${named} and ${unique.length - MAX_NAMED} more` : named;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Facts of one kind as rows of the same fields, each kept once; the fields become parallel lists in `params`. */
export class Facts {
  private readonly rows: string[][] = [];
  private readonly keys = new Set<string>();

  constructor(private readonly fields: readonly string[]) {}

  add(...row: string[]): void {
    const key = JSON.stringify(row);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.rows.push(row);
  }

  params(): Record<string, string[]> {
    return Object.fromEntries(this.fields.map((field, i) => [field, this.rows.map((row) => row[i]!)]));
  }

  /** Written as "name joiner item, item; name joiner item", grouped by name in the order first seen. */
  text(joiner: string, name: (row: readonly string[]) => string, item: (row: readonly string[]) => string): string {
    const groups = new Map<string, string[]>();
    for (const row of this.rows) {
      const items = groups.get(name(row)) ?? [];
      if (!items.includes(item(row))) items.push(item(row));
      groups.set(name(row), items);
    }
    return [...groups].map(([group, items]) => `${group}${joiner}${listOf(items)}`).join('; ');
  }
}

/** Who or what stands in the way, for the reason and its params. */
export class Blockers {
  readonly full = new Facts(['fullParticipants', 'fullCaps', 'fullDays']);
  readonly busy = new Facts(['busyParticipants', 'busyMeetings', 'busySlots']);
  readonly taken = new Facts(['takenTables', 'takenMeetings', 'takenSlots']);
  readonly overCap = new Set<string>();
}

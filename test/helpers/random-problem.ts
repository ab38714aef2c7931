// Seeded generator of random, valid `meetgrid.problem/1` problems for property tests: sessions, unavailability,
// booths, pins, precedences, caps. Same seed, same problem, on every machine (own PRNG, no Math.random).
import type { Problem, ProblemMeeting, ProblemParticipant, ProblemSlot, ProblemTable } from '../../src/engine/types.js';

/** mulberry32: a tiny 32-bit PRNG, good enough to vary test inputs. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ProblemSize = 'tiny' | 'small' | 'medium';

interface Shape {
  days: [number, number];
  slotsPerDay: [number, number];
  tables: [number, number];
  corporates: [number, number];
  startups: [number, number];
  meetingsPerCorporate: [number, number];
}

const SHAPES: Readonly<Record<ProblemSize, Shape>> = {
  tiny: { days: [1, 1], slotsPerDay: [2, 4], tables: [1, 2], corporates: [1, 2], startups: [2, 3], meetingsPerCorporate: [1, 3] },
  small: { days: [1, 2], slotsPerDay: [3, 6], tables: [1, 3], corporates: [2, 3], startups: [3, 6], meetingsPerCorporate: [2, 5] },
  medium: { days: [1, 2], slotsPerDay: [6, 12], tables: [3, 8], corporates: [4, 8], startups: [8, 20], meetingsPerCorporate: [4, 10] },
};

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  range([min, max]: [number, number]): number {
    return this.int(min, max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function makeSlots(dice: Dice, shape: Shape): ProblemSlot[] {
  const slots: ProblemSlot[] = [];
  const days = dice.range(shape.days);
  const sessions = dice.chance(0.5);
  for (let d = 0; d < days; d++) {
    const count = dice.range(shape.slotsPerDay);
    let minute = 9 * 60;
    for (let i = 0; i < count; i++) {
      // A lunch pause between the sessions, with no slots: adjacency is by list order, not by clock.
      if (sessions && i === Math.ceil(count / 2)) minute += 60;
      const start = minute;
      minute += 20;
      const slot: ProblemSlot = {
        id: `d${d + 1}-${pad(i + 1)}`,
        day: `2025-05-${28 + d}`,
        start: `${pad(Math.floor(start / 60))}:${pad(start % 60)}`,
        end: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
        ...(sessions ? { session: i < Math.ceil(count / 2) ? 'am' : 'pm' } : {}),
      };
      slots.push(slot);
      if (dice.chance(0.2)) minute += 10;
    }
  }
  return slots;
}

function someSlots(dice: Dice, slots: readonly ProblemSlot[], p: number, max: number): string[] | undefined {
  if (!dice.chance(p)) return undefined;
  return dice.sample(slots, dice.int(1, Math.min(max, slots.length))).map((s) => s.id);
}

/** A random problem that passes `validateProblem`. */
export function randomProblem(seed: number, size: ProblemSize = 'small'): Problem {
  const dice = new Dice(seed);
  const shape = SHAPES[size];
  const slots = makeSlots(dice, shape);
  const tableCount = dice.range(shape.tables);
  const asNumber = dice.chance(0.3);
  const tableList: ProblemTable[] = Array.from({ length: tableCount }, (_, i) => {
    const unavailable = asNumber ? undefined : someSlots(dice, slots, 0.15, 2);
    return { id: asNumber ? `T${i + 1}` : `tbl-${i + 1}`, ...(asNumber ? {} : { room: `Room ${i < 2 ? 'A' : 'B'}` }), ...(unavailable ? { unavailable } : {}) };
  });
  const tableUnavailable = new Map(tableList.map((t) => [t.id, new Set(t.unavailable)]));

  const corporates = dice.range(shape.corporates);
  const startups = dice.range(shape.startups);
  const booths = dice.sample(tableList, tableList.length);
  const participants: ProblemParticipant[] = [];
  for (let i = 0; i < corporates + startups; i++) {
    const corporate = i < corporates;
    const booth = corporate && booths.length > 1 && dice.chance(0.3) ? booths.pop()!.id : undefined;
    const unavailable = someSlots(dice, slots, 0.25, 2);
    participants.push({
      id: corporate ? `corp-${pad(i + 1)}` : `st-${pad(i - corporates + 1)}`,
      role: corporate ? 'corporate' : 'startup',
      ...(booth ? { table: booth } : {}),
      ...(unavailable ? { unavailable } : {}),
      ...(dice.chance(0.15) ? { maxMeetings: dice.int(1, 4) } : {}),
      ...(dice.chance(0.15) ? { maxMeetingsPerDay: dice.int(1, 3) } : {}),
    });
  }
  const sessions = [...new Set(slots.flatMap((s) => (s.session ? [s.session] : [])))];
  const meetings: ProblemMeeting[] = [];
  const pinnedSlot = new Map<string, number>();
  for (const corporate of participants.slice(0, corporates)) {
    const partners = dice.sample(participants.slice(corporates), Math.min(startups, dice.range(shape.meetingsPerCorporate)));
    for (const startup of partners) {
      const id = `m-${pad(meetings.length + 1)}`;
      const pair = [corporate, startup] as const;
      const session = sessions.length > 0 && dice.chance(0.15) ? dice.pick(sessions) : undefined;
      const boothOf = corporate.table;
      // A pin must be a slot both can attend, in the session, where the booth (if any) is open.
      const open = slots.filter(
        (s) =>
          pair.every((p) => !p.unavailable?.includes(s.id)) &&
          (session === undefined || s.session === session) &&
          (boothOf === undefined || !tableUnavailable.get(boothOf)!.has(s.id)),
      );
      const slot = open.length > 0 && dice.chance(0.1) ? dice.pick(open) : undefined;
      const tableChoices = tableList.filter(
        (t) => (boothOf === undefined || t.id === boothOf) && (slot === undefined || !tableUnavailable.get(t.id)!.has(slot.id)),
      );
      const table = tableChoices.length > 0 && dice.chance(0.05) ? dice.pick(tableChoices).id : undefined;
      const slotIndex = slot ? slots.indexOf(slot) : undefined;
      // Only earlier meetings, so precedences never form a cycle; and never against two pins.
      const after = meetings.length > 0 && dice.chance(0.1)
        ? [dice.pick(meetings)].filter((m) => slotIndex === undefined || !pinnedSlot.has(m.id) || pinnedSlot.get(m.id)! < slotIndex).map((m) => m.id)
        : [];
      if (slotIndex !== undefined) pinnedSlot.set(id, slotIndex);
      meetings.push({
        id,
        between: dice.chance(0.5) ? [corporate.id, startup.id] : [startup.id, corporate.id],
        ...(dice.chance(0.3) ? { priority: dice.int(1, 3) } : {}),
        ...(session ? { session } : {}),
        ...(slot ? { slot: slot.id } : {}),
        ...(table ? { table } : {}),
        ...(after.length > 0 ? { after } : {}),
      });
    }
  }
  return {
    format: 'meetgrid.problem/1',
    name: `random ${size} #${seed}`,
    timezone: 'Asia/Seoul',
    slots,
    tables: asNumber ? tableCount : tableList,
    participants,
    meetings,
    ...(dice.chance(0.3) ? { rules: { maxBreaksPerParticipant: dice.int(0, 2) } } : {}),
  };
}

const ODD_VALUES: readonly unknown[] = [null, -1, 0, 1.5, 2, '', ' ', 'x', [], {}, true, 'd1-01', 'T1', 'tbl-1', 'corp-01', 'st-01', 'm-01', 'am', ['m-01']];

/**
 * A copy of `document` with one random field deleted or replaced by an odd value (wrong type, unknown id, an id
 * that exists elsewhere): inputs a user could plausibly produce, for "never crashes, always names the field" tests.
 */
export function mutate(document: unknown, seed: number): unknown {
  const dice = new Dice(seed);
  const copy = structuredClone(document) as Record<string, unknown>;
  const places: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach((item, i) => (places.push([value, i]), walk(item)));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) places.push([value as Record<string, unknown>, key]), walk(item);
    }
  };
  walk(copy);
  const [parent, key] = dice.pick(places);
  if (dice.chance(0.2)) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else (parent as Record<string | number, unknown>)[key] = dice.pick(ODD_VALUES);
  return copy;
}

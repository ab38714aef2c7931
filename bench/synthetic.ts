// A seeded generator of partnering events with a PLANTED schedule: it lays out who sits where and when first, then
// derives the meeting requests from that layout, so a schedule placing every meeting is known to exist and its
// break count is known. The plan is laid out `scattered` (meetings at random available slots, as an unoptimised
// timetable would be; the presets' default) or `compact` (runs of consecutive meetings, a near-optimal reference).
// Usage:
//   node dist-bench/bench/synthetic.js [--preset large|gsat] [--seed N] [--layout scattered|compact]
//        -o PROBLEM.json [--planted SCHEDULE.json]
import { writeFileSync } from 'node:fs';
import { countBreaks, countTableChanges } from '../src/engine/index.js';
import type { Assignment, Problem, ProblemMeeting, ProblemParticipant, ProblemSlot, ProblemTable, Schedule } from '../src/engine/index.js';
import { isMain } from './is-main.js';
import { toJsonLines } from './json-lines.js';
import { between, seededRandom, shuffle } from './seeded-random.js';
import { checkOptions, LAYOUTS, PRESETS, type SyntheticLayout, type SyntheticOptions } from './synthetic-options.js';

export { LAYOUTS, PRESETS, type SyntheticLayout, type SyntheticOptions } from './synthetic-options.js';

export interface SyntheticEvent {
  readonly problem: Problem;
  /** A schedule placing every meeting; `stats.breaks` is its break count. */
  readonly planted: Schedule;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

interface Person {
  readonly participant: ProblemParticipant;
  readonly corporate: boolean;
  readonly booth?: string;
  /** Per global slot index: wants to meet (one of the slots planned for that day, and available). */
  readonly active: boolean[];
}

interface Planted {
  readonly a: number;
  readonly b: number;
  readonly slot: number;
  /** A corporate's booth, or the number (1-based) of a shared table. */
  readonly table: string | number;
}

function buildSlots(o: SyntheticOptions): ProblemSlot[] {
  const slots: ProblemSlot[] = [];
  const half = o.slotsPerDay / 2;
  for (let d = 0; d < o.days; d += 1) {
    const day = new Date(Date.UTC(2025, 4, 28 + d)).toISOString().slice(0, 10);
    for (let k = 0; k < o.slotsPerDay; k += 1) {
      const am = k < half;
      const start = am ? 9 * 60 + k * 20 : 13 * 60 + 30 + (k - half) * 20;
      slots.push({ id: `d${d + 1}-${pad(k + 1, 2)}`, day, start: clock(start), end: clock(start + 20), session: am ? 'am' : 'pm' });
    }
  }
  return slots;
}

/**
 * Moves a participant's active slots of each day to as many slots drawn at random among that day's available ones.
 * It draws from its own random stream, so who comes on which day and how many slots each person meets in stay
 * exactly those of the compact layout with the same seed; only where the meetings sit changes.
 */
function scatter(active: boolean[], unavailable: ReadonlySet<number>, o: SyntheticOptions, random: () => number): void {
  for (let d = 0; d < o.days; d += 1) {
    const day = Array.from({ length: o.slotsPerDay }, (_, k) => d * o.slotsPerDay + k);
    const count = day.filter((s) => active[s]).length;
    if (count === 0) continue;
    for (const s of day) active[s] = false;
    for (const s of shuffle(day.filter((s) => !unavailable.has(s)), random).slice(0, count)) active[s] = true;
  }
}

function buildPeople(o: SyntheticOptions, slots: readonly ProblemSlot[], random: () => number): Person[] {
  const scatterRandom = seededRandom((o.seed ^ 0x5bd1e995) >>> 0);
  const people: Person[] = [];
  const half = o.slotsPerDay / 2;
  const width = String(Math.max(o.corporates, o.startups)).length;
  for (let i = 0; i < o.corporates + o.startups; i += 1) {
    const corporate = i < o.corporates;
    const number = corporate ? i + 1 : i - o.corporates + 1;
    const booth = corporate ? `B${pad(number, width)}` : undefined;
    const unavailable: number[] = [];
    if (random() < o.unavailableShare) {
      const first = Math.floor(random() * o.days) * o.slotsPerDay + (random() < 0.5 ? 0 : half);
      for (let s = first; s < first + half; s += 1) unavailable.push(s);
    }
    const active = new Array<boolean>(slots.length).fill(false);
    for (let d = 0; d < o.days; d += 1) {
      if (random() >= (corporate ? o.corporateAttendance : o.startupAttendance)) continue;
      const length = Math.min(o.slotsPerDay, between(random, corporate ? o.corporateRun : o.startupRun));
      const start = d * o.slotsPerDay + Math.floor(random() * (o.slotsPerDay - length + 1));
      for (let s = start; s < start + length; s += 1) active[s] = true;
    }
    for (const s of unavailable) active[s] = false;
    if (o.layout === 'scattered') scatter(active, new Set(unavailable), o, scatterRandom);
    const id = corporate ? `c${pad(number, width)}` : `s${pad(number, width)}`;
    const participant: ProblemParticipant = {
      id,
      name: corporate ? `Corporate ${number}` : `Startup ${number}`,
      role: corporate ? 'corporate' : 'startup',
      ...(booth ? { table: booth } : {}),
      ...(unavailable.length > 0 ? { unavailable: unavailable.map((s) => slots[s]!.id) } : {}),
    };
    people.push({ participant, corporate, ...(booth ? { booth } : {}), active });
  }
  return people;
}

/** Takes a partner for `a` out of `pool`, preferring one `a` has not met yet (repeats are legal but unusual). */
function takePartner(a: number, pool: number[], met: Set<string>, random: () => number): number {
  let pick = Math.floor(random() * pool.length);
  for (let attempt = 0; attempt < 8 && met.has(pairKey(a, pool[pick]!)); attempt += 1) {
    pick = Math.floor(random() * pool.length);
  }
  const partner = pool[pick]!;
  pool[pick] = pool[pool.length - 1]!;
  pool.pop();
  return partner;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Pairs, slot by slot, the people who want to meet: corporates at their booth, startups among themselves at shared tables. */
function plant(people: readonly Person[], slotCount: number, random: () => number): { planted: Planted[]; sharedTables: number } {
  const planted: Planted[] = [];
  const met = new Set<string>();
  let sharedTables = 0;
  for (let s = 0; s < slotCount; s += 1) {
    const corporates: number[] = [];
    const startups: number[] = [];
    people.forEach((p, i) => {
      if (p.active[s]) (p.corporate ? corporates : startups).push(i);
    });
    shuffle(corporates, random);
    for (const c of corporates) {
      if (startups.length === 0) break;
      const partner = takePartner(c, startups, met, random);
      met.add(pairKey(c, partner));
      planted.push({ a: c, b: partner, slot: s, table: people[c]!.booth! });
    }
    let table = 0;
    while (startups.length >= 2) {
      const first = startups.pop()!;
      const partner = takePartner(first, startups, met, random);
      met.add(pairKey(first, partner));
      table += 1;
      planted.push({ a: first, b: partner, slot: s, table });
    }
    sharedTables = Math.max(sharedTables, table);
  }
  return { planted, sharedTables };
}

export function generateSynthetic(options: SyntheticOptions): SyntheticEvent {
  checkOptions(options);
  const random = seededRandom(options.seed);
  const slots = buildSlots(options);
  const people = buildPeople(options, slots, random);
  const { planted, sharedTables } = plant(people, slots.length, random);
  const dayOfSlot = slots.map((s) => s.day);

  const tableWidth = String(sharedTables).length;
  const sharedId = (n: number): string => `T${pad(n, tableWidth)}`;
  const usedShared = new Set(planted.flatMap((p) => (typeof p.table === 'number' ? [`${p.table}@${p.slot}`] : [])));
  const tables: ProblemTable[] = people
    .filter((p) => p.booth)
    .map((p) => ({ id: p.booth!, room: 'Exhibition hall' }));
  for (let n = 1; n <= sharedTables; n += 1) {
    const table: ProblemTable = { id: sharedId(n), room: 'Meeting lounge' };
    if (random() < options.reservedTableShare) {
      const day = Math.floor(random() * options.days);
      const reserved = slots
        .map((slot, s) => ({ slot, s }))
        .filter(({ s }) => Math.floor(s / options.slotsPerDay) === day && !usedShared.has(`${n}@${s}`))
        .map(({ slot }) => slot.id);
      tables.push(reserved.length > 0 ? { ...table, unavailable: reserved } : table);
    } else tables.push(table);
  }

  const order = shuffle(planted.map((_, i) => i), random);
  const meetingWidth = String(planted.length).length;
  const meetings: ProblemMeeting[] = [];
  const assignments: Assignment[] = [];
  const placements = people.map(() => [] as { slot: number; table: string }[]);
  order.forEach((index, n) => {
    const p = planted[index]!;
    const id = `m${pad(n + 1, meetingWidth)}`;
    const priority = random() < 0.2 ? 2 + Math.floor(random() * 2) : 1;
    const session = random() < options.sessionShare ? slots[p.slot]!.session : undefined;
    meetings.push({
      id,
      between: [people[p.a]!.participant.id, people[p.b]!.participant.id],
      ...(priority > 1 ? { priority } : {}),
      ...(session ? { session } : {}),
    });
    const table = typeof p.table === 'number' ? sharedId(p.table) : p.table;
    assignments.push({ meeting: id, slot: slots[p.slot]!.id, table });
    placements[p.a]!.push({ slot: p.slot, table });
    placements[p.b]!.push({ slot: p.slot, table });
  });

  // Per participant: the planted figures, and caps at the planted busiest day for a few.
  let breaks = 0;
  let maxBreaks = 0;
  let tableChanges = 0;
  const participants = people.map((person, i) => {
    const own = placements[i]!;
    const b = countBreaks(own.map((x) => x.slot), dayOfSlot);
    breaks += b;
    maxBreaks = Math.max(maxBreaks, b);
    if (!person.booth) tableChanges += countTableChanges(own, dayOfSlot);
    if (own.length === 0 || random() >= options.capShare) return person.participant;
    const perDay = new Map<string, number>();
    for (const x of own) perDay.set(dayOfSlot[x.slot]!, (perDay.get(dayOfSlot[x.slot]!) ?? 0) + 1);
    return { ...person.participant, maxMeetingsPerDay: Math.max(...perDay.values()) };
  });

  const problem: Problem = {
    format: 'meetgrid.problem/1',
    name: `${options.name} (seed ${options.seed}, ${options.layout} plan)`,
    timezone: 'Asia/Seoul',
    slots,
    tables,
    participants,
    meetings,
    // The plan keeps every participant within this many breaks, so the cap is satisfiable by construction.
    rules: { maxBreaksPerParticipant: Math.max(2, maxBreaks) },
  };
  const planted_: Schedule = {
    format: 'meetgrid.schedule/1',
    status: 'feasible',
    assignments,
    unscheduled: [],
    stats: { meetings: meetings.length, scheduled: meetings.length, breaks, tableChanges, elapsedMs: 0 },
  };
  return { problem, planted: planted_ };
}

export function parseSyntheticArgs(args: readonly string[]): { options: SyntheticOptions; output: string; plantedOutput?: string } {
  let preset: keyof typeof PRESETS = 'large';
  let seed: number | undefined;
  let layout: SyntheticLayout | undefined;
  let output: string | undefined;
  let plantedOutput: string | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) throw new Error(`${flag}: needs a value`);
    if (flag === '--preset') {
      if (!(value in PRESETS)) throw new Error(`--preset: "${value}" is not one of ${Object.keys(PRESETS).join(', ')}`);
      preset = value as keyof typeof PRESETS;
    } else if (flag === '--seed') {
      if (!/^[0-9]+$/.test(value)) throw new Error(`--seed: "${value}" is not a whole number`);
      seed = Number(value);
    } else if (flag === '--layout') {
      if (!(LAYOUTS as readonly string[]).includes(value)) throw new Error(`--layout: "${value}" is not one of ${LAYOUTS.join(', ')}`);
      layout = value as SyntheticLayout;
    } else if (flag === '-o') output = value;
    else if (flag === '--planted') plantedOutput = value;
    else throw new Error(`unknown option "${flag}"`);
  }
  if (!output) throw new Error('-o PROBLEM.json is required');
  const options = { ...PRESETS[preset], ...(seed !== undefined ? { seed } : {}), ...(layout ? { layout } : {}) };
  return { options, output, ...(plantedOutput ? { plantedOutput } : {}) };
}

if (isMain(import.meta.url)) {
  try {
    const { options, output, plantedOutput } = parseSyntheticArgs(process.argv.slice(2));
    const event = generateSynthetic(options);
    writeFileSync(output, toJsonLines(event.problem));
    if (plantedOutput) writeFileSync(plantedOutput, toJsonLines(event.planted));
    const s = event.planted.stats;
    process.stdout.write(`${event.problem.participants.length} participants, ${s.meetings} meetings, ${options.layout} plan, planted breaks ${s.breaks}\n`);
  } catch (error) {
    process.stderr.write(`synthetic: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}

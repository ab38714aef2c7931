// Converts a B2B benchmark instance (MiniZinc .dzn of Bofill et al., JAIR 2022) into a meetgrid.problem/1 file.
// Usage: node dist-bench/bench/dzn-to-problem.js IN.dzn [-o OUT.json]
// Mapping: participants 1..nBusiness -> "p01"…; meetings in `requested` order -> "m001"… between its two
// participants, session 1 -> "am", 2 -> "pm", 3 -> none; one day of nTotalSlots slots, the first nMorningSlots
// "am", the rest "pm"; `forbidden` -> unavailable (0 is a placeholder); `fixed` t > 0 -> slot pin;
// `precedences[i]` -> meeting i's `after`; `tables: nTables`; `rules.maxBreaksPerParticipant: 2`.
// `meetingsxBusiness` is redundant and ignored; `nMeetingsBusiness`, also redundant, is checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Problem, ProblemMeeting, ProblemParticipant, ProblemSlot } from '../src/engine/index.js';
import { intArrayField, intField, intMatrixField, parseDzn, setArrayField, type DznData } from './dzn.js';
import { isMain } from './is-main.js';
import { toJsonLines } from './json-lines.js';

// The files carry no clock times; these are plausible ones so the problem also displays and exports sensibly.
const DAY = '2025-05-28';
const SLOT_MINUTES = 20;
const MORNING_START = 9 * 60;
const AFTERNOON_START = 14 * 60;
// The optima in known-optima.csv are for fairness d = 2, which amounts to this cap (see the benchmark README).
const MAX_BREAKS = 2;

const SESSIONS: Readonly<Record<number, string | undefined>> = { 1: 'am', 2: 'pm', 3: undefined };

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function padded(prefix: string, count: number): (n: number) => string {
  const width = String(count).length;
  return (n) => `${prefix}${String(n).padStart(width, '0')}`;
}

function checkLength(name: string, actual: number, expected: number, of: string): void {
  if (actual !== expected) throw new Error(`${name}: ${actual} entries, expected one per ${of} (${expected})`);
}

function checkRange(where: string, value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${where}: ${what} ${value} is outside 1..${max}`);
  }
}

export function dznDataToProblem(data: DznData, name?: string): Problem {
  const nBusiness = intField(data, 'nBusiness');
  const nMeetings = intField(data, 'nMeetings');
  const nTables = intField(data, 'nTables');
  const nTotalSlots = intField(data, 'nTotalSlots');
  const nMorningSlots = intField(data, 'nMorningSlots');
  if (nTables < 1) throw new Error(`nTables: must be at least 1, found ${nTables}`);
  if (nTotalSlots < 1) throw new Error(`nTotalSlots: must be at least 1, found ${nTotalSlots}`);
  if (nMorningSlots < 0 || nMorningSlots > nTotalSlots) {
    throw new Error(`nMorningSlots: ${nMorningSlots} is outside 0..nTotalSlots (${nTotalSlots})`);
  }

  const slotId = padded('s', nTotalSlots);
  const slots: ProblemSlot[] = [];
  for (let s = 1; s <= nTotalSlots; s += 1) {
    const morning = s <= nMorningSlots;
    const start = morning ? MORNING_START + (s - 1) * SLOT_MINUTES : AFTERNOON_START + (s - 1 - nMorningSlots) * SLOT_MINUTES;
    slots.push({ id: slotId(s), day: DAY, start: clock(start), end: clock(start + SLOT_MINUTES), session: morning ? 'am' : 'pm' });
  }

  const participantId = padded('p', nBusiness);
  const forbidden = setArrayField(data, 'forbidden');
  checkLength('forbidden', forbidden.length, nBusiness, 'participant');
  const participants: ProblemParticipant[] = forbidden.map((set, i) => {
    // A 0 in a set is the files' placeholder for "no slot" (MiniZinc sets in an array cannot be typed empty).
    const unavailable = [...new Set(set.filter((s) => s !== 0))].sort((a, b) => a - b);
    unavailable.forEach((s) => checkRange(`forbidden[${i + 1}]`, s, nTotalSlots, 'slot'));
    const participant: ProblemParticipant = { id: participantId(i + 1) };
    return unavailable.length > 0 ? { ...participant, unavailable: unavailable.map(slotId) } : participant;
  });

  const requested = intMatrixField(data, 'requested', 3);
  checkLength('requested', requested.length, nMeetings, 'meeting (nMeetings)');
  const fixed = data.has('fixed') ? intArrayField(data, 'fixed') : new Array<number>(nMeetings).fill(0);
  checkLength('fixed', fixed.length, nMeetings, 'meeting');
  const precedences = data.has('precedences') ? setArrayField(data, 'precedences') : requested.map(() => []);
  checkLength('precedences', precedences.length, nMeetings, 'meeting');

  const meetingId = padded('m', nMeetings);
  const perParticipant = new Array<number>(nBusiness).fill(0);
  const meetings: ProblemMeeting[] = requested.map(([a, b, s], i) => {
    const where = `requested[${i + 1}]`;
    checkRange(where, a!, nBusiness, 'participant');
    checkRange(where, b!, nBusiness, 'participant');
    if (a === b) throw new Error(`${where}: participant ${a} cannot meet themselves`);
    if (!(s! in SESSIONS)) throw new Error(`${where}: session ${s} is not 1, 2 or 3`);
    perParticipant[a! - 1]! += 1;
    perParticipant[b! - 1]! += 1;
    const session = SESSIONS[s!];
    const pin = fixed[i]!;
    if (pin !== 0) checkRange(`fixed[${i + 1}]`, pin, nTotalSlots, 'slot');
    const before = precedences[i]!;
    before.forEach((m) => {
      checkRange(`precedences[${i + 1}]`, m, nMeetings, 'meeting');
      if (m === i + 1) throw new Error(`precedences[${i + 1}]: a meeting cannot precede itself`);
    });
    return {
      id: meetingId(i + 1),
      between: [participantId(a!), participantId(b!)] as const,
      ...(session ? { session } : {}),
      ...(pin !== 0 ? { slot: slotId(pin) } : {}),
      ...(before.length > 0 ? { after: before.map(meetingId) } : {}),
    };
  });

  // The redundant count, when present, catches a file whose `requested` rows were cut or shifted.
  if (data.has('nMeetingsBusiness')) {
    const counts = intArrayField(data, 'nMeetingsBusiness');
    checkLength('nMeetingsBusiness', counts.length, nBusiness, 'participant');
    counts.forEach((count, i) => {
      if (count !== perParticipant[i]) {
        throw new Error(`nMeetingsBusiness[${i + 1}]: says ${count} meetings, requested has ${perParticipant[i]}`);
      }
    });
  }

  return {
    format: 'meetgrid.problem/1',
    ...(name ? { name } : {}),
    slots,
    tables: nTables,
    participants,
    meetings,
    rules: { maxBreaksPerParticipant: MAX_BREAKS },
  };
}

export function dznToProblem(source: string, name?: string): Problem {
  return dznDataToProblem(parseDzn(source), name);
}

export function instanceName(path: string): string {
  return basename(path).replace(/\.dzn$/, '');
}

export function convertFile(path: string): Problem {
  const source = readFileSync(path, 'utf8');
  try {
    return dznToProblem(source, instanceName(path));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('-o');
  const output = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const inputs = outIndex >= 0 ? args.filter((_, i) => i !== outIndex && i !== outIndex + 1) : args;
  if (inputs.length !== 1 || (outIndex >= 0 && !output)) {
    process.stderr.write('usage: dzn-to-problem IN.dzn [-o OUT.json]\n');
    process.exitCode = 2;
  } else {
    try {
      const json = toJsonLines(convertFile(inputs[0]!));
      if (output) writeFileSync(output, json);
      else process.stdout.write(json);
    } catch (error) {
      process.stderr.write(`dzn-to-problem: ${(error as Error).message}\n`);
      process.exitCode = 2;
    }
  }
}

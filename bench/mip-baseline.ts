// The baseline a developer would otherwise reach for: a time-indexed MIP of the whole problem, solved by HiGHS
// (WebAssembly, single thread). Usage:
//   node dist-bench/bench/mip-baseline.js PROBLEM.json [--time-limit S] [--place-all] [-o SCHEDULE.json]
//
// Model. x[m,s,k] = 1 when meeting m is held in slot s at table choice k, where k is a fixed table (a booth of either
// participant, or the meeting's pinned table) or the shared pool of tables; variables exist only where the meeting
// may be held (participants and table available, session, slot pin). Rows:
//   each meeting at most once; each participant at most one meeting per slot; each fixed table at most one meeting
//   per slot; per slot, meetings <= available tables (then any free table serves a pool meeting, so tables can be
//   handed out afterwards); maxMeetings and maxMeetingsPerDay; `after` as x[m,s] <= sum of x[m',s'] over s' < s.
// Breaks, per participant p and day d, with o[p,s] the number of p's meetings in s (0 or 1): a run of meetings starts
// at s when o[p,s] = 1 and o[p,s-1] = 0, so with u[p,s] >= o[p,s] - o[p,s-1] (u >= o at the day's first slot) and
// a[p,d] <= min(1, sum_s o[p,s]) the day's breaks are sum_s u[p,s] - a[p,d] (runs minus one, none on an empty day).
// u and a are continuous: once x is whole, their best values are exactly these counts. The cap on breaks is a row.
// Objective, lexicographic as in the spec: minimize W * (priority left out) + breaks, with W above any break total.
// Table changes (the third criterion) are not modelled; tables are handed out greedily to keep people seated.
import { readFileSync, writeFileSync } from 'node:fs';
import { countBreaks, countTableChanges } from '../src/engine/index.js';
import type { Assignment, Problem, Schedule, ScheduleStatus, Unscheduled } from '../src/engine/index.js';
import { tableList } from '../src/engine/index.js';
import { isMain } from './is-main.js';
import { toJsonLines } from './json-lines.js';
import { LpWriter, type Term } from './lp-writer.js';

interface XVar {
  readonly name: string;
  readonly meeting: number;
  readonly slot: number;
  /** A fixed table id, or undefined for the shared pool. */
  readonly table: string | undefined;
}

export interface MipModel {
  readonly lp: string;
  readonly x: readonly XVar[];
  readonly columns: number;
  readonly rows: number;
  /** Weight of one unit of left-out priority against one break. */
  readonly weight: number;
}

function candidateTables(meeting: Problem['meetings'][number], fixedOf: ReadonlyMap<string, string>): (string | undefined)[] {
  if (meeting.table !== undefined) return [meeting.table];
  const booths = [...new Set(meeting.between.flatMap((p) => (fixedOf.has(p) ? [fixedOf.get(p)!] : [])))];
  return booths.length > 0 ? booths : [undefined];
}

export interface MipOptions {
  /** Require every meeting to be placed (as the paper's MIP does): the model then proves infeasibility instead. */
  readonly placeAll?: boolean;
}

export function buildMipModel(problem: Problem, options: MipOptions = {}): MipModel {
  const slots = problem.slots;
  const tables = tableList(problem);
  const tableOff = new Map(tables.map((t) => [t.id, new Set(t.unavailable ?? [])]));
  const participants = new Map(problem.participants.map((p) => [p.id, p]));
  const fixedOf = new Map(problem.participants.flatMap((p) => (p.table !== undefined ? [[p.id, p.table] as const] : [])));
  const days = [...new Set(slots.map((s) => s.day))];
  const meetingIndex = new Map(problem.meetings.map((m, i) => [m.id, i]));

  const x: XVar[] = [];
  const byMeeting: XVar[][] = problem.meetings.map(() => []);
  problem.meetings.forEach((meeting, m) => {
    const off = new Set(meeting.between.flatMap((p) => participants.get(p)?.unavailable ?? []));
    const choices = candidateTables(meeting, fixedOf);
    slots.forEach((slot, s) => {
      if (off.has(slot.id)) return;
      if (meeting.session !== undefined && slot.session !== meeting.session) return;
      if (meeting.slot !== undefined && meeting.slot !== slot.id) return;
      choices.forEach((table, k) => {
        if (table !== undefined && tableOff.get(table)?.has(slot.id)) return;
        const v: XVar = { name: `x${m}_${s}_${k}`, meeting: m, slot: s, table };
        x.push(v);
        byMeeting[m]!.push(v);
      });
    });
  });

  const lp = new LpWriter();
  const ones = (vars: readonly XVar[]): Term[] => vars.map((v) => [1, v.name] as const);
  byMeeting.forEach((vars) => lp.row(ones(vars), options.placeAll ? '=' : '<=', 1));

  // Per participant and slot: the variables that put the participant in that slot.
  const busy = new Map<string, XVar[][]>();
  for (const p of problem.participants) busy.set(p.id, slots.map(() => []));
  for (const v of x) for (const p of problem.meetings[v.meeting]!.between) busy.get(p)![v.slot]!.push(v);

  const bySlot: XVar[][] = slots.map(() => []);
  const byTableSlot = new Map<string, XVar[]>();
  for (const v of x) {
    bySlot[v.slot]!.push(v);
    if (v.table !== undefined) {
      const key = `${v.table}\u0000${v.slot}`;
      byTableSlot.set(key, [...(byTableSlot.get(key) ?? []), v]);
    }
  }
  for (const vars of byTableSlot.values()) if (vars.length > 1) lp.row(ones(vars), '<=', 1);
  bySlot.forEach((vars, s) => {
    const available = tables.filter((t) => !tableOff.get(t.id)!.has(slots[s]!.id)).length;
    if (vars.length > available) lp.row(ones(vars), '<=', available);
  });

  for (const [id, perSlot] of busy) {
    const participant = participants.get(id)!;
    perSlot.forEach((vars) => {
      if (vars.length > 1) lp.row(ones(vars), '<=', 1);
    });
    if (participant.maxMeetings !== undefined) lp.row(ones(perSlot.flat()), '<=', participant.maxMeetings);
    if (participant.maxMeetingsPerDay !== undefined) {
      for (const day of days) lp.row(ones(perSlot.filter((_, s) => slots[s]!.day === day).flat()), '<=', participant.maxMeetingsPerDay);
    }
  }

  problem.meetings.forEach((meeting, m) => {
    for (const before of meeting.after ?? []) {
      const earlier = byMeeting[meetingIndex.get(before)!]!;
      for (const v of byMeeting[m]!) lp.row([[1, v.name], ...earlier.filter((e) => e.slot < v.slot).map((e) => [-1, e.name] as const)], '<=', 0);
    }
  });

  const objectiveBreaks: Term[] = [];
  const bounds: string[] = [];
  const cap = problem.rules?.maxBreaksPerParticipant;
  let breakCeiling = 0;
  let p = 0;
  for (const [, perSlot] of busy) {
    p += 1;
    if (perSlot.every((vars) => vars.length === 0)) continue;
    const breakTerms: Term[] = [];
    days.forEach((day, d) => {
      const daySlots = slots.flatMap((slot, s) => (slot.day === day ? [s] : []));
      if (daySlots.every((s) => perSlot[s]!.length === 0)) return;
      breakCeiling += Math.floor((daySlots.length - 1) / 2);
      const active = `a${p}_${d}`;
      bounds.push(` ${active} <= 1`);
      lp.row([[1, active], ...daySlots.flatMap((s) => perSlot[s]!.map((v) => [-1, v.name] as const))], '<=', 0);
      breakTerms.push([-1, active]);
      daySlots.forEach((s, i) => {
        const now = perSlot[s]!;
        if (now.length === 0) return;
        const start = `u${p}_${s}`;
        const previous = i > 0 ? perSlot[daySlots[i - 1]!]! : [];
        lp.row([[1, start], ...now.map((v) => [-1, v.name] as const), ...previous.map((v) => [1, v.name] as const)], '>=', 0);
        breakTerms.push([1, start]);
      });
    });
    objectiveBreaks.push(...breakTerms);
    if (cap !== undefined) lp.row(breakTerms, '<=', cap);
  }

  const weight = breakCeiling + 1;
  const placed: Term[] = options.placeAll ? [] : x.map((v) => [-weight * (problem.meetings[v.meeting]!.priority ?? 1), v.name] as const);
  const objective: Term[] = [...placed, ...objectiveBreaks];
  const continuous = new Set(objectiveBreaks.map(([, v]) => v));
  return {
    lp: lp.text(objective, bounds, x.map((v) => v.name)),
    x,
    columns: x.length + continuous.size,
    rows: lp.rows,
    weight,
  };
}

interface HighsColumn {
  readonly Primal?: number;
}
interface HighsSolution {
  readonly Status: string;
  readonly ObjectiveValue: number;
  readonly Columns: Readonly<Record<string, HighsColumn>>;
}
interface Highs {
  solve(lp: string, options?: Readonly<Record<string, string | number | boolean>>): HighsSolution;
}

let highsInstance: Promise<Highs> | undefined;

async function loadHighs(): Promise<Highs> {
  highsInstance ??= import('highs').then((mod) => {
    const loader = ((mod as unknown as { default?: unknown }).default ?? mod) as () => Promise<Highs>;
    return loader();
  });
  return highsInstance;
}

export interface MipResult {
  readonly schedule: Schedule;
  /** HiGHS's own word on the run, e.g. "Optimal", "Time limit reached", "Infeasible". */
  readonly mipStatus: string;
  readonly columns: number;
  readonly rows: number;
  readonly buildMs: number;
  readonly solveMs: number;
}

/** Hands out tables slot by slot: fixed ones as chosen, pool meetings to a free table, the one a participant last used if free. */
function assignTables(problem: Problem, chosen: readonly XVar[]): Map<number, string> {
  const tables = tableList(problem);
  const result = new Map<number, string>();
  const lastTable = new Map<string, string>();
  const bySlot = problem.slots.map(() => [] as XVar[]);
  for (const v of chosen) bySlot[v.slot]!.push(v);
  bySlot.forEach((vars, s) => {
    const slotId = problem.slots[s]!.id;
    const free = new Set(tables.filter((t) => !(t.unavailable ?? []).includes(slotId)).map((t) => t.id));
    for (const v of vars) if (v.table !== undefined) free.delete(v.table);
    for (const v of vars) {
      let table = v.table;
      if (table === undefined) {
        const between = problem.meetings[v.meeting]!.between;
        table = between.map((p) => lastTable.get(p)).find((t) => t !== undefined && free.has(t)) ?? free.values().next().value;
        if (table === undefined) throw new Error(`slot ${slotId}: the solution holds more meetings than free tables`);
        free.delete(table);
      }
      result.set(v.meeting, table);
      for (const p of problem.meetings[v.meeting]!.between) lastTable.set(p, table);
    }
  });
  return result;
}

function scheduleStats(problem: Problem, assignments: readonly Assignment[], elapsedMs: number): Schedule['stats'] {
  const slotIndex = new Map(problem.slots.map((s, i) => [s.id, i]));
  const dayOfSlot = problem.slots.map((s) => s.day);
  const fixed = new Set(problem.participants.filter((p) => p.table !== undefined).map((p) => p.id));
  const byParticipant = new Map<string, { slot: number; table: string }[]>();
  const meetings = new Map(problem.meetings.map((m) => [m.id, m]));
  for (const a of assignments) {
    for (const p of meetings.get(a.meeting)!.between) {
      byParticipant.set(p, [...(byParticipant.get(p) ?? []), { slot: slotIndex.get(a.slot)!, table: a.table }]);
    }
  }
  let breaks = 0;
  let tableChanges = 0;
  for (const [p, placements] of byParticipant) {
    breaks += countBreaks(placements.map((x) => x.slot), dayOfSlot);
    if (!fixed.has(p)) tableChanges += countTableChanges(placements, dayOfSlot);
  }
  return { meetings: problem.meetings.length, scheduled: assignments.length, breaks, tableChanges, elapsedMs };
}

export async function solveMip(problem: Problem, options: MipOptions & { readonly timeLimitS: number }): Promise<MipResult> {
  const started = performance.now();
  const model = buildMipModel(problem, options);
  const built = performance.now();
  const highs = await loadHighs();
  const loaded = performance.now();
  const remaining = Math.max(0.1, options.timeLimitS - (loaded - started) / 1000);
  const solution = highs.solve(model.lp, { time_limit: remaining, output_flag: false, mip_rel_gap: 0 });
  const solved = performance.now();

  const hasSolution = model.x.some((v) => solution.Columns[v.name]?.Primal !== undefined);
  const chosen = hasSolution ? model.x.filter((v) => (solution.Columns[v.name]?.Primal ?? 0) > 0.5) : [];
  const tables = assignTables(problem, chosen);
  const slotOf = new Map(chosen.map((v) => [v.meeting, v.slot]));
  const assignments: Assignment[] = [];
  const unscheduled: Unscheduled[] = [];
  problem.meetings.forEach((meeting, m) => {
    const slot = slotOf.get(m);
    if (slot !== undefined) assignments.push({ meeting: meeting.id, slot: problem.slots[slot]!.id, table: tables.get(m)! });
    else {
      const reason = hasSolution ? 'the MIP solution leaves it out' : `HiGHS found no solution (${solution.Status})`;
      unscheduled.push({ meeting: meeting.id, code: 'MIP_LEFT_OUT', reason });
    }
  });
  const status: ScheduleStatus =
    assignments.length === 0 && problem.meetings.length > 0
      ? 'infeasible'
      : unscheduled.length > 0
        ? 'partial'
        : solution.Status === 'Optimal'
          ? 'optimal'
          : 'feasible';
  const elapsedMs = Math.round(performance.now() - started);
  return {
    schedule: { format: 'meetgrid.schedule/1', status, assignments, unscheduled, stats: scheduleStats(problem, assignments, elapsedMs) },
    mipStatus: solution.Status,
    columns: model.columns,
    rows: model.rows,
    buildMs: Math.round(built - started),
    solveMs: Math.round(solved - loaded),
  };
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  let timeLimitS = 10;
  let output: string | undefined;
  let placeAll = false;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--time-limit') timeLimitS = Number(args[++i]);
    else if (args[i] === '-o') output = args[++i];
    else if (args[i] === '--place-all') placeAll = true;
    else inputs.push(args[i]!);
  }
  if (inputs.length !== 1 || !(timeLimitS > 0) || (args.includes('-o') && !output)) {
    process.stderr.write('usage: mip-baseline PROBLEM.json [--time-limit S] [--place-all] [-o SCHEDULE.json]\n');
    process.exitCode = 2;
  } else {
    const problem = JSON.parse(readFileSync(inputs[0]!, 'utf8')) as Problem;
    const result = await solveMip(problem, { timeLimitS, placeAll });
    const s = result.schedule.stats;
    process.stderr.write(`HiGHS: ${result.mipStatus}; ${s.scheduled}/${s.meetings} placed, ${s.breaks} breaks, ${s.elapsedMs} ms\n`);
    if (output) writeFileSync(output, toJsonLines(result.schedule));
    else process.stdout.write(toJsonLines(result.schedule));
  }
}

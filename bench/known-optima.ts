// known-optima.csv of the B2B benchmark: sizes, optimal breaks (fairness d = 2) and the paper's solving times.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface KnownInstance {
  readonly instance: string;
  readonly participants: number;
  readonly meetings: number;
  readonly slots: number;
  readonly morningSlots: number;
  readonly tables: number;
  /** Optimal total breaks, or 'UNSAT' when no schedule keeps every participant at 2 breaks or fewer. */
  readonly optimum: number | 'UNSAT';
  /** Seconds; 'TO' is the paper's 2-hour timeout; undefined where the paper gives no time (precedence variants). */
  readonly paperMaxSat?: number | 'TO';
  readonly paperChuffed?: number | 'TO';
  readonly paperMip?: number | 'TO';
}

function whole(row: Record<string, string>, field: string, line: number): number {
  const text = row[field] ?? '';
  if (!/^[0-9]+$/.test(text)) throw new Error(`known-optima.csv line ${line}: ${field} "${text}" is not a whole number`);
  return Number(text);
}

function seconds(row: Record<string, string>, field: string, line: number): number | 'TO' | undefined {
  const text = row[field] ?? '';
  if (text === '') return undefined;
  if (text === 'TO') return 'TO';
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`known-optima.csv line ${line}: ${field} "${text}" is not a time`);
  return value;
}

export function parseKnownOptima(csv: string): KnownInstance[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const line = i + 2;
    const instance = row.instance ?? '';
    if (!instance) throw new Error(`known-optima.csv line ${line}: instance is empty`);
    const known: KnownInstance = {
      instance,
      participants: whole(row, 'participants', line),
      meetings: whole(row, 'meetings', line),
      slots: whole(row, 'slots', line),
      morningSlots: whole(row, 'morning_slots', line),
      tables: whole(row, 'tables', line),
      optimum: row.optimum_breaks_d2 === 'UNSAT' ? 'UNSAT' : whole(row, 'optimum_breaks_d2', line),
    };
    const times = {
      paperMaxSat: seconds(row, 'paper_maxsat_s', line),
      paperChuffed: seconds(row, 'paper_chuffed_s', line),
      paperMip: seconds(row, 'paper_mip_s', line),
    };
    return Object.assign(known, Object.fromEntries(Object.entries(times).filter(([, v]) => v !== undefined)));
  });
}

export function readKnownOptima(dir: string): KnownInstance[] {
  return parseKnownOptima(readFileSync(join(dir, 'known-optima.csv'), 'utf8'));
}

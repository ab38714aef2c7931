// Splits decoded text into a header and rows, guessing the delimiter from the header line: Excel writes commas,
// or semicolons where the comma is the decimal mark, and tabs for "Unicode text".
import { parse, CsvError } from 'csv-parse/sync';
import { problem, type CsvProblem } from './problem.js';

export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export type TableResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly problem: CsvProblem };

export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const counts = DELIMITERS.map((delimiter) => countOutsideQuotes(firstLine, delimiter));
  const best = Math.max(...counts);
  return best === 0 ? ',' : (DELIMITERS[counts.indexOf(best)] ?? ',');
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}

interface ParsedRecord {
  readonly record: string[];
  readonly raw: string;
  readonly info: { readonly lines: number };
}

export function readTable(input: string): TableResult {
  // One kind of line end, so csv-parse's line count matches what an editor shows for cells spanning lines too.
  const text = input.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
      raw: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as unknown as { lines?: number }).lines) || 1;
      const key = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'organizerData.csv.error.quoteNotClosed' : 'organizerData.csv.error.malformed';
      return { ok: false, problem: problem(line, null, key) };
    }
    throw error;
  }
  const rows = records.map((entry) => ({
    // info.lines is the record's last line; a quoted cell may span several, and the user looks for the first.
    line: entry.info.lines - lineBreaks(entry.raw),
    cells: entry.record.map((cell) => cell.trim()),
  }));
  const [header, ...body] = rows;
  if (!header) return { ok: false, problem: problem(1, null, 'organizerData.csv.error.empty') };
  return { ok: true, table: { delimiter, headerLine: header.line, header: header.cells, rows: body } };
}

function lineBreaks(raw: string): number {
  return (raw.replace(/\n$/, '').match(/\n/g) ?? []).length;
}

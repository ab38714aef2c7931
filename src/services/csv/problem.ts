// What the import reports instead of saving: every problem names its line (1-based, the header is line 1)
// and, when it is about one cell, the column as written in the file's header.
export type CsvKind = 'participants' | 'requests';
export const CSV_KINDS: readonly CsvKind[] = ['participants', 'requests'];

import type { MessageParams } from '../../domain/index.js';

export type { MessageParams };

export interface CsvProblem {
  readonly line: number;
  readonly column: string | null;
  readonly key: string;
  readonly params: MessageParams;
}

export function problem(line: number, column: string | null, key: string, params: MessageParams = {}): CsvProblem {
  return { line, column, key, params };
}

/** Problems in reading order, so the first one the user must fix is on top. */
export function sortProblems(problems: readonly CsvProblem[]): CsvProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}

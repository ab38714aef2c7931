// The two CSV shapes and the header names accepted for each column, in English and in Korean. Headers are
// compared without case, spaces, underscores, hyphens or brackets, so "Name (KO)" and "name_ko" are the same.
import { problem, type CsvKind, type CsvProblem } from './problem.js';

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly required: boolean;
  /** Korean header written on export with `headers: 'ko'`, then other accepted names. */
  readonly aliases: readonly string[];
}

export const PARTICIPANT_COLUMNS = [
  { key: 'code', required: true, aliases: ['코드', '기업코드', 'id'] },
  { key: 'kind', required: true, aliases: ['구분', '유형', 'type', 'role'] },
  { key: 'name_ko', required: true, aliases: ['기업명', '기업명(국문)', '국문명', 'name'] },
  { key: 'name_en', required: false, aliases: ['영문명', '기업명(영문)', 'english name'] },
  { key: 'sector', required: false, aliases: ['분야', '업종', 'industry'] },
  { key: 'max_meetings', required: false, aliases: ['최대미팅수', '최대 미팅', 'max meetings'] },
  { key: 'max_meetings_per_day', required: false, aliases: ['일일최대미팅수', '하루 최대 미팅', 'max per day'] },
  { key: 'booth', required: false, aliases: ['부스', '부스테이블', 'booth table', 'table'] },
  { key: 'representative_name', required: false, aliases: ['담당자', '담당자명', '참석자', 'representative'] },
  { key: 'email', required: false, aliases: ['이메일', '메일', 'e-mail'] },
  { key: 'phone', required: false, aliases: ['전화', '전화번호', '연락처', 'mobile'] },
  { key: 'language', required: false, aliases: ['언어', 'lang'] },
  { key: 'unavailable', required: false, aliases: ['불가시간', '참석불가', '불가 슬롯', 'unavailability'] },
] as const satisfies readonly ColumnSpec[];

export const REQUEST_COLUMNS = [
  { key: 'requester_code', required: true, aliases: ['요청기업코드', '요청자', '신청기업', 'requester', 'from'] },
  { key: 'requested_code', required: true, aliases: ['대상기업코드', '대상', '요청대상', 'requested', 'to'] },
  { key: 'priority', required: false, aliases: ['우선순위', '중요도'] },
  { key: 'status', required: false, aliases: ['상태'] },
  { key: 'session', required: false, aliases: ['세션', '시간대', '오전오후'] },
  { key: 'note', required: false, aliases: ['메모', '비고', 'notes', 'comment'] },
] as const satisfies readonly ColumnSpec[];

export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number]['key'];
export type RequestColumn = (typeof REQUEST_COLUMNS)[number]['key'];

function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-()[\]]/g, '');
}

function matches(spec: ColumnSpec, header: string): boolean {
  const normalized = normalizeHeader(header);
  return normalized !== '' && [spec.key, ...spec.aliases].some((name) => normalizeHeader(name) === normalized);
}

/** Which shape a header is, by its identifying columns; null when it is neither. */
export function detectKind(header: readonly string[]): CsvKind | null {
  const has = (key: string) => header.some((name) => matches(specOf(key), name));
  if (has('requester_code') || has('requested_code')) return 'requests';
  if (has('code') || has('kind') || has('name_ko')) return 'participants';
  return null;
}

function specOf(key: string): ColumnSpec {
  return [...PARTICIPANT_COLUMNS, ...REQUEST_COLUMNS].find((spec) => spec.key === key) as ColumnSpec;
}

/** Where each column is, and the header as the user wrote it (for messages). */
export interface ColumnMap<K extends string> {
  readonly index: ReadonlyMap<K, number>;
  readonly label: (key: K) => string;
  readonly width: number;
}

export function resolveColumns<K extends string>(
  specs: readonly ColumnSpec<K>[],
  header: readonly string[],
  headerLine: number,
  rows: readonly { readonly cells: readonly string[] }[],
): { readonly map: ColumnMap<K>; readonly problems: CsvProblem[] } {
  const index = new Map<K, number>();
  const problems: CsvProblem[] = [];
  header.forEach((name, position) => {
    if (name === '') {
      // Excel leaves empty header cells after the last column; they only matter if something is under them.
      if (rows.some((row) => (row.cells[position] ?? '') !== '')) {
        problems.push(problem(headerLine, null, 'organizerData.csv.error.unnamedColumn', { position: position + 1 }));
      }
      return;
    }
    const spec = specs.find((candidate) => matches(candidate, name));
    if (!spec) {
      problems.push(problem(headerLine, name, 'organizerData.csv.error.unknownColumn', { name }));
      return;
    }
    const first = index.get(spec.key);
    if (first !== undefined) {
      problems.push(problem(headerLine, name, 'organizerData.csv.error.duplicateColumn', { name, first: header[first] ?? '' }));
      return;
    }
    index.set(spec.key, position);
  });
  for (const spec of specs) {
    if (spec.required && !index.has(spec.key)) {
      problems.push(problem(headerLine, spec.key, 'organizerData.csv.error.missingColumn', { name: spec.key }));
    }
  }
  const label = (key: K) => {
    const position = index.get(key);
    return position === undefined ? key : (header[position] ?? key);
  };
  return { map: { index, label, width: header.length }, problems };
}

/** The cells of a row by column key; a column the file does not have reads as undefined. */
export function cellReader<K extends string>(map: ColumnMap<K>, cells: readonly string[]) {
  return (key: K): string | undefined => {
    const position = map.index.get(key);
    return position === undefined ? undefined : (cells[position] ?? '');
  };
}

/** A line with more cells than the header, unless the extra cells are empty (Excel pads ragged rows). */
export function tooManyColumns(map: { readonly width: number }, line: number, cells: readonly string[]): CsvProblem | null {
  const extra = cells.slice(map.width);
  if (extra.every((cell) => cell === '')) return null;
  return problem(line, null, 'organizerData.csv.error.tooManyColumns', { count: cells.length, expected: map.width });
}

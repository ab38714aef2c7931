// Reads requests.csv against the event's organizations and requests. A request is known by its direction
// (requester → requested), so re-importing a file finds every line's request again and changes nothing.
import type { OrganizationRecord } from '../../db/index.js';
import type { RequestFields, RequestRecord } from '../../db/index.js';
import { REQUEST_COLUMNS, cellReader, resolveColumns, tooManyColumns, type RequestColumn } from './columns.js';
import { changedFields, type PlanResult, type PlannedChange } from './plan.js';
import { problem } from './problem.js';
import type { CsvTable } from './table.js';
import { readPriority, readSession, readStatus } from './values.js';

export interface RequestsSnapshot {
  readonly organizations: readonly OrganizationRecord[];
  readonly requests: readonly RequestRecord[];
}

export interface RequestStep {
  readonly line: number;
  readonly id: number | null;
  readonly requesterId: number;
  readonly requestedId: number;
  /** Everything for a create; the changed fields for an update; empty when unchanged. */
  readonly fields: Partial<RequestFields>;
}

export type RequestsPlan = readonly RequestStep[];

const DEFAULTS: RequestFields = { priority: 1, status: 'requested', session: null, note: '' };

export function planRequests(table: CsvTable, snapshot: RequestsSnapshot): PlanResult<RequestsPlan> {
  const { map, problems } = resolveColumns(REQUEST_COLUMNS, table.header, table.headerLine, table.rows);
  if (problems.length > 0) return { plan: [], changes: [], problems };
  const byCode = new Map(snapshot.organizations.map((o) => [o.code, o]));
  const saved = new Map(snapshot.requests.map((r) => [`${r.requesterId}>${r.requestedId}`, r]));
  const pairs = new Map<string, number>();
  const plan: RequestStep[] = [];
  const changes: PlannedChange[] = [];

  for (const row of table.rows) {
    const report = (column: RequestColumn | null, key: string, params: Record<string, string | number> = {}) =>
      problems.push(problem(row.line, column === null ? null : map.label(column), key, params));
    const extra = tooManyColumns(map, row.line, row.cells);
    if (extra) {
      problems.push(extra);
      continue;
    }
    const cell = cellReader(map, row.cells);
    const before = problems.length;
    const organization = (column: 'requester_code' | 'requested_code'): OrganizationRecord | undefined => {
      const code = cell(column) ?? '';
      if (code === '') report(column, 'organizerData.csv.error.missingValue');
      else if (!byCode.has(code)) report(column, 'organizerData.csv.error.unknownOrganization', { value: code });
      return byCode.get(code);
    };
    const requester = organization('requester_code');
    const requested = organization('requested_code');
    const wanted: Partial<{ -readonly [K in keyof RequestFields]: RequestFields[K] }> = {};
    const priority = cell('priority');
    if (priority !== undefined) {
      const read = readPriority(priority);
      if (read.ok) wanted.priority = read.value;
      else report('priority', read.key, { value: priority });
    }
    const status = cell('status');
    if (status !== undefined) {
      const read = readStatus(status);
      if (read.ok) wanted.status = read.value;
      else report('status', read.key, { value: status });
    }
    const session = cell('session');
    if (session !== undefined) {
      const read = readSession(session);
      if (read.ok) wanted.session = read.value;
      else report('session', read.key, { value: session });
    }
    const note = cell('note');
    if (note !== undefined) wanted.note = note;
    if (!requester || !requested || problems.length > before) continue;
    if (requester.id === requested.id) {
      report('requested_code', 'organizerData.csv.error.selfRequest', { value: requester.code });
      continue;
    }
    // One meeting per pair: the same two organizations in either order on two lines is a mistake in the file.
    const pair = [requester.id, requested.id].sort((a, b) => a - b).join('-');
    const first = pairs.get(pair);
    if (first !== undefined) {
      report('requested_code', 'organizerData.csv.error.duplicateRequest', { first, requester: requester.code, requested: requested.code });
      continue;
    }
    pairs.set(pair, row.line);
    const current = saved.get(`${requester.id}>${requested.id}`);
    if (!current && saved.has(`${requested.id}>${requester.id}`)) {
      report('requested_code', 'organizerData.requests.pairExists', { requester: requested.code, requested: requester.code });
      continue;
    }

    const fields = current ? pickChanged(current, wanted) : { ...DEFAULTS, ...wanted };
    plan.push({ line: row.line, id: current?.id ?? null, requesterId: requester.id, requestedId: requested.id, fields });
    changes.push({
      line: row.line,
      entity: 'request',
      action: !current ? 'create' : Object.keys(fields).length > 0 ? 'update' : 'unchanged',
      subject: `${requester.code} → ${requested.code}`,
      changed: current ? Object.keys(fields) : [],
    });
  }
  if (problems.length > 0) return { plan: [], changes: [], problems };
  return { plan, changes, problems };
}

function pickChanged(current: RequestRecord, wanted: Partial<RequestFields>): Partial<RequestFields> {
  const result: Record<string, unknown> = {};
  for (const field of changedFields(current, wanted)) result[field] = wanted[field as keyof RequestFields];
  return result as Partial<RequestFields>;
}

// Reads participants.csv (one row per representative, organization columns repeated or left empty on later rows)
// against the event's organizations and decides, row by row, what to create, update or leave alone.
import type { OrganizationFields, RepresentativeFields } from '../../db/index.js';
import {
  PARTICIPANT_COLUMNS,
  cellReader,
  resolveColumns,
  tooManyColumns,
  type ParticipantColumn,
} from './columns.js';
import {
  ParticipantsContext,
  sameValue,
  type Group,
  type OrganizationCells,
  type ParticipantsPlan,
  type ParticipantsSnapshot,
} from './participants-context.js';
import type { PlanResult, PlannedChange } from './plan.js';
import { problem, type CsvProblem } from './problem.js';
import type { CsvTable } from './table.js';
import { readCap, readCode, readEmail, readKind, readLanguage, type Cell } from './values.js';

export type { ParticipantsPlan, ParticipantsSnapshot, SlotRef } from './participants-context.js';

const FIELD_COLUMNS: Readonly<Record<keyof OrganizationFields | keyof RepresentativeFields, ParticipantColumn>> = {
  kind: 'kind',
  nameKo: 'name_ko',
  nameEn: 'name_en',
  sector: 'sector',
  maxMeetings: 'max_meetings',
  maxMeetingsPerDay: 'max_meetings_per_day',
  name: 'representative_name',
  email: 'email',
  phone: 'phone',
  title: 'representative_name',
  language: 'language',
};

const ORGANIZATION_COLUMNS: readonly ParticipantColumn[] = [
  'kind',
  'name_ko',
  'name_en',
  'sector',
  'max_meetings',
  'max_meetings_per_day',
  'booth',
  'unavailable',
];

export function planParticipants(table: CsvTable, snapshot: ParticipantsSnapshot): PlanResult<ParticipantsPlan> {
  const { map, problems } = resolveColumns(PARTICIPANT_COLUMNS, table.header, table.headerLine, table.rows);
  if (problems.length > 0) return { plan: [], changes: [], problems };
  const context = new ParticipantsContext(snapshot, new Set(map.index.keys()));
  const groups = new Map<string, Group>();

  for (const row of table.rows) {
    const report = (column: ParticipantColumn | null, key: string, params: Record<string, string | number> = {}) =>
      problems.push(problem(row.line, column === null ? null : map.label(column), key, params));
    const extra = tooManyColumns(map, row.line, row.cells);
    if (extra) {
      problems.push(extra);
      continue;
    }
    const cell = cellReader(map, row.cells);
    const code = readCode(cell('code') ?? '');
    if (!code.ok) {
      report('code', code.key, { value: cell('code') ?? '' });
      continue;
    }
    const before = problems.length;
    const cells = readOrganizationCells(cell, context, report);
    let group = groups.get(code.value);
    if (!group) {
      if (!cell('kind')) report('kind', 'organizerData.csv.error.missingValue');
      if (!cell('name_ko')) report('name_ko', 'organizerData.csv.error.missingValue');
      group = { code: code.value, line: row.line, cells, representatives: [], representativeKeys: new Map() };
      groups.set(code.value, group);
    } else if (problems.length === before) {
      for (const column of ORGANIZATION_COLUMNS) {
        if (cells[column] !== undefined && !sameValue(cells[column], group.cells[column])) {
          report(column, 'organizerData.csv.error.duplicateCode', { code: code.value, first: group.line });
        }
      }
    }
    readRepresentative(cell, row.line, group, report);
  }

  checkBooths(groups, context, map.label('booth'), problems);
  if (problems.length > 0) return { plan: [], changes: [], problems };
  const plan = [...groups.values()].map((group) => context.step(group));
  return { plan, changes: describe(plan), problems: [] };
}

type Report = (column: ParticipantColumn | null, key: string, params?: Record<string, string | number>) => void;

function readOrganizationCells(
  cell: (key: ParticipantColumn) => string | undefined,
  context: ParticipantsContext,
  report: Report,
): OrganizationCells {
  const cells: OrganizationCells = {};
  const take = <T>(column: ParticipantColumn, read: (raw: string) => Cell<T>) => {
    const raw = cell(column);
    if (raw === undefined || raw === '') return;
    const result = read(raw);
    if (result.ok) cells[column] = result.value;
    else report(column, result.key, { value: raw });
  };
  take('kind', readKind);
  take('name_ko', (raw) => ({ ok: true, value: raw }));
  take('name_en', (raw) => ({ ok: true, value: raw }));
  take('sector', (raw) => ({ ok: true, value: raw }));
  take('max_meetings', readCap);
  take('max_meetings_per_day', readCap);
  const booth = cell('booth');
  if (booth) {
    const found = context.tableByLabel(booth);
    if (found) cells.booth = found.id;
    else report('booth', 'organizerData.csv.error.unknownBooth', { value: booth });
  }
  const unavailable = cell('unavailable');
  if (unavailable) {
    const resolved = context.resolveSlots(unavailable);
    if (resolved.unknown.length > 0) {
      report('unavailable', 'organizerData.csv.error.unknownSlot', { value: resolved.unknown.join(' ') });
    } else {
      cells.unavailable = resolved.slotIds;
    }
  }
  return cells;
}

function readRepresentative(
  cell: (key: ParticipantColumn) => string | undefined,
  line: number,
  group: Group,
  report: Report,
): void {
  const name = cell('representative_name') ?? '';
  const emailCell = readEmail(cell('email') ?? '');
  if (!emailCell.ok) report('email', emailCell.key, { value: cell('email') ?? '' });
  const language = cell('language');
  const languageCell = readLanguage(language ?? '');
  if (!languageCell.ok) report('language', languageCell.key, { value: language ?? '' });
  const phone = cell('phone');
  if (name === '') {
    if ((cell('email') ?? '') !== '' || (phone ?? '') !== '') report('representative_name', 'organizerData.csv.error.missingValue');
    return;
  }
  if (!emailCell.ok || !languageCell.ok) return;
  const email = emailCell.value;
  const key = email !== '' ? `email:${email.toLowerCase()}` : `name:${name}`;
  const first = group.representativeKeys.get(key);
  if (first !== undefined) {
    report(email !== '' ? 'email' : 'representative_name', 'organizerData.csv.error.duplicateRepresentative', { first });
    return;
  }
  group.representativeKeys.set(key, line);
  group.representatives.push({
    line,
    fields: {
      name,
      ...(cell('email') !== undefined && { email }),
      ...(phone !== undefined && { phone }),
      ...(language !== undefined && { language: languageCell.value }),
    },
  });
}

// A booth table holds one organization: two rows of the file, or a row and an organization the file does not
// move, may not claim the same one.
function checkBooths(groups: ReadonlyMap<string, Group>, context: ParticipantsContext, column: string, problems: CsvProblem[]) {
  const claims = new Map<number, Group>();
  for (const group of groups.values()) {
    const tableId = group.cells.booth as number | undefined;
    if (tableId === undefined) continue;
    const label = context.tableById(tableId)?.label ?? '';
    const other = claims.get(tableId);
    if (other) {
      problems.push(problem(group.line, column, 'organizerData.csv.error.boothTaken', { value: label, code: other.code }));
      continue;
    }
    claims.set(tableId, group);
    const holder = context.tableById(tableId)?.boothOrganizationId ?? null;
    const holderCode = holder === null ? null : context.organizationById(holder)?.code;
    if (holderCode && holderCode !== group.code && !context.releases(holderCode, groups)) {
      problems.push(problem(group.line, column, 'organizerData.csv.error.boothTaken', { value: label, code: holderCode }));
    }
  }
}

function describe(plan: ParticipantsPlan): PlannedChange[] {
  const changes: PlannedChange[] = [];
  for (const step of plan) {
    const columns = Object.keys(step.fields).map((field) => FIELD_COLUMNS[field as keyof OrganizationFields]);
    if (step.unavailableSlotIds) columns.push('unavailable');
    if (step.booth) columns.push('booth');
    changes.push({
      line: step.line,
      entity: 'organization',
      action: step.id === null ? 'create' : columns.length > 0 ? 'update' : 'unchanged',
      subject: `${step.code} ${step.name}`,
      changed: step.id === null ? [] : columns,
    });
    for (const representative of step.representatives) {
      const changed = Object.keys(representative.fields).map((field) => FIELD_COLUMNS[field as keyof RepresentativeFields]);
      changes.push({
        line: representative.line,
        entity: 'representative',
        action: representative.id === null ? 'create' : changed.length > 0 ? 'update' : 'unchanged',
        subject: `${step.code} ${representative.name}`,
        changed: representative.id === null ? [] : changed,
      });
    }
  }
  return changes.sort((a, b) => a.line - b.line);
}

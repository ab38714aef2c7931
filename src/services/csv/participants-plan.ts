// Reads participants.csv (one row per representative, organization columns repeated or left empty on later rows)
// against the event's organizations and decides, row by row, what to create, update or leave alone.
import type {
  OrganizationFields,
  OrganizationRecord,
  RepresentativeFields,
  RepresentativeRecord,
  UnavailabilityRecord,
} from '../../db/organization-repository.js';
import {
  PARTICIPANT_COLUMNS,
  cellReader,
  resolveColumns,
  tooManyColumns,
  type ParticipantColumn,
} from './columns.js';
import { changedFields, type PlanResult, type PlannedChange } from './plan.js';
import { problem, type CsvProblem } from './problem.js';
import type { CsvTable } from './table.js';
import { readCap, readCode, readEmail, readKind, readLanguage, type Cell } from './values.js';

export interface SlotRef {
  readonly id: number;
  readonly code: string;
  /** 1 for the event's first day. */
  readonly dayNumber: number;
  readonly session: 'am' | 'pm';
}

export interface TableRef {
  readonly id: number;
  readonly label: string;
  readonly boothOrganizationId: number | null;
}

export interface ParticipantsSnapshot {
  readonly organizations: readonly OrganizationRecord[];
  readonly representatives: readonly RepresentativeRecord[];
  readonly unavailability: readonly UnavailabilityRecord[];
  readonly slots: readonly SlotRef[];
  readonly tables: readonly TableRef[];
}

export interface RepresentativeStep {
  readonly line: number;
  readonly id: number | null;
  readonly name: string;
  /** Everything for a create; only the changed fields for an update; empty when unchanged. */
  readonly fields: Partial<RepresentativeFields>;
}

export interface OrganizationStep {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly id: number | null;
  readonly fields: Partial<OrganizationFields>;
  /** Null: the file has no such column, or nothing changes. */
  readonly unavailableSlotIds: readonly number[] | null;
  readonly booth: { readonly tableId: number | null } | null;
  readonly representatives: readonly RepresentativeStep[];
}

export type ParticipantsPlan = readonly OrganizationStep[];

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

/** An organization's cells as read from its first row; later rows may repeat them or leave them empty. */
type OrganizationCells = Partial<Record<ParticipantColumn, unknown>>;

interface Group {
  readonly code: string;
  readonly line: number;
  readonly cells: OrganizationCells;
  readonly representatives: { line: number; fields: Partial<RepresentativeFields> & { name: string } }[];
  readonly representativeKeys: Map<string, number>;
}

export function planParticipants(table: CsvTable, snapshot: ParticipantsSnapshot): PlanResult<ParticipantsPlan> {
  const { map, problems } = resolveColumns(PARTICIPANT_COLUMNS, table.header, table.headerLine, table.rows);
  if (problems.length > 0) return { plan: [], changes: [], problems };
  const context = new Context(snapshot, new Set(map.index.keys()));
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
  context: Context,
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

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => value === b[i]);
  return a === b;
}

// A booth table holds one organization: two rows of the file, or a row and an organization the file does not
// move, may not claim the same one.
function checkBooths(groups: ReadonlyMap<string, Group>, context: Context, column: string, problems: CsvProblem[]) {
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

class Context {
  private readonly organizationsByCode: Map<string, OrganizationRecord>;
  private readonly organizationsById: Map<number, OrganizationRecord>;
  private readonly tablesById: Map<number, TableRef>;

  constructor(
    private readonly snapshot: ParticipantsSnapshot,
    private readonly present: ReadonlySet<ParticipantColumn>,
  ) {
    this.organizationsByCode = new Map(snapshot.organizations.map((o) => [o.code, o]));
    this.organizationsById = new Map(snapshot.organizations.map((o) => [o.id, o]));
    this.tablesById = new Map(snapshot.tables.map((t) => [t.id, t]));
  }

  organizationById(id: number): OrganizationRecord | undefined {
    return this.organizationsById.get(id);
  }

  tableById(id: number): TableRef | undefined {
    return this.tablesById.get(id);
  }

  tableByLabel(label: string): TableRef | undefined {
    return (
      this.snapshot.tables.find((t) => t.label === label) ??
      this.snapshot.tables.find((t) => t.label.toLowerCase() === label.toLowerCase())
    );
  }

  boothOf(organizationId: number): number | null {
    return this.snapshot.tables.find((t) => t.boothOrganizationId === organizationId)?.id ?? null;
  }

  /** Whether the file gives the organization `code` a booth other than the one it has now. */
  releases(code: string, groups: ReadonlyMap<string, Group>): boolean {
    const group = groups.get(code);
    const current = this.organizationsByCode.get(code);
    if (!group || !current || !this.present.has('booth')) return false;
    return ((group.cells.booth as number | undefined) ?? null) !== this.boothOf(current.id);
  }

  /** Slot codes ('d1-03'), half-days ('d1-am') and whole days ('d2'), separated by spaces or commas. */
  resolveSlots(text: string): { slotIds: number[]; unknown: string[] } {
    const ids = new Set<number>();
    const unknown: string[] = [];
    for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
      const lower = token.toLowerCase();
      const slot = this.snapshot.slots.find((s) => s.code.toLowerCase() === lower);
      if (slot) {
        ids.add(slot.id);
        continue;
      }
      const match = /^d(\d+)(?:-(am|pm))?$/.exec(lower);
      const dayNumber = match ? Number(match[1]) : 0;
      const inDay = this.snapshot.slots.filter((s) => s.dayNumber === dayNumber);
      if (!match || inDay.length === 0) {
        unknown.push(token);
        continue;
      }
      for (const s of inDay) if (!match[2] || s.session === match[2]) ids.add(s.id);
    }
    return { slotIds: [...ids].sort((a, b) => a - b), unknown };
  }

  step(group: Group): OrganizationStep {
    const current = this.organizationsByCode.get(group.code) ?? null;
    const cells = group.cells;
    const wanted: Partial<OrganizationFields> = {};
    // A column the file lacks keeps what is saved; an empty cell in a column it has clears the value.
    const set = <K extends keyof OrganizationFields>(field: K, column: ParticipantColumn, empty: OrganizationFields[K]) => {
      if (column in cells) wanted[field] = cells[column] as OrganizationFields[K];
      else if (!current || this.present.has(column)) wanted[field] = empty;
    };
    const nameKo = (cells.name_ko as string | undefined) ?? current?.nameKo ?? '';
    set('kind', 'kind', 'startup');
    set('nameKo', 'name_ko', nameKo);
    set('nameEn', 'name_en', nameKo);
    set('sector', 'sector', '');
    set('maxMeetings', 'max_meetings', null);
    set('maxMeetingsPerDay', 'max_meetings_per_day', null);
    return {
      line: group.line,
      code: group.code,
      name: nameKo,
      id: current?.id ?? null,
      fields: current ? pick(wanted, changedFields(current, wanted)) : wanted,
      unavailableSlotIds: this.unavailabilityStep(group, current),
      booth: this.boothStep(group, current),
      representatives: this.representativeSteps(group, current),
    };
  }

  private unavailabilityStep(group: Group, current: OrganizationRecord | null): number[] | null {
    if (!this.present.has('unavailable')) return null;
    const wanted = (group.cells.unavailable as number[] | undefined) ?? [];
    if (!current) return wanted.length > 0 ? wanted : null;
    const saved = this.snapshot.unavailability
      .filter((u) => u.organizationId === current.id)
      .map((u) => u.slotId)
      .sort((a, b) => a - b);
    return sameValue(saved, wanted) ? null : wanted;
  }

  private boothStep(group: Group, current: OrganizationRecord | null): { tableId: number | null } | null {
    if (!this.present.has('booth')) return null;
    const wanted = (group.cells.booth as number | undefined) ?? null;
    const saved = current ? this.boothOf(current.id) : null;
    return wanted === saved ? null : { tableId: wanted };
  }

  private representativeSteps(group: Group, current: OrganizationRecord | null): RepresentativeStep[] {
    const existing = current ? this.snapshot.representatives.filter((r) => r.organizationId === current.id) : [];
    const used = new Set<number>();
    return group.representatives.map(({ line, fields }) => {
      const email = fields.email?.toLowerCase() ?? '';
      const match =
        (email !== '' ? existing.find((r) => !used.has(r.id) && r.email.toLowerCase() === email) : undefined) ??
        existing.find((r) => !used.has(r.id) && r.name === fields.name && (email === '' || r.email === ''));
      if (!match) {
        return { line, id: null, name: fields.name, fields: { email: '', phone: '', title: '', language: 'ko', ...fields } };
      }
      used.add(match.id);
      return { line, id: match.id, name: fields.name, fields: pick(fields, changedFields(match, fields)) };
    });
  }
}

function pick<T extends object>(values: Partial<T>, keys: readonly string[]): Partial<T> {
  const result: Partial<T> = {};
  for (const key of keys) (result as Record<string, unknown>)[key] = (values as Record<string, unknown>)[key];
  return result;
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

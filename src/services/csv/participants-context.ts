// The event as a participants.csv import sees it, and the steps one organization's rows turn into: what to create,
// what to update (only the fields that differ), what to leave alone.
import type {
  OrganizationFields,
  OrganizationRecord,
  RepresentativeFields,
  RepresentativeRecord,
  UnavailabilityRecord,
} from '../../db/index.js';
import type { ParticipantColumn } from './columns.js';
import { changedFields } from './plan.js';

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

/** An organization's cells as read from its first row; later rows may repeat them or leave them empty. */
export type OrganizationCells = Partial<Record<ParticipantColumn, unknown>>;

export interface Group {
  readonly code: string;
  readonly line: number;
  readonly cells: OrganizationCells;
  readonly representatives: { line: number; fields: Partial<RepresentativeFields> & { name: string } }[];
  readonly representativeKeys: Map<string, number>;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => value === b[i]);
  return a === b;
}

export class ParticipantsContext {
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

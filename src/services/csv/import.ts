// Import of participants.csv and requests.csv: the same reading serves the preview and the import, and the import
// re-reads the event inside its transaction, so what is saved is exactly what a fresh preview would show.
import type { Db } from '../../db/index.js';
import { listSlots, listTables, updateTable } from '../../db/index.js';
import {
  insertOrganization,
  insertRepresentative,
  listOrganizations,
  listRepresentatives,
  listUnavailability,
  replaceUnavailability,
  updateOrganization,
  updateRepresentative,
  type OrganizationFields,
  type RepresentativeFields,
} from '../../db/index.js';
import { insertRequest, listRequests, updateRequest, type RequestFields } from '../../db/index.js';
import { detectKind } from './columns.js';
import { decodeCsv, type CsvEncoding } from './decode.js';
import { planParticipants, type ParticipantsPlan, type SlotRef } from './participants-plan.js';
import { countChanges, type ChangeCounts, type PlannedChange } from './plan.js';
import { problem, sortProblems, type CsvKind, type CsvProblem } from './problem.js';
import { planRequests, type RequestsPlan } from './requests-plan.js';
import { readTable, type CsvDelimiter } from './table.js';

export interface ImportPreview {
  /** Null when the file could not be read far enough to tell. */
  readonly kind: CsvKind | null;
  readonly encoding: CsvEncoding | null;
  readonly delimiter: CsvDelimiter | null;
  readonly rows: number;
  readonly changes: readonly PlannedChange[];
  readonly counts: ChangeCounts;
  readonly problems: readonly CsvProblem[];
}

export interface ImportResult extends ImportPreview {
  /** True when the changes were saved; false when there were problems and nothing was written. */
  readonly applied: boolean;
}

type Reading =
  | { preview: ImportPreview; kind: 'participants'; plan: ParticipantsPlan }
  | { preview: ImportPreview; kind: 'requests'; plan: RequestsPlan }
  | { preview: ImportPreview; kind: null; plan: null };

const NO_CHANGES: ChangeCounts = { create: 0, update: 0, unchanged: 0 };

function read(db: Db, eventId: number, bytes: Uint8Array, expected?: CsvKind): Reading {
  const failed = (problems: CsvProblem[], extra: Partial<ImportPreview> = {}): Reading => ({
    kind: null,
    plan: null,
    preview: { kind: null, encoding: null, delimiter: null, rows: 0, changes: [], counts: NO_CHANGES, problems, ...extra },
  });
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return failed([decoded.problem]);
  const parsed = readTable(decoded.text);
  if (!parsed.ok) return failed([parsed.problem], { encoding: decoded.encoding });
  const { table } = parsed;
  const base = { encoding: decoded.encoding, delimiter: table.delimiter, rows: table.rows.length };
  const detected = detectKind(table.header);
  const kind = expected ?? detected;
  if (kind === null) return failed([problem(table.headerLine, null, 'organizerData.csv.error.unknownFileKind')], base);
  if (expected && detected && detected !== expected) {
    return failed([problem(table.headerLine, null, 'organizerData.csv.error.wrongFileKind', { expected, found: detected })], base);
  }
  if (table.rows.length === 0) return failed([problem(table.headerLine + 1, null, 'organizerData.csv.error.noRows')], base);
  const organizations = listOrganizations(db, eventId);
  const preview = (changes: readonly PlannedChange[], problems: readonly CsvProblem[]): ImportPreview => ({
    kind,
    ...base,
    changes,
    counts: countChanges(changes),
    problems: sortProblems(problems),
  });
  if (kind === 'participants') {
    const result = planParticipants(table, {
      organizations,
      representatives: listRepresentatives(db, eventId),
      unavailability: listUnavailability(db, eventId),
      slots: slotRefs(db, eventId),
      tables: listTables(db, eventId),
    });
    return { kind, plan: result.plan, preview: preview(result.changes, result.problems) };
  }
  const result = planRequests(table, { organizations, requests: listRequests(db, eventId) });
  return { kind, plan: result.plan, preview: preview(result.changes, result.problems) };
}

/** What importing the file would do, and every problem in it; writes nothing. */
export function previewImport(db: Db, eventId: number, bytes: Uint8Array, kind?: CsvKind): ImportPreview {
  return read(db, eventId, bytes, kind).preview;
}

/** Imports the whole file in one transaction, or nothing at all when it has any problem. */
export function applyImport(db: Db, eventId: number, bytes: Uint8Array, kind?: CsvKind): ImportResult {
  return db.transaction(() => {
    const reading = read(db, eventId, bytes, kind);
    if (reading.preview.problems.length > 0 || reading.kind === null) return { ...reading.preview, applied: false };
    if (reading.kind === 'participants') applyParticipants(db, eventId, reading.plan);
    else applyRequests(db, eventId, reading.plan);
    return { ...reading.preview, applied: true };
  });
}

function applyParticipants(db: Db, eventId: number, plan: ParticipantsPlan): void {
  const ids = new Map<string, number>();
  for (const step of plan) {
    const id = step.id ?? insertOrganization(db, eventId, step.code, step.fields as OrganizationFields);
    if (step.id !== null) updateOrganization(db, id, step.fields);
    ids.set(step.code, id);
    if (step.unavailableSlotIds) replaceUnavailability(db, id, step.unavailableSlotIds);
    for (const representative of step.representatives) {
      if (representative.id === null) insertRepresentative(db, id, representative.fields as RepresentativeFields);
      else updateRepresentative(db, representative.id, representative.fields);
    }
  }
  // Booths last, once every organization exists; all moving booths are freed first, so two organizations can
  // swap booths in one file.
  const moving = plan.filter((step) => step.booth !== null);
  for (const table of listTables(db, eventId)) {
    if (moving.some((step) => ids.get(step.code) === table.boothOrganizationId)) {
      updateTable(db, table.id, { boothOrganizationId: null });
    }
  }
  for (const step of moving) {
    if (step.booth?.tableId) updateTable(db, step.booth.tableId, { boothOrganizationId: ids.get(step.code) ?? null });
  }
}

/** The event's slots with the number of their day (1 for the first date), as unavailability is written. */
export function slotRefs(db: Db, eventId: number): SlotRef[] {
  const slots = listSlots(db, eventId);
  const dates = [...new Set(slots.map((slot) => slot.date))];
  return slots.map((slot) => ({ id: slot.id, code: slot.code, session: slot.session, dayNumber: dates.indexOf(slot.date) + 1 }));
}

function applyRequests(db: Db, eventId: number, plan: RequestsPlan): void {
  for (const step of plan) {
    if (step.id === null) insertRequest(db, eventId, step.requesterId, step.requestedId, step.fields as RequestFields);
    else updateRequest(db, step.id, step.fields);
  }
}

// Organizations and their representatives on the participants pages: list, add, edit, remove, and the slots
// each organization cannot meet in. Form input is checked with the same cell readers as the CSV import, so a
// value the import accepts is accepted here, with the same message when it is not.
import type { Db } from '../../db/index.js';
import { listSlots, listTables } from '../../db/index.js';
import {
  deleteOrganization,
  deleteRepresentative,
  findOrganization,
  findOrganizationByCode,
  insertOrganization,
  insertRepresentative,
  listOrganizations,
  listRepresentatives,
  listUnavailability,
  replaceUnavailability,
  representativesOf,
  unavailableSlotIds,
  updateOrganization,
  updateRepresentative,
  type OrganizationFields,
  type OrganizationRecord,
  type RepresentativeFields,
  type RepresentativeRecord,
} from '../../db/index.js';
import { listRequests } from '../../db/index.js';
import { affectedMeetings, type AffectedMeeting } from '../setup/index.js';
import { slotRefs } from '../csv/index.js';
import { readCap, readCode, readEmail, readKind, readLanguage } from '../csv/index.js';
import { ErrorCollector, type FormResult } from '../../domain/index.js';

export interface ParticipantRow extends OrganizationRecord {
  readonly booth: string | null;
  readonly representatives: readonly RepresentativeRecord[];
  readonly unavailableCount: number;
  readonly requestCount: number;
}

export function listParticipants(db: Db, eventId: number): ParticipantRow[] {
  const representatives = listRepresentatives(db, eventId);
  const unavailable = listUnavailability(db, eventId);
  const requests = listRequests(db, eventId);
  const booths = new Map(listTables(db, eventId).map((table) => [table.boothOrganizationId, table.label]));
  return listOrganizations(db, eventId).map((organization) => ({
    ...organization,
    booth: booths.get(organization.id) ?? null,
    representatives: representatives.filter((r) => r.organizationId === organization.id),
    unavailableCount: unavailable.filter((u) => u.organizationId === organization.id).length,
    requestCount: requests.filter((r) => r.requesterId === organization.id || r.requestedId === organization.id).length,
  }));
}

export interface SlotChoice {
  readonly id: number;
  readonly code: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly unavailable: boolean;
}

export interface HalfDay {
  /** 'd1-am' */
  readonly code: string;
  readonly dayNumber: number;
  readonly date: string;
  readonly session: 'am' | 'pm';
  readonly slots: readonly SlotChoice[];
}

export interface ParticipantDetail {
  readonly organization: OrganizationRecord;
  readonly booth: string | null;
  readonly representatives: readonly RepresentativeRecord[];
  readonly halfDays: readonly HalfDay[];
}

export function participantDetail(db: Db, eventId: number, id: number): ParticipantDetail | null {
  const organization = findOrganization(db, eventId, id);
  if (!organization) return null;
  const unavailable = new Set(unavailableSlotIds(db, id));
  const slots = listSlots(db, eventId);
  const dates = [...new Set(slots.map((slot) => slot.date))];
  const halfDays: { code: string; dayNumber: number; date: string; session: 'am' | 'pm'; slots: SlotChoice[] }[] = [];
  for (const slot of slots) {
    const dayNumber = dates.indexOf(slot.date) + 1;
    const code = `d${dayNumber}-${slot.session}`;
    let half = halfDays.find((h) => h.code === code);
    if (!half) {
      half = { code, dayNumber, date: slot.date, session: slot.session, slots: [] };
      halfDays.push(half);
    }
    const { id: slotId, startTime, endTime } = slot;
    half.slots.push({ id: slotId, code: slot.code, startTime, endTime, unavailable: unavailable.has(slotId) });
  }
  return {
    organization,
    booth: listTables(db, eventId).find((table) => table.boothOrganizationId === id)?.label ?? null,
    representatives: representativesOf(db, id),
    halfDays,
  };
}

export type OrganizationForm = Readonly<Partial<Record<'code' | 'kind' | 'nameKo' | 'nameEn' | 'sector' | 'maxMeetings' | 'maxMeetingsPerDay', string>>>;

/** Creates (id null) or updates an organization; returns its id, or the errors by field. */
export function saveOrganization(db: Db, eventId: number, id: number | null, form: OrganizationForm): FormResult<number> {
  const errors = new ErrorCollector();
  const code = readCode(form.code ?? '');
  if (!code.ok) errors.add('code', code.key, { value: form.code ?? '' });
  else {
    const other = findOrganizationByCode(db, eventId, code.value);
    if (other && other.id !== id) errors.add('code', 'organizerData.participants.codeTaken', { value: code.value });
  }
  const kind = readKind(form.kind ?? '');
  if (!kind.ok) errors.add('kind', kind.key, { value: form.kind ?? '' });
  const nameKo = (form.nameKo ?? '').trim();
  if (nameKo === '') errors.add('nameKo', 'organizerData.csv.error.missingValue');
  const maxMeetings = readCap(form.maxMeetings ?? '');
  if (!maxMeetings.ok) errors.add('maxMeetings', maxMeetings.key, { value: form.maxMeetings ?? '' });
  const maxPerDay = readCap(form.maxMeetingsPerDay ?? '');
  if (!maxPerDay.ok) errors.add('maxMeetingsPerDay', maxPerDay.key, { value: form.maxMeetingsPerDay ?? '' });
  if (id !== null && !findOrganization(db, eventId, id)) errors.add('id', 'organizerData.participants.notFound');
  if (!errors.empty || !code.ok || !kind.ok || !maxMeetings.ok || !maxPerDay.ok) return errors.fail();
  const fields: OrganizationFields = {
    kind: kind.value,
    nameKo,
    nameEn: (form.nameEn ?? '').trim() || nameKo,
    sector: (form.sector ?? '').trim(),
    maxMeetings: maxMeetings.value,
    maxMeetingsPerDay: maxPerDay.value,
  };
  if (id === null) return { ok: true, value: insertOrganization(db, eventId, code.value, fields) };
  updateOrganization(db, id, { ...fields, code: code.value });
  return { ok: true, value: id };
}

export type RepresentativeForm = Readonly<Partial<Record<'name' | 'email' | 'phone' | 'title' | 'language', string>>>;

/** Adds (id null) or updates a representative of the organization. */
export function saveRepresentative(
  db: Db,
  eventId: number,
  organizationId: number,
  id: number | null,
  form: RepresentativeForm,
): FormResult<number> {
  const errors = new ErrorCollector();
  if (!findOrganization(db, eventId, organizationId)) errors.add('organization', 'organizerData.participants.notFound');
  const name = (form.name ?? '').trim();
  if (name === '') errors.add('name', 'organizerData.csv.error.missingValue');
  const email = readEmail(form.email ?? '');
  if (!email.ok) errors.add('email', email.key, { value: form.email ?? '' });
  const language = readLanguage(form.language ?? '');
  if (!language.ok) errors.add('language', language.key, { value: form.language ?? '' });
  if (id !== null && !representativesOf(db, organizationId).some((r) => r.id === id)) {
    errors.add('id', 'organizerData.participants.notFound');
  }
  if (!errors.empty || !email.ok || !language.ok) return errors.fail();
  const fields: RepresentativeFields = {
    name,
    email: email.value,
    phone: (form.phone ?? '').trim(),
    title: (form.title ?? '').trim(),
    language: language.value,
  };
  if (id === null) return { ok: true, value: insertRepresentative(db, organizationId, fields) };
  updateRepresentative(db, id, fields);
  return { ok: true, value: id };
}

export function removeRepresentative(db: Db, eventId: number, organizationId: number, id: number): boolean {
  if (!findOrganization(db, eventId, organizationId)) return false;
  if (!representativesOf(db, organizationId).some((r) => r.id === id)) return false;
  deleteRepresentative(db, id);
  return true;
}

/**
 * Replaces the organization's unavailable slots by the ticked slots plus every slot of the ticked half-days
 * ('d1-am'); a slot id or half-day of another event is refused.
 */
export function saveUnavailability(
  db: Db,
  eventId: number,
  organizationId: number,
  slotIds: readonly string[],
  halfDays: readonly string[],
): FormResult<number> {
  const errors = new ErrorCollector();
  if (!findOrganization(db, eventId, organizationId)) errors.add('organization', 'organizerData.participants.notFound');
  const slots = slotRefs(db, eventId);
  const chosen = new Set<number>();
  for (const raw of slotIds) {
    const slot = slots.find((s) => String(s.id) === raw);
    if (slot) chosen.add(slot.id);
    else errors.add('slots', 'organizerData.csv.error.unknownSlot', { value: raw });
  }
  for (const code of halfDays) {
    const inHalf = slots.filter((s) => `d${s.dayNumber}-${s.session}` === code);
    if (inHalf.length === 0) errors.add('slots', 'organizerData.csv.error.unknownSlot', { value: code });
    for (const slot of inHalf) chosen.add(slot.id);
  }
  if (!errors.empty) return errors.fail();
  replaceUnavailability(db, organizationId, [...chosen]);
  return { ok: true, value: chosen.size };
}

/** The scheduled meetings that removing the organization would take away (its requests go with it). */
export function meetingsOfOrganization(db: Db, eventId: number, id: number): AffectedMeeting[] {
  return affectedMeetings(db, eventId, (m) => m.requester.id === id || m.requested.id === id);
}

export type RemoveResult =
  | { readonly removed: true }
  | { readonly removed: false; readonly meetings: readonly AffectedMeeting[] };

/** Removes the organization, unless it has meetings and the organizer has not confirmed having seen them. */
export function removeOrganization(db: Db, eventId: number, id: number, confirmed: boolean): RemoveResult | null {
  if (!findOrganization(db, eventId, id)) return null;
  return db.transaction(() => {
    const meetings = meetingsOfOrganization(db, eventId, id);
    if (meetings.length > 0 && !confirmed) return { removed: false, meetings };
    deleteOrganization(db, id);
    return { removed: true };
  });
}

// Writes participants.csv and requests.csv in the shapes the import reads, so an exported file imports back
// unchanged. UTF-8 with a BOM and CRLF line ends: Excel then opens Korean text correctly.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/index.js';
import { listTables } from '../../db/index.js';
import { listOrganizations, listRepresentatives, listUnavailability } from '../../db/index.js';
import { listRequestViews } from '../../db/index.js';
import { PARTICIPANT_COLUMNS, REQUEST_COLUMNS, type ColumnSpec } from './columns.js';
import { slotRefs } from './import.js';
import type { SlotRef } from './participants-plan.js';

export type HeaderLanguage = 'en' | 'ko';

function header(specs: readonly ColumnSpec[], language: HeaderLanguage): string[] {
  return specs.map((spec) => (language === 'ko' ? (spec.aliases[0] ?? spec.key) : spec.key));
}

function toCsv(rows: readonly (readonly (string | number)[])[]): Buffer {
  const text = stringify(rows as (string | number)[][], { record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export function exportParticipants(db: Db, eventId: number, language: HeaderLanguage = 'en'): Buffer {
  const slots = slotRefs(db, eventId);
  const unavailable = new Map<number, Set<number>>();
  for (const row of listUnavailability(db, eventId)) {
    const set = unavailable.get(row.organizationId) ?? new Set<number>();
    set.add(row.slotId);
    unavailable.set(row.organizationId, set);
  }
  const booths = new Map(
    listTables(db, eventId)
      .filter((table) => table.boothOrganizationId !== null)
      .map((table) => [table.boothOrganizationId, table.label]),
  );
  const representatives = listRepresentatives(db, eventId);
  const rows: (string | number)[][] = [header(PARTICIPANT_COLUMNS, language)];
  for (const organization of listOrganizations(db, eventId)) {
    const columns = [
      organization.code,
      organization.kind,
      organization.nameKo,
      organization.nameEn,
      organization.sector,
      organization.maxMeetings ?? '',
      organization.maxMeetingsPerDay ?? '',
      booths.get(organization.id) ?? '',
    ];
    const unavailableText = describeSlots(slots, unavailable.get(organization.id) ?? new Set());
    const people = representatives.filter((r) => r.organizationId === organization.id);
    if (people.length === 0) rows.push([...columns, '', '', '', '', unavailableText]);
    for (const person of people) {
      rows.push([...columns, person.name, person.email, person.phone, person.language, unavailableText]);
    }
  }
  return toCsv(rows);
}

/** Whole days and half-days as 'd1', 'd1-am'; the remaining slots by code. */
export function describeSlots(slots: readonly SlotRef[], chosen: ReadonlySet<number>): string {
  const tokens: string[] = [];
  const days = [...new Set(slots.map((slot) => slot.dayNumber))];
  for (const day of days) {
    const inDay = slots.filter((slot) => slot.dayNumber === day);
    if (inDay.every((slot) => chosen.has(slot.id))) {
      tokens.push(`d${day}`);
      continue;
    }
    for (const session of ['am', 'pm'] as const) {
      const inHalf = inDay.filter((slot) => slot.session === session);
      if (inHalf.length > 0 && inHalf.every((slot) => chosen.has(slot.id))) tokens.push(`d${day}-${session}`);
      else tokens.push(...inHalf.filter((slot) => chosen.has(slot.id)).map((slot) => slot.code));
    }
  }
  return tokens.join(' ');
}

export function exportRequests(db: Db, eventId: number, language: HeaderLanguage = 'en'): Buffer {
  const rows: (string | number)[][] = [header(REQUEST_COLUMNS, language)];
  for (const request of listRequestViews(db, eventId)) {
    rows.push([
      request.requesterCode,
      request.requestedCode,
      request.priority,
      request.status,
      request.session ?? '',
      request.note,
    ]);
  }
  return toCsv(rows);
}

// The capacity planner of the set-up page: meetings requested against slots × tables, and how many tables the
// requests need with 10–20 % slack (the engine needs room to avoid breaks and to honour unavailability).
// A booth holds its organization's meetings only, so meetings with a booth holder are counted against that booth
// and the others against the shared tables.
import type { Db } from '../../db/index.js';
import { listSlots, listTables } from '../../db/index.js';
import { listOrganizations, listUnavailability } from '../../db/index.js';
import { listRequests } from '../../db/index.js';

export interface CapacityOrganization {
  readonly id: number;
  readonly code: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly unavailableSlots: number;
  readonly maxMeetings: number | null;
  readonly hasBooth: boolean;
}

export interface CapacityInput {
  readonly slots: number;
  readonly tables: number;
  readonly organizations: readonly CapacityOrganization[];
  /** Open requests (accepted or still requested): the meetings to place. */
  readonly meetings: readonly { readonly between: readonly [number, number]; readonly accepted: boolean }[];
}

export interface OverloadedOrganization {
  readonly code: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly meetings: number;
  /** Slots it can meet in, or its cap when that is lower. */
  readonly limit: number;
  readonly reason: 'slots' | 'cap';
}

export type CapacityVerdict = 'enough' | 'tight' | 'short' | 'empty';

export interface CapacityPlan {
  readonly slots: number;
  readonly tables: number;
  readonly boothTables: number;
  readonly sharedTables: number;
  readonly capacity: number;
  readonly accepted: number;
  readonly meetings: number;
  /** Meetings over capacity, 0–1 (may exceed 1). */
  readonly load: number;
  readonly sharedMeetings: number;
  /** Tables needed in all: the booths in use plus shared tables for the other meetings, without and with slack. */
  readonly tablesNeeded: { readonly exact: number; readonly slack10: number; readonly slack20: number };
  readonly verdict: CapacityVerdict;
  readonly overloaded: readonly OverloadedOrganization[];
}

export function planCapacity(input: CapacityInput): CapacityPlan {
  const boothHolders = new Set(input.organizations.filter((o) => o.hasBooth).map((o) => o.id));
  const boothTables = boothHolders.size;
  const sharedTables = Math.max(0, input.tables - boothTables);
  const meetings = input.meetings.length;
  const sharedMeetings = input.meetings.filter((m) => !m.between.some((id) => boothHolders.has(id))).length;
  const perSlot = (factor: number) => (input.slots === 0 ? 0 : Math.ceil((sharedMeetings * factor) / input.slots - 1e-9));
  const tablesNeeded = {
    exact: boothTables + perSlot(1),
    slack10: boothTables + perSlot(1.1),
    slack20: boothTables + perSlot(1.2),
  };
  const capacity = input.slots * input.tables;
  const verdict: CapacityVerdict =
    meetings === 0
      ? 'empty'
      : input.tables >= tablesNeeded.slack10 && input.slots > 0
        ? 'enough'
        : input.tables >= tablesNeeded.exact && input.slots > 0
          ? 'tight'
          : 'short';
  return {
    slots: input.slots,
    tables: input.tables,
    boothTables,
    sharedTables,
    capacity,
    accepted: input.meetings.filter((m) => m.accepted).length,
    meetings,
    load: capacity === 0 ? (meetings === 0 ? 0 : Infinity) : meetings / capacity,
    sharedMeetings,
    tablesNeeded,
    verdict,
    overloaded: overloaded(input),
  };
}

function overloaded(input: CapacityInput): OverloadedOrganization[] {
  const result: OverloadedOrganization[] = [];
  for (const organization of input.organizations) {
    const count = input.meetings.filter((m) => m.between.includes(organization.id)).length;
    const free = Math.max(0, input.slots - organization.unavailableSlots);
    const cap = organization.maxMeetings ?? Infinity;
    const limit = Math.min(free, cap);
    if (count <= limit) continue;
    const { code, nameKo, nameEn } = organization;
    result.push({ code, nameKo, nameEn, meetings: count, limit, reason: cap < free ? 'cap' : 'slots' });
  }
  return result.sort((a, b) => b.meetings - b.limit - (a.meetings - a.limit));
}

export function capacityOf(db: Db, eventId: number): CapacityPlan {
  const tables = listTables(db, eventId);
  const unavailable = listUnavailability(db, eventId);
  return planCapacity({
    slots: listSlots(db, eventId).length,
    tables: tables.length,
    organizations: listOrganizations(db, eventId).map((o) => ({
      id: o.id,
      code: o.code,
      nameKo: o.nameKo,
      nameEn: o.nameEn,
      maxMeetings: o.maxMeetings,
      unavailableSlots: unavailable.filter((u) => u.organizationId === o.id).length,
      hasBooth: tables.some((t) => t.boothOrganizationId === o.id),
    })),
    meetings: listRequests(db, eventId)
      .filter((r) => r.status !== 'declined')
      .map((r) => ({ between: [r.requesterId, r.requestedId] as const, accepted: r.status === 'accepted' })),
  });
}

// The event overview an organizer opens first: requests and how many are scheduled, meetings per startup, table
// use per slot and breaks per participant, for the version being worked on.
import type { Db } from '../../db/index.js';
import { countRequestsByStatus } from '../../db/index.js';
import {
  draftVersion,
  meetingsOfVersion,
  publishedVersion,
  schedulingInputs,
  unscheduledOfVersion,
  type VersionRow,
} from '../../db/index.js';
import type { Language, RequestStatus } from '../../db/index.js';
import { countBreaks } from '../../engine/index.js';
import type { EventRow } from '../scheduling/index.js';

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export interface Dashboard {
  readonly requests: Readonly<Record<RequestStatus, number>> & { readonly total: number };
  readonly draft: VersionRow | null;
  readonly published: VersionRow | null;
  /** The version the figures describe: the draft, else the published one; null before the first run. */
  readonly version: VersionRow | null;
  readonly scheduled: number;
  readonly unscheduled: number;
  readonly startups: number;
  readonly meetingsPerStartup: Spread | null;
  readonly startupsWithoutMeetings: readonly { code: string; name: string }[];
  readonly tableUse: readonly { code: string; date: string; startTime: string; used: number; available: number }[];
  readonly breaks: { readonly total: number; readonly max: number; readonly histogram: readonly number[] };
  readonly breaksPerParticipant: readonly { code: string; name: string; meetings: number; breaks: number }[];
}

export function buildDashboard(db: Db, event: EventRow, language: Language): Dashboard {
  const counts = countRequestsByStatus(db, event.id);
  const draft = draftVersion(db, event.id);
  const published = publishedVersion(db, event.id);
  const version = draft ?? published;
  const inputs = schedulingInputs(db, event.id);
  const meetings = version ? meetingsOfVersion(db, version.id).filter((m) => m.status !== 'cancelled') : [];
  const name = (org: { nameKo: string; nameEn: string }) =>
    language === 'ko' ? org.nameKo || org.nameEn : org.nameEn || org.nameKo;

  const slotIndex = new Map(inputs.slots.map((slot, index) => [slot.id, index]));
  const dayOfSlot = inputs.slots.map((slot) => slot.date);
  const slotsOf = new Map<number, number[]>();
  const usedPerSlot = new Map<number, number>();
  for (const meeting of meetings) {
    usedPerSlot.set(meeting.slotId, (usedPerSlot.get(meeting.slotId) ?? 0) + 1);
    for (const org of [meeting.requester, meeting.requested]) {
      const list = slotsOf.get(org.id) ?? [];
      list.push(slotIndex.get(meeting.slotId)!);
      slotsOf.set(org.id, list);
    }
  }

  const startups = inputs.organizations.filter((org) => org.kind === 'startup');
  const perStartup = startups.map((org) => slotsOf.get(org.id)?.length ?? 0);
  const unavailableTables = new Map<number, number>();
  for (const row of inputs.tableUnavailability) {
    unavailableTables.set(row.slotId, (unavailableTables.get(row.slotId) ?? 0) + 1);
  }
  const breaksPerParticipant = inputs.organizations.map((org) => {
    const taken = slotsOf.get(org.id) ?? [];
    return { code: org.code, name: name(org), meetings: taken.length, breaks: countBreaks(taken, dayOfSlot) };
  });
  const maxBreaks = Math.max(0, ...breaksPerParticipant.map((row) => row.breaks));
  const histogram = Array.from({ length: maxBreaks + 1 }, (_, breaks) =>
    breaksPerParticipant.filter((row) => row.breaks === breaks).length,
  );

  return {
    requests: { ...counts, total: counts.requested + counts.accepted + counts.declined },
    draft,
    published,
    version,
    scheduled: meetings.length,
    unscheduled: version ? unscheduledOfVersion(db, version.id).length : 0,
    startups: startups.length,
    meetingsPerStartup: spread(perStartup),
    startupsWithoutMeetings: version
      ? startups.filter((org) => !slotsOf.has(org.id)).map((org) => ({ code: org.code, name: name(org) }))
      : [],
    tableUse: inputs.slots.map((slot) => ({
      code: slot.code,
      date: slot.date,
      startTime: slot.startTime,
      used: usedPerSlot.get(slot.id) ?? 0,
      available: inputs.tables.length - (unavailableTables.get(slot.id) ?? 0),
    })),
    breaks: { total: breaksPerParticipant.reduce((sum, row) => sum + row.breaks, 0), max: maxBreaks, histogram },
    breaksPerParticipant: breaksPerParticipant
      .filter((row) => row.breaks > 0)
      .sort((a, b) => b.breaks - a.breaks || a.code.localeCompare(b.code)),
  };
}

/** Min, median and max; null for no values. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

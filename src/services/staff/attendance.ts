// Attendance for the organizer while the event runs: per day, how many organizations with meetings have someone
// checked in, how many meetings were recorded held or no-show, and the rates; plus the no-shows (each a freed slot
// the organizer may refill). Counts come from check-ins of any version, a meeting counted once (request and slot).
import type { Db } from '../../db/index.js';
import { arrivalsOfEvent, outcomesOfEvent } from '../../db/index.js';
import { listRepresentatives } from '../../db/index.js';
import { rosterFrame } from '../../db/index.js';
import { meetingsOfVersion, publishedVersion } from '../../db/index.js';
import type { Language } from '../../db/index.js';

export interface AttendanceFigures {
  /** Meetings in the published schedule (not cancelled). */
  readonly meetings: number;
  readonly held: number;
  readonly noShow: number;
  /** No-shows among meetings with a recorded outcome; null before any outcome. */
  readonly noShowRate: number | null;
  /** Organizations with a meeting that had at least one representative checked in. */
  readonly organizationsExpected: number;
  readonly organizationsPresent: number;
  readonly attendanceRate: number | null;
  readonly representativesArrived: number;
}

export interface NoShowMeeting {
  readonly meetingId: number;
  readonly date: string;
  readonly startTime: string;
  readonly tableLabel: string;
  readonly room: string;
  readonly pair: string;
}

export interface AttendanceDay extends AttendanceFigures {
  readonly date: string;
}

export interface Attendance {
  readonly published: { readonly number: number } | null;
  readonly total: AttendanceFigures;
  readonly days: readonly AttendanceDay[];
  readonly noShows: readonly NoShowMeeting[];
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function buildAttendance(db: Db, eventId: number, language: Language): Attendance {
  const published = publishedVersion(db, eventId);
  const frame = rosterFrame(db, eventId);
  const meetings = published ? meetingsOfVersion(db, published.id).filter((m) => m.status !== 'cancelled') : [];
  const outcome = new Map(outcomesOfEvent(db, eventId).map((row) => [`${row.requestId}:${row.slotId}`, row.kind]));
  const organizationOf = new Map(listRepresentatives(db, eventId).map((person) => [person.id, person.organizationId]));
  const arrivals = arrivalsOfEvent(db, eventId);
  const name = (row: { nameKo: string; nameEn: string }) =>
    language === 'ko' ? row.nameKo || row.nameEn : row.nameEn || row.nameKo;

  const figures = (dayIds: ReadonlySet<number>): AttendanceFigures => {
    const mine = meetings.filter((meeting) => dayIds.has(meeting.dayId));
    const kinds = mine.map((meeting) => outcome.get(`${meeting.requestId}:${meeting.slotId}`));
    const held = kinds.filter((kind) => kind === 'held').length;
    const noShow = kinds.filter((kind) => kind === 'no_show').length;
    // An organization is expected once per day it has meetings; present when someone of it checked in that day.
    const expected = new Set(mine.flatMap((m) => [`${m.dayId}:${m.requester.id}`, `${m.dayId}:${m.requested.id}`]));
    const dayArrivals = arrivals.filter((row) => dayIds.has(row.dayId));
    const present = new Set(
      dayArrivals
        .map((row) => `${row.dayId}:${organizationOf.get(row.representativeId)}`)
        .filter((key) => expected.has(key)),
    );
    return {
      meetings: mine.length,
      held,
      noShow,
      noShowRate: rate(noShow, held + noShow),
      organizationsExpected: expected.size,
      organizationsPresent: present.size,
      attendanceRate: rate(present.size, expected.size),
      representativesArrived: dayArrivals.length,
    };
  };

  return {
    published: published ? { number: published.number } : null,
    total: figures(new Set(frame.days.map((day) => day.id))),
    days: frame.days.map((day) => ({ date: day.date, ...figures(new Set([day.id])) })),
    noShows: meetings
      .filter((meeting) => outcome.get(`${meeting.requestId}:${meeting.slotId}`) === 'no_show')
      .map((meeting) => ({
        meetingId: meeting.id,
        date: meeting.date,
        startTime: meeting.startTime,
        tableLabel: meeting.tableLabel,
        room: name({ nameKo: meeting.roomNameKo, nameEn: meeting.roomNameEn }),
        pair: `${name(meeting.requester)} – ${name(meeting.requested)}`,
      })),
  };
}

/** A rate as a whole percentage for display, or null. */
export function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100);
}

// Turns meetings into RFC 5545 text with the `ics` package. It writes METHOD, ORGANIZER, ATTENDEE, SEQUENCE and
// STATUS itself, so no writer of our own is needed; times go out in UTC (DTSTART:…Z), which every client places
// correctly without a VTIMEZONE. One post-processing step remains: `ics` folds lines every 75 characters,
// but RFC 5545 §3.1 counts octets, and a Korean character is three octets in UTF-8; we refold by octets.
import { createEvents, type EventAttributes } from 'ics';

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

export interface CalendarEvent {
  readonly uid: string;
  readonly sequence: number;
  /** Epoch milliseconds. */
  readonly start: number;
  readonly end: number;
  /** When this version of the entry was made (DTSTAMP), epoch milliseconds. */
  readonly stamp: number;
  readonly title: string;
  readonly location: string;
  readonly description: string;
  readonly url?: string;
  readonly cancelled: boolean;
  readonly organizer: CalendarPerson;
  readonly attendees: readonly CalendarPerson[];
}

export const PRODUCT_ID = '-//Meetgrid//Partnering meetings//EN';

export class CalendarWriteError extends Error {
  override name = 'CalendarWriteError';
}

export function writeCalendar(
  method: CalendarMethod,
  entries: readonly CalendarEvent[],
  calendarName?: string,
): string {
  const attributes = entries.map((entry) => toAttributes(method, entry));
  const header = { productId: PRODUCT_ID, method, ...(calendarName ? { calName: calendarName } : {}) };
  // `ics` refuses an empty list, yet an agenda with no meetings is still a valid (empty) calendar.
  if (attributes.length === 0) return emptyCalendar(header.method, calendarName);
  const { error, value } = createEvents(attributes, header);
  if (error || !value) throw new CalendarWriteError(`cannot write calendar: ${error?.message ?? 'no output'}`);
  return refoldByOctets(value);
}

function toAttributes(method: CalendarMethod, entry: CalendarEvent): EventAttributes {
  const attendees = entry.attendees
    .filter((person) => person.email !== '')
    .map((person) => ({
      name: person.name,
      email: person.email,
      role: 'REQ-PARTICIPANT' as const,
      partstat: 'NEEDS-ACTION' as const,
      rsvp: method === 'REQUEST',
    }));
  const attributes: EventAttributes & { timestamp: number } = {
    uid: entry.uid,
    sequence: entry.sequence,
    timestamp: entry.stamp,
    start: entry.start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: entry.end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: entry.title,
    location: entry.location,
    description: entry.description,
    status: entry.cancelled || method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: entry.organizer.name, email: entry.organizer.email },
    attendees,
    ...(entry.url ? { url: entry.url } : {}),
  };
  return attributes;
}

function emptyCalendar(method: string, calendarName: string | undefined): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, `METHOD:${method}`];
  if (calendarName) lines.push(`X-WR-CALNAME:${escapeText(calendarName)}`);
  lines.push('END:VCALENDAR');
  return refoldByOctets(`${lines.join('\r\n')}\r\n`);
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const MAX_OCTETS = 75;

/** Unfolds the text, then folds each content line so no physical line exceeds 75 UTF-8 octets. */
export function refoldByOctets(text: string): string {
  const logical = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of logical) {
    if (line === '') continue;
    if (line.length <= MAX_OCTETS / 3 || Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) {
      out.push(line);
      continue;
    }
    let current = '';
    let size = 0;
    let limit = MAX_OCTETS;
    for (const char of line) {
      const octets = Buffer.byteLength(char, 'utf8');
      if (size + octets > limit) {
        out.push(current);
        current = ' ';
        size = 1;
        limit = MAX_OCTETS;
      }
      current += char;
      size += octets;
    }
    out.push(current);
  }
  return `${out.join('\r\n')}\r\n`;
}

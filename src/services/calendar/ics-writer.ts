// The one writer of RFC 5545 text, behind the agenda files, the webcal feed and the e-mail invitations. It emits
// the properties directly instead of going through the `ics` package, which validates every event with a schema
// library (milliseconds per event: a publish that invites thousands of representatives would spend minutes there).
// A test writes the same events with `ics` and compares both outputs parsed by ical.js. Times go out in UTC
// (DTSTART:…Z), which every client places correctly without a VTIMEZONE; lines are folded by UTF-8 octets, since
// a Korean character is three octets and RFC 5545 §3.1 counts octets.

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

export function writeCalendar(method: CalendarMethod, entries: readonly CalendarEvent[], calendarName?: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, `METHOD:${method}`];
  if (calendarName) lines.push(`X-WR-CALNAME:${text(calendarName)}`);
  // Subscribed calendars poll again after an hour (Apple/Google read the first, RFC 7986 clients the second).
  if (method === 'PUBLISH') lines.push('X-PUBLISHED-TTL:PT1H', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H');
  const rsvp = method === 'REQUEST' ? 'TRUE' : 'FALSE';
  for (const entry of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${text(entry.uid)}`,
      `DTSTAMP:${utc(entry.stamp)}`,
      `DTSTART:${utc(entry.start)}`,
      `DTEND:${utc(entry.end)}`,
      `SEQUENCE:${entry.sequence}`,
      `SUMMARY:${text(entry.title)}`,
      `LOCATION:${text(entry.location)}`,
      `DESCRIPTION:${text(entry.description)}`,
    );
    if (entry.url) lines.push(`URL:${uri(entry.url)}`);
    lines.push(`STATUS:${entry.cancelled || method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`);
    lines.push(`ORGANIZER;CN=${param(entry.organizer.name)}:mailto:${uri(entry.organizer.email)}`);
    for (const person of entry.attendees) {
      if (person.email === '') continue;
      lines.push(
        `ATTENDEE;CN=${param(person.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${rsvp}:mailto:${uri(person.email)}`,
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldByOctets).join('\r\n') + '\r\n';
}

// Control characters other than HTAB are not allowed in any value (RFC 5545 §3.1, §3.3.11).
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;
const TEXT_SPECIAL = /\r\n|[\\;,\n\x00-\x08\x0a-\x1f\x7f]/g;

/** TEXT value escaping (RFC 5545 §3.3.11), in one pass: a publish escapes a few fields of thousands of events. */
function text(value: string): string {
  return value.replace(TEXT_SPECIAL, (special) =>
    special === '\r\n' || special === '\n' ? '\\n' : special === '\\' || special === ';' || special === ',' ? `\\${special}` : '',
  );
}

/** A parameter value, always quoted; DQUOTE cannot appear inside one (RFC 5545 §3.1), so it is dropped. */
function param(value: string): string {
  return `"${value.replace(/"/g, '').replace(CONTROL, '')}"`;
}

function uri(value: string): string {
  return value.replace(CONTROL, '');
}

// An event has a few dozen distinct slot times, and every message of one publish has the same DTSTAMP.
const utcTexts = new Map<number, string>();

function utc(epochMs: number): string {
  let known = utcTexts.get(epochMs);
  if (known === undefined) {
    known = new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    if (utcTexts.size >= 10_000) utcTexts.clear();
    utcTexts.set(epochMs, known);
  }
  return known;
}

const MAX_OCTETS = 75;

/** Unfolds the text, then folds each content line so no physical line exceeds 75 UTF-8 octets. */
export function refoldByOctets(calendar: string): string {
  const logical = calendar.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
  return logical.map(foldByOctets).join('\r\n') + '\r\n';
}

function foldByOctets(line: string): string {
  // A UTF-16 unit is at most three octets, so a short line needs no counting.
  if (line.length <= MAX_OCTETS / 3 || Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    const octets = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (size + octets > MAX_OCTETS) {
      parts.push(line.slice(start, i));
      start = i;
      size = 1; // the leading space of the continuation line
    }
    size += octets;
    if (pair) i++;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

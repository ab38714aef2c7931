// The writer behind the agenda files and the webcal feed, which are requested often and must be built in a few
// milliseconds. The `ics` package validates every event with a schema library, about 3 ms per event, so a feed
// of ten meetings would cost 30 ms; this writer emits the same properties directly (the tests parse both outputs
// with ical.js and compare them), while e-mail invitations, written once per publish, keep using `ics`.
import { PRODUCT_ID, refoldByOctets, type CalendarEvent, type CalendarMethod, type CalendarPerson } from './ics-writer.js';

export function writeFeedCalendar(method: CalendarMethod, entries: readonly CalendarEvent[], calendarName?: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, `METHOD:${method}`];
  if (calendarName) lines.push(`X-WR-CALNAME:${text(calendarName)}`);
  // Subscribed calendars poll again after an hour (Apple/Google read the first, RFC 7986 clients the second).
  lines.push('X-PUBLISHED-TTL:PT1H', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H');
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
    if (entry.url) lines.push(`URL:${entry.url}`);
    lines.push(`STATUS:${entry.cancelled || method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`);
    lines.push(`ORGANIZER;CN=${param(entry.organizer.name)}:mailto:${entry.organizer.email}`);
    for (const person of entry.attendees.filter((attendee: CalendarPerson) => attendee.email !== '')) {
      lines.push(
        `ATTENDEE;CN=${param(person.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${method === 'REQUEST' ? 'TRUE' : 'FALSE'}:mailto:${person.email}`,
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return refoldByOctets(`${lines.join('\r\n')}\r\n`);
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value, always quoted; DQUOTE cannot appear inside one (RFC 5545 §3.1), so it is dropped. */
function param(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

function utc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

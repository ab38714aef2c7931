// The `ics` package as a reference writer: our own writer (src/services/calendar/ics-writer.ts) must say the same
// thing, which the calendar tests check by parsing both outputs with ical.js. `ics` folds every 75 characters
// rather than octets, so its output is refolded before comparison.
import { createEvents, type EventAttributes } from 'ics';
import { PRODUCT_ID, refoldByOctets, type CalendarEvent, type CalendarMethod } from '../../src/services/calendar/ics-writer.js';

export function writeWithIcsPackage(method: CalendarMethod, entries: readonly CalendarEvent[], calendarName?: string): string {
  const attributes = entries.map((entry) => toAttributes(method, entry));
  const { error, value } = createEvents(attributes, { productId: PRODUCT_ID, method, ...(calendarName ? { calName: calendarName } : {}) });
  if (error || !value) throw new Error(`ics refused the calendar: ${error?.message ?? 'no output'}`);
  return refoldByOctets(value);
}

function toAttributes(method: CalendarMethod, entry: CalendarEvent): EventAttributes {
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
    attendees: entry.attendees
      .filter((person) => person.email !== '')
      .map((person) => ({
        name: person.name,
        email: person.email,
        role: 'REQ-PARTICIPANT' as const,
        partstat: 'NEEDS-ACTION' as const,
        rsvp: method === 'REQUEST',
      })),
    ...(entry.url ? { url: entry.url } : {}),
  };
  return attributes;
}

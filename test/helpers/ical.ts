// Parses calendar text back with ical.js (an independent RFC 5545 parser) into plain facts a test can compare.
import ICAL from 'ical.js';

export interface ParsedEntry {
  readonly uid: string;
  readonly sequence: number;
  readonly status: string | null;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
  readonly start: string;
  readonly end: string;
  readonly stamp: string;
  readonly organizer: string | null;
  readonly organizerName: string | null;
  readonly attendees: string[];
  readonly attendeeNames: string[];
}

export interface ParsedCalendar {
  readonly method: string | null;
  readonly entries: ParsedEntry[];
}

export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const method = root.getFirstPropertyValue('method');
  const entries = root.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const stamp = component.getFirstPropertyValue('dtstamp') as ICAL.Time | null;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
      summary: event.summary,
      location: event.location,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      stamp: stamp ? stamp.toJSDate().toISOString() : '',
      organizer: (component.getFirstPropertyValue('organizer') as string | null) ?? null,
      organizerName: (component.getFirstProperty('organizer')?.getParameter('cn') as string | undefined) ?? null,
      attendees: component.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
      attendeeNames: component.getAllProperties('attendee').map((p) => String(p.getParameter('cn') ?? '')),
    };
  });
  return { method: method ? String(method) : null, entries };
}

/** Every physical line of the text, for the 75-octet rule. */
export function longestLineOctets(text: string): number {
  return Math.max(...text.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8')));
}

// The door of src/services/calendar: everything other folders use from it, and nothing else.
export { isCalendarVisible, meetingFingerprint, syncCalendarEntries } from './calendar-entries.js';
export { agendaCalendar, type CalendarFile, meetingCalendar } from './calendar-files.js';
export { type CalendarMethod, type CalendarPerson, writeCalendar } from './ics-writer.js';
export {
  eventName,
  eventOrganizer,
  loadDirectory,
  loadOrganizations,
  localInstant,
  type MeetingDirectory,
  organizationName,
  otherOrganizationId,
  roomName,
  toCalendarEvent,
} from './meeting-events.js';

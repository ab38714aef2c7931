// An event and its frame: days (with breaks and the generated slots) and rooms. Times of day are local 'HH:MM'
// strings in the event's time zone.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { belongsTo, createdAt, id, names, updatedAt } from './columns.js';

export const events = sqliteTable('events', {
  id: id(),
  slug: text('slug').notNull().unique(),
  ...names(),
  venue: text('venue').notNull().default(''),
  timezone: text('timezone').notNull().default('Asia/Seoul'),
  meetingMinutes: integer('meeting_minutes').notNull().default(20),
  bufferMinutes: integer('buffer_minutes').notNull().default(5),
  // Hard cap on breaks per organization handed to the engine; null means no cap.
  maxBreaksPerOrganization: integer('max_breaks_per_organization'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The owning event; its rows go when the event goes. */
export const eventRef = () => belongsTo('event_id', () => events.id);

export const eventDays = sqliteTable(
  'event_days',
  {
    id: id(),
    eventId: eventRef(),
    date: text('date').notNull(), // YYYY-MM-DD
    startTime: text('start_time').notNull(), // HH:MM
    endTime: text('end_time').notNull(),
    // Null: the event's default.
    meetingMinutes: integer('meeting_minutes'),
    bufferMinutes: integer('buffer_minutes'),
    // Slots starting before this time are session 'am', the others 'pm'.
    afternoonFrom: text('afternoon_from').notNull().default('12:00'),
  },
  (t) => [uniqueIndex('event_days_event_date').on(t.eventId, t.date)],
);

export const dayBreaks = sqliteTable(
  'day_breaks',
  {
    id: id(),
    dayId: belongsTo('day_id', () => eventDays.id),
    ...names(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
  },
  (t) => [index('day_breaks_day').on(t.dayId)],
);

export const slots = sqliteTable(
  'slots',
  {
    id: id(),
    eventId: eventRef(),
    dayId: belongsTo('day_id', () => eventDays.id),
    // Stable external id, e.g. 'd1-03'; used in problem files and CSV.
    code: text('code').notNull(),
    position: integer('position').notNull(), // order within the day, from 1
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    session: text('session', { enum: ['am', 'pm'] }).notNull(),
  },
  (t) => [
    uniqueIndex('slots_event_code').on(t.eventId, t.code),
    uniqueIndex('slots_day_position').on(t.dayId, t.position),
  ],
);

export const rooms = sqliteTable(
  'rooms',
  {
    id: id(),
    eventId: eventRef(),
    ...names(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('rooms_event').on(t.eventId)],
);

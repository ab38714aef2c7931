// Meeting requests, the schedule versions planned from them with their meetings (and the requests a version could
// not place), the calendar entries that outlive versions, and the check-ins staff record on site.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { accessTokens, users } from './access-and-accounts.js';
import { belongsTo, createdAt, id, instant, updatedAt } from './columns.js';
import { eventDays, eventRef, slots } from './event-structure.js';
import { tables } from './tables.js';
import { organizations, representatives } from './organizations.js';

export const REQUEST_STATUSES = ['requested', 'accepted', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const requests = sqliteTable(
  'requests',
  {
    id: id(),
    eventId: eventRef(),
    requesterId: belongsTo('requester_id', () => organizations.id),
    requestedId: belongsTo('requested_id', () => organizations.id),
    priority: integer('priority').notNull().default(1),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('requested'),
    // Optional: must be held in this session ('am' / 'pm').
    session: text('session', { enum: ['am', 'pm'] }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('requests_event_status').on(t.eventId, t.status),
    index('requests_requester').on(t.requesterId),
    index('requests_requested').on(t.requestedId),
  ],
);

export const VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;

export const scheduleVersions = sqliteTable(
  'schedule_versions',
  {
    id: id(),
    eventId: eventRef(),
    number: integer('number').notNull(), // 1, 2, … per event
    status: text('status', { enum: VERSION_STATUSES }).notNull().default('draft'),
    basedOnVersionId: integer('based_on_version_id').references(
      (): AnySQLiteColumn => scheduleVersions.id,
      { onDelete: 'set null' },
    ),
    // The engine's status and figures for this version (JSON of the schedule's `stats`).
    engineStatus: text('engine_status').notNull().default('feasible'),
    statsJson: text('stats_json').notNull().default('{}'),
    note: text('note').notNull().default(''),
    // Raised on every manual edit, so a second organizer's stale edit is detected.
    revision: integer('revision').notNull().default(1),
    createdByUserId: integer('created_by_user_id').references((): AnySQLiteColumn => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    publishedAt: instant('published_at'),
  },
  (t) => [
    uniqueIndex('schedule_versions_event_number').on(t.eventId, t.number),
    index('schedule_versions_event_status').on(t.eventId, t.status),
  ],
);

export const MEETING_STATUSES = ['scheduled', 'cancelled', 'held', 'no_show'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    versionId: belongsTo('version_id', () => scheduleVersions.id),
    requestId: belongsTo('request_id', () => requests.id),
    slotId: integer('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'restrict' }),
    tableId: integer('table_id')
      .notNull()
      .references(() => tables.id, { onDelete: 'restrict' }),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('scheduled'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meetings_version_request').on(t.versionId, t.requestId),
    index('meetings_version_slot').on(t.versionId, t.slotId),
    index('meetings_version_table').on(t.versionId, t.tableId),
    index('meetings_request').on(t.requestId),
  ],
);

// Accepted requests a version could not place, with the engine's explanation.
export const unscheduledRequests = sqliteTable(
  'unscheduled_requests',
  {
    versionId: belongsTo('version_id', () => scheduleVersions.id),
    requestId: belongsTo('request_id', () => requests.id),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    // JSON of the explanation's facts (the engine's `params`), so pages can word the reason in their language;
    // null on rows written before it existed, which show the English reason.
    params: text('params'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.requestId] })],
);

// One calendar entry per request across versions: the UID stays, SEQUENCE rises on every change.
export const calendarEntries = sqliteTable(
  'calendar_entries',
  {
    requestId: integer('request_id')
      .primaryKey()
      .references(() => requests.id, { onDelete: 'cascade' }),
    eventId: eventRef(),
    uid: text('uid').notNull().unique(),
    sequence: integer('sequence').notNull().default(0),
    // What the last published entry said (slot, table, status), to know when to raise SEQUENCE.
    fingerprint: text('fingerprint').notNull().default(''),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [index('calendar_entries_event').on(t.eventId)],
);

export const CHECK_IN_KINDS = ['arrived', 'held', 'no_show'] as const;
export type CheckInKind = (typeof CHECK_IN_KINDS)[number];

export const checkIns = sqliteTable(
  'check_ins',
  {
    id: id(),
    eventId: eventRef(),
    dayId: belongsTo('day_id', () => eventDays.id),
    kind: text('kind', { enum: CHECK_IN_KINDS }).notNull(),
    // 'arrived' names a representative; 'held' and 'no_show' name a meeting.
    representativeId: integer('representative_id').references(() => representatives.id, {
      onDelete: 'cascade',
    }),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    // Who recorded it: an access token (staff link) or an organizer.
    accessTokenId: integer('access_token_id').references((): AnySQLiteColumn => accessTokens.id, {
      onDelete: 'set null',
    }),
    userId: integer('user_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    // A check-in sent twice counts once.
    uniqueIndex('check_ins_arrival').on(t.dayId, t.representativeId).where(sql`kind = 'arrived'`),
    uniqueIndex('check_ins_meeting').on(t.meetingId).where(sql`meeting_id is not null`),
    index('check_ins_event_day').on(t.eventId, t.dayId),
  ],
);

// The whole product's data model. One vocabulary everywhere: event, day, slot, room, table, booth,
// organization (corporate or startup), representative, request, meeting, schedule version, check-in.
// Times of day are local 'HH:MM' strings in the event's time zone; instants are epoch milliseconds.
import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  integer,
  text,
  index,
  uniqueIndex,
  primaryKey,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

import { LANGUAGES } from '../domain/index.js';

export { LANGUAGES, type Language } from '../domain/index.js';

export const events = sqliteTable('events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  venue: text('venue').notNull().default(''),
  timezone: text('timezone').notNull().default('Asia/Seoul'),
  meetingMinutes: integer('meeting_minutes').notNull().default(20),
  bufferMinutes: integer('buffer_minutes').notNull().default(5),
  // Hard cap on breaks per organization handed to the engine; null means no cap.
  maxBreaksPerOrganization: integer('max_breaks_per_organization'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const eventDays = sqliteTable(
  'event_days',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    dayId: integer('day_id')
      .notNull()
      .references(() => eventDays.id, { onDelete: 'cascade' }),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
  },
  (t) => [index('day_breaks_day').on(t.dayId)],
);

export const slots = sqliteTable(
  'slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    dayId: integer('day_id')
      .notNull()
      .references(() => eventDays.id, { onDelete: 'cascade' }),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('rooms_event').on(t.eventId)],
);

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    // Stable external id, e.g. 'corp-01' or 'st-12'; the participant id in problem files and CSV.
    code: text('code').notNull(),
    kind: text('kind', { enum: ['corporate', 'startup'] }).notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    sector: text('sector').notNull().default(''),
    description: text('description').notNull().default(''),
    maxMeetings: integer('max_meetings'),
    maxMeetingsPerDay: integer('max_meetings_per_day'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_event_code').on(t.eventId, t.code),
    index('organizations_event_kind').on(t.eventId, t.kind),
  ],
);

export const tables = sqliteTable(
  'tables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: integer('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'restrict' }),
    // Stable external id, e.g. 'A-1'.
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
    // A booth: every meeting of this organization is held here.
    boothOrganizationId: integer('booth_organization_id').references(
      (): AnySQLiteColumn => organizations.id,
      { onDelete: 'set null' },
    ),
  },
  (t) => [
    uniqueIndex('tables_event_label').on(t.eventId, t.label),
    index('tables_room').on(t.roomId),
    uniqueIndex('tables_booth_organization').on(t.boothOrganizationId),
  ],
);

export const tableUnavailability = sqliteTable(
  'table_unavailability',
  {
    tableId: integer('table_id')
      .notNull()
      .references(() => tables.id, { onDelete: 'cascade' }),
    slotId: integer('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.slotId] })],
);

export const representatives = sqliteTable(
  'representatives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    title: text('title').notNull().default(''),
    language: text('language', { enum: LANGUAGES }).notNull().default('ko'),
    createdAt: createdAt(),
  },
  (t) => [index('representatives_organization').on(t.organizationId)],
);

export const organizationUnavailability = sqliteTable(
  'organization_unavailability',
  {
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    slotId: integer('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.slotId] })],
);

export const REQUEST_STATUSES = ['requested', 'accepted', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const requests = sqliteTable(
  'requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    requestedId: integer('requested_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
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
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => scheduleVersions.id, { onDelete: 'cascade' }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
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
    versionId: integer('version_id')
      .notNull()
      .references(() => scheduleVersions.id, { onDelete: 'cascade' }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
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
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    dayId: integer('day_id')
      .notNull()
      .references(() => eventDays.id, { onDelete: 'cascade' }),
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

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  language: text('language', { enum: LANGUAGES }),
  createdAt: createdAt(),
  lastLoginAt: integer('last_login_at', { mode: 'timestamp_ms' }),
});

// Organizer sessions: the signed cookie carries the id; logout or expiry ends it server-side.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the random cookie value
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const ACCESS_TOKEN_KINDS = ['participant', 'staff'] as const;
export type AccessTokenKind = (typeof ACCESS_TOKEN_KINDS)[number];

// Private links for participants (one per representative) and staff (event-wide or one room).
export const accessTokens = sqliteTable(
  'access_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ACCESS_TOKEN_KINDS }).notNull(),
    tokenHash: text('token_hash').notNull().unique(), // sha256 hex of the token; the token itself is never stored
    representativeId: integer('representative_id').references(() => representatives.id, {
      onDelete: 'cascade',
    }),
    roomId: integer('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    // The published version number the holder last looked at ("changed since you last looked").
    lastSeenVersionNumber: integer('last_seen_version_number'),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('access_tokens_event_kind').on(t.eventId, t.kind),
    index('access_tokens_representative').on(t.representativeId),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(), // 'user:3', 'staff:12', 'cli', 'system'
    action: text('action').notNull(), // 'meeting.move', 'version.publish', …
    subject: text('subject').notNull().default(''),
    detailsJson: text('details_json').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_event_created').on(t.eventId, t.createdAt)],
);

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    representativeId: integer('representative_id').references(() => representatives.id, {
      onDelete: 'set null',
    }),
    // Unique Message-ID: a message is sent at most once.
    messageId: text('message_id').notNull().unique(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    // Calendar part (text/calendar) and its METHOD, if any.
    icsMethod: text('ics_method', { enum: ['REQUEST', 'CANCEL', 'PUBLISH'] }),
    icsBody: text('ics_body'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('email_outbox_status_next').on(t.status, t.nextAttemptAt)],
);

// Small key/value facts the server keeps about itself, e.g. the generated cookie-signing secret.
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

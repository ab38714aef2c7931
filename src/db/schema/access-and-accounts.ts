// Organizer accounts and their sessions, and the private access links of participants and staff.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LANGUAGES } from '../../domain/index.js';
import { belongsTo, createdAt, id, instant } from './columns.js';
import { eventRef, rooms } from './event-structure.js';
import { representatives } from './organizations.js';

export const users = sqliteTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  language: text('language', { enum: LANGUAGES }),
  createdAt: createdAt(),
  lastLoginAt: instant('last_login_at'),
});

// Organizer sessions: the signed cookie carries the id; logout or expiry ends it server-side.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the random cookie value
    userId: belongsTo('user_id', () => users.id),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const ACCESS_TOKEN_KINDS = ['participant', 'staff'] as const;
export type AccessTokenKind = (typeof ACCESS_TOKEN_KINDS)[number];

// Private links for participants (one per representative) and staff (event-wide or one room).
export const accessTokens = sqliteTable(
  'access_tokens',
  {
    id: id(),
    eventId: eventRef(),
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
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    index('access_tokens_event_kind').on(t.eventId, t.kind),
    index('access_tokens_representative').on(t.representativeId),
  ],
);

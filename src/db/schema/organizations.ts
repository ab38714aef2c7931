// Organizations (corporate or startup) of an event, their representatives, and the slots an organization is away.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LANGUAGES } from '../../domain/index.js';
import { belongsTo, createdAt, id, names, updatedAt } from './columns.js';
import { eventRef, slots } from './event-structure.js';

export const organizations = sqliteTable(
  'organizations',
  {
    id: id(),
    eventId: eventRef(),
    // Stable external id, e.g. 'corp-01' or 'st-12'; the participant id in problem files and CSV.
    code: text('code').notNull(),
    kind: text('kind', { enum: ['corporate', 'startup'] }).notNull(),
    ...names(),
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

export const representatives = sqliteTable(
  'representatives',
  {
    id: id(),
    organizationId: belongsTo('organization_id', () => organizations.id),
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
    organizationId: belongsTo('organization_id', () => organizations.id),
    slotId: belongsTo('slot_id', () => slots.id),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.slotId] })],
);

// The tables of a room where meetings are held, and the slots a table is closed. A table may be an organization's
// booth, which is why this file comes after the organizations.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { belongsTo, id } from './columns.js';
import { eventRef, rooms, slots } from './event-structure.js';
import { organizations } from './organizations.js';

export const tables = sqliteTable(
  'tables',
  {
    id: id(),
    eventId: eventRef(),
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
    tableId: belongsTo('table_id', () => tables.id),
    slotId: belongsTo('slot_id', () => slots.id),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.slotId] })],
);

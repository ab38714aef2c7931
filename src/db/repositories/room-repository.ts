// Rooms and their tables (a table may be an organization's booth), and the slots a table is closed.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { meetings, rooms, slots, tableUnavailability, tables } from '../schema/index.js';
import { EventSetupError } from '../../domain/index.js';
import { getEvent, type RoomRow, type TableRow } from './event-repository.js';
import { checkRoom, checkTable, requireRow, type RoomInput, type TableInput } from '../internals/event-validation.js';



export function createRoom(db: Db, eventId: number, input: RoomInput): RoomRow {
  requireRow(getEvent(db, eventId), 'eventId', eventId);
  return db.insert(rooms).values({ eventId, ...checkRoom(input) }).returning().get();
}

export function updateRoom(db: Db, roomId: number, patch: Partial<RoomInput>): RoomRow {
  const current = requireRow(db.select().from(rooms).where(eq(rooms.id, roomId)).get(), 'roomId', roomId);
  return db.update(rooms).set(checkRoom({ ...current, ...patch })).where(eq(rooms.id, roomId)).returning().get();
}

/** Refuses a room that still has tables. */
export function deleteRoom(db: Db, roomId: number): void {
  db.transaction(() => {
    const held = db.select({ n: count() }).from(tables).where(eq(tables.roomId, roomId)).get()?.n ?? 0;
    if (held > 0) throw new EventSetupError('roomId', 'eventSetup.error.roomHasTables', { count: held });
    db.delete(rooms).where(eq(rooms.id, roomId)).run();
  });
}

/** Rooms in order, each with its tables in order. */
export function listRooms(db: Db, eventId: number): (RoomRow & { tables: TableRow[] })[] {
  const all = listTables(db, eventId);
  return db
    .select()
    .from(rooms)
    .where(eq(rooms.eventId, eventId))
    .orderBy(asc(rooms.position), asc(rooms.id))
    .all()
    .map((room) => ({ ...room, tables: all.filter((table) => table.roomId === room.id) }));
}

// ---- tables and booths ----

export function listTables(db: Db, eventId: number): TableRow[] {
  return db
    .select()
    .from(tables)
    .where(eq(tables.eventId, eventId))
    .orderBy(asc(tables.position), asc(tables.label))
    .all();
}

export function createTable(db: Db, eventId: number, input: TableInput): TableRow {
  requireRow(getEvent(db, eventId), 'eventId', eventId);
  return db.transaction(() => {
    const values = checkTable(db, eventId, null, input);
    return db.insert(tables).values({ eventId, ...values }).returning().get();
  });
}

/** Also assigns or clears a booth: `{ boothOrganizationId: id | null }`. */
export function updateTable(db: Db, tableId: number, patch: Partial<TableInput>): TableRow {
  const current = requireRow(db.select().from(tables).where(eq(tables.id, tableId)).get(), 'tableId', tableId);
  return db.transaction(() => {
    const values = checkTable(db, current.eventId, tableId, { ...current, ...patch });
    return db.update(tables).set(values).where(eq(tables.id, tableId)).returning().get();
  });
}

/** Refuses a table that holds meetings in any version. */
export function deleteTable(db: Db, tableId: number): void {
  db.transaction(() => {
    const held = db.select({ n: count() }).from(meetings).where(eq(meetings.tableId, tableId)).get()?.n ?? 0;
    if (held > 0) throw new EventSetupError('tableId', 'eventSetup.error.tableInUse', { count: held });
    db.delete(tables).where(eq(tables.id, tableId)).run();
  });
}

export function tableUnavailableSlotIds(db: Db, tableId: number): number[] {
  return db
    .select({ slotId: tableUnavailability.slotId })
    .from(tableUnavailability)
    .innerJoin(slots, eq(slots.id, tableUnavailability.slotId))
    .where(eq(tableUnavailability.tableId, tableId))
    .orderBy(asc(slots.id))
    .all()
    .map((row) => row.slotId);
}

/** Replaces the table's unavailable slots; every slot must belong to the table's event. */
export function setTableUnavailability(db: Db, tableId: number, slotIds: readonly number[]): void {
  const table = requireRow(db.select().from(tables).where(eq(tables.id, tableId)).get(), 'tableId', tableId);
  const unique = [...new Set(slotIds)];
  db.transaction(() => {
    if (unique.length > 0) {
      const known = new Set(
        db
          .select({ id: slots.id })
          .from(slots)
          .where(and(eq(slots.eventId, table.eventId), inArray(slots.id, unique)))
          .all()
          .map((row) => row.id),
      );
      const index = slotIds.findIndex((id) => !known.has(id));
      if (index >= 0) {
        throw new EventSetupError(`slotIds[${index}]`, 'eventSetup.error.otherEvent', { id: slotIds[index]! });
      }
    }
    db.delete(tableUnavailability).where(eq(tableUnavailability.tableId, tableId)).run();
    for (const slotId of unique) db.insert(tableUnavailability).values({ tableId, slotId }).run();
  });
}


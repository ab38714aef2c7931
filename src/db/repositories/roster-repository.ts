// The fixed frame of an event's rosters: its days, slots, rooms and tables, each in display order. The meetings
// placed in that frame come from the published version (schedule-repository) and the check-ins (check-in-repository).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { eventDays, rooms, slots, tables } from '../schema/index.js';

export interface FrameSlot {
  readonly id: number;
  readonly dayId: number;
  readonly date: string;
  readonly code: string;
  readonly position: number;
  readonly startTime: string;
  readonly endTime: string;
}

export interface RosterFrame {
  readonly days: readonly { readonly id: number; readonly date: string }[];
  readonly slots: readonly FrameSlot[];
  readonly rooms: readonly { readonly id: number; readonly nameKo: string; readonly nameEn: string }[];
  readonly tables: readonly { readonly id: number; readonly roomId: number; readonly label: string }[];
}

export function rosterFrame(db: Db, eventId: number): RosterFrame {
  return {
    days: db
      .select({ id: eventDays.id, date: eventDays.date })
      .from(eventDays)
      .where(eq(eventDays.eventId, eventId))
      .orderBy(asc(eventDays.date))
      .all(),
    slots: db
      .select({
        id: slots.id,
        dayId: slots.dayId,
        date: eventDays.date,
        code: slots.code,
        position: slots.position,
        startTime: slots.startTime,
        endTime: slots.endTime,
      })
      .from(slots)
      .innerJoin(eventDays, eq(eventDays.id, slots.dayId))
      .where(eq(slots.eventId, eventId))
      .orderBy(asc(eventDays.date), asc(slots.position))
      .all(),
    rooms: db
      .select({ id: rooms.id, nameKo: rooms.nameKo, nameEn: rooms.nameEn })
      .from(rooms)
      .where(eq(rooms.eventId, eventId))
      .orderBy(asc(rooms.position), asc(rooms.id))
      .all(),
    tables: db
      .select({ id: tables.id, roomId: tables.roomId, label: tables.label })
      .from(tables)
      .where(eq(tables.eventId, eventId))
      .orderBy(asc(tables.position), asc(tables.label))
      .all(),
  };
}

// Everything the scheduler reads about an event in one call: slots, tables, organizations, accepted requests, and
// who or what is unavailable when.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  eventDays,
  organizationUnavailability,
  organizations,
  requests,
  rooms,
  slots,
  tableUnavailability,
  tables,
} from '../schema/index.js';

export interface SchedulingInputs {
  readonly slots: readonly {
    id: number;
    code: string;
    dayId: number;
    date: string;
    position: number;
    startTime: string;
    endTime: string;
    session: 'am' | 'pm';
  }[];
  readonly tables: readonly {
    id: number;
    label: string;
    roomId: number;
    roomNameKo: string;
    roomNameEn: string;
    boothOrganizationId: number | null;
  }[];
  readonly tableUnavailability: readonly { tableId: number; slotId: number }[];
  readonly organizations: readonly (typeof organizations.$inferSelect)[];
  readonly organizationUnavailability: readonly { organizationId: number; slotId: number }[];
  readonly acceptedRequests: readonly (typeof requests.$inferSelect)[];
}

/** Everything the engine needs about an event, in a stable order (days, slot positions, rooms, tables, codes). */
export function schedulingInputs(db: Db, eventId: number): SchedulingInputs {
  return {
    slots: db
      .select({
        id: slots.id,
        code: slots.code,
        dayId: slots.dayId,
        date: eventDays.date,
        position: slots.position,
        startTime: slots.startTime,
        endTime: slots.endTime,
        session: slots.session,
      })
      .from(slots)
      .innerJoin(eventDays, eq(eventDays.id, slots.dayId))
      .where(eq(slots.eventId, eventId))
      .orderBy(asc(eventDays.date), asc(slots.position))
      .all(),
    tables: db
      .select({
        id: tables.id,
        label: tables.label,
        roomId: rooms.id,
        roomNameKo: rooms.nameKo,
        roomNameEn: rooms.nameEn,
        boothOrganizationId: tables.boothOrganizationId,
      })
      .from(tables)
      .innerJoin(rooms, eq(rooms.id, tables.roomId))
      .where(eq(tables.eventId, eventId))
      .orderBy(asc(rooms.position), asc(rooms.id), asc(tables.position), asc(tables.id))
      .all(),
    tableUnavailability: db
      .select({ tableId: tableUnavailability.tableId, slotId: tableUnavailability.slotId })
      .from(tableUnavailability)
      .innerJoin(tables, eq(tables.id, tableUnavailability.tableId))
      .where(eq(tables.eventId, eventId))
      .all(),
    organizations: db
      .select()
      .from(organizations)
      .where(eq(organizations.eventId, eventId))
      .orderBy(asc(organizations.kind), asc(organizations.code))
      .all(),
    organizationUnavailability: db
      .select({
        organizationId: organizationUnavailability.organizationId,
        slotId: organizationUnavailability.slotId,
      })
      .from(organizationUnavailability)
      .innerJoin(organizations, eq(organizations.id, organizationUnavailability.organizationId))
      .where(eq(organizations.eventId, eventId))
      .all(),
    acceptedRequests: db
      .select()
      .from(requests)
      .where(and(eq(requests.eventId, eventId), eq(requests.status, 'accepted')))
      .orderBy(asc(requests.id))
      .all(),
  };
}

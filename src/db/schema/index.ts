// The whole product's data model, one file per area. One vocabulary everywhere: event, day, slot, room, table,
// booth, organization (corporate or startup), representative, request, meeting, schedule version, check-in.
export { LANGUAGES, type Language } from '../../domain/index.js';
export * from './access-and-accounts.js';
export * from './event-structure.js';
export * from './organizations.js';
export * from './outbox-and-audit.js';
export * from './requests-and-schedules.js';
export * from './tables.js';

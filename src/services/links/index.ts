// The door of src/services/links: everything other folders use from it, and nothing else.
export type { AccessTokenKind } from '../../db/index.js';
export { type AccessLink, lookupAccessLink, markAccessLinkUsed } from './access-links.js';
export { eventLinks, type ManagedLink, revokeEventLink, revokeEventLinkByAddress } from './link-management.js';
export { ensureParticipantLinks, findParticipantToken } from './participant-links.js';
export { ensureStaffLinks, roomLabel } from './staff-links.js';

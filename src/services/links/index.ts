// The door of src/services/links: everything other folders use from it, and nothing else.
export type { AccessTokenKind } from '../../db/index.js';
export {
  type AccessLink,
  ensureParticipantLinks,
  ensureStaffLinks,
  eventLinks,
  type EventLinks,
  lookupAccessLink,
  type ManagedLink,
  markAccessLinkUsed,
  type ParticipantLink,
  revokeEventLink,
  revokeEventLinkByAddress,
  type RevokeOutcome,
  roomLabel,
  type StaffLink,
  SYSTEM_ACTOR,
} from './access-links.js';
export { agendaUrl, staffUrl } from './link-tokens.js';

// The door of src/services/accounts: everything other folders use from it, and nothing else.
export { cookieSecret } from './cookie-secret.js';
export {
  AccountError,
  addOrganizer,
  authenticate,
  changePassword,
  endSession,
  ensureFirstOrganizer,
  listOrganizers,
  mustChangePassword,
  type Organizer,
  resetOrganizerPassword,
  resolveSession,
  setOrganizerLanguage,
  startSession,
} from './organizer-accounts.js';

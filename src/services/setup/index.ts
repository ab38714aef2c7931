// The door of src/services/setup: everything other folders use from it, and nothing else.
export { type AffectedMeeting, affectedMeetings } from './affected-meetings.js';
export { buildDashboard } from './dashboard.js';
export type { BlockingMeeting, DayDetail, EventRow } from '../../db/index.js';
export {
  breakRows,
  createEventFromForm,
  deleteDay,
  allEvents,
  eventBySlug,
  type Form,
  previewDay,
  removeRoom,
  removeTable,
  saveDay,
  saveRoom,
  saveTable,
  setupOverview,
  type SetupResult,
  updateEventDetails,
} from './event-setup.js';

// The door of src/services/staff: everything other folders use from it, and nothing else.
export { buildAttendance } from './attendance.js';
export { type CheckInAction, CheckInRefusedError, recordCheckIn } from './check-ins.js';
export { LiveUpdates } from './live-updates.js';
export { refillCandidates, RefillError, refillSlot } from './refill.js';
export { rosterCsv } from './roster-export.js';
export { loadNow, loadRoster, loadStaffHome, type StaffScope } from './roster.js';

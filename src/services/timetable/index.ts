// The door of src/services/timetable: everything other folders use from it, and nothing else.
export { allowedTargets } from './edit-targets.js';
export { applyEdit, EditRefusedError, type MeetingEdit } from './meeting-edits.js';
export {
  EXPORT_FORMATS,
  type ExportFormat,
  NothingToExportError,
  problemFile,
  scheduleFile,
  timetableCsv,
} from './timetable-export.js';
export { buildTimetable, type TimetableFilters } from './timetable.js';

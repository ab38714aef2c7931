// The door of src/services/csv: everything other folders use from it, and nothing else.
export { exportParticipants, exportRequests } from './export.js';
export { applyImport, type ImportPreview, previewImport, slotRefs } from './import.js';
export { CSV_KINDS, type CsvKind, type CsvProblem, type MessageParams } from './problem.js';
export {
  readCap,
  readCode,
  readEmail,
  readKind,
  readLanguage,
  readPriority,
  readSession,
  readStatus,
} from './values.js';

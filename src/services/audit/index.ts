// The door of src/services/audit: everything other folders use from it, and nothing else.
export { recordAudit } from './audit.js';

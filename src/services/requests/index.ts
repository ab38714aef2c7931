// The door of src/services/requests: everything other folders use from it, and nothing else.
export {
  removeRequest,
  requestById,
  type RequestForm,
  requestsOverview,
  saveRequest,
  setRequestStatus,
} from './requests.js';
export { REQUEST_STATUSES, type RequestStatus } from '../../db/index.js';

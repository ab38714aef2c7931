// The door of src/services/mail: everything other folders use from it, and nothing else.
export {
  DEFAULT_FROM,
  outboxEml,
  outboxOverview,
  type OutboxWorker,
  retryOutboxMessage,
  startOutboxWorker,
} from './outbox.js';

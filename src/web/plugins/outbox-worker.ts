// The e-mail sender runs with the web app: with SMTP configured it starts when the app is ready and stops with it;
// without SMTP there is none and messages wait in the outbox for download.
import fp from 'fastify-plugin';
import { startOutboxWorker, type OutboxWorker } from '../../services/mail/index.js';

export default fp(
  async (app) => {
    let worker: OutboxWorker | null = null;
    app.addHook('onReady', async () => {
      worker = startOutboxWorker(app.db, app.config.smtp, {
        onError: (error) => app.log.error({ err: error }, 'outbox delivery failed'),
      });
    });
    app.addHook('onClose', async () => {
      await worker?.stop();
    });
  },
  { name: 'meetgrid-outbox-worker', dependencies: ['meetgrid-context'] },
);

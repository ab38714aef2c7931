// The engine's runs for the web app: one job store per app, so that the schedule pages start, follow and cancel
// runs, and closing the app cancels whatever still runs (their worker threads would otherwise hold the process).
import fp from 'fastify-plugin';
import { SchedulingJobs } from '../../services/scheduling/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    readonly jobs: SchedulingJobs;
  }
}

export default fp(
  async (app) => {
    const jobs = new SchedulingJobs(app.db);
    app.decorate('jobs', jobs);
    app.addHook('onClose', async () => jobs.cancelAll());
  },
  { name: 'jobs', dependencies: ['meetgrid-context'] },
);

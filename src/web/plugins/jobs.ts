// Scheduling runs off the request path: the job store behind /events/:slug/schedule (start, progress, cancel).
// One store per app; closing the app cancels the runs still going so shutdown does not wait for a solver.
import fp from 'fastify-plugin';
import { SchedulingJobs } from '../../services/scheduling/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    readonly schedulingJobs: SchedulingJobs;
  }
}

export default fp(
  async (app) => {
    const jobs = new SchedulingJobs(app.db);
    app.decorate('schedulingJobs', jobs);
    app.addHook('onClose', async () => jobs.cancelAll());
  },
  { name: 'meetgrid-jobs', dependencies: ['meetgrid-context'] },
);

// GET /healthz for load balancers and uptime checks: answers only after the database answered.
import type { FastifyInstance } from 'fastify';

export default async function healthz(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { logLevel: 'warn' }, async (request, reply) => {
    try {
      await app.dbHandle.ping();
    } catch (error) {
      request.log.error({ err: error }, 'health check: the database does not answer');
      return reply.code(503).send({ status: 'error', db: 'error' });
    }
    return { status: 'ok', db: 'ok' };
  });
}

// `npm start`: configuration → database → first organizer → demo event → listen, and a clean stop on
// SIGTERM/SIGINT. Every start-up problem a user can fix is one line on stderr and exit code 1.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DatabaseOpenError, openDatabase, type DbHandle } from '../db/index.js';
import { ensureDemoEvent } from '../services/demo/index.js';
import { ensureFirstOrganizer } from '../services/accounts/index.js';
import { translator } from '../i18n/index.js';
import { buildApp } from './app.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;

class StartError extends Error {
  override name = 'StartError';
}

// The console speaks the operator's language: MEETGRID_LANG, else the locale (LANG=ko_KR.UTF-8 → Korean).
const locale = process.env.MEETGRID_LANG || process.env.LC_ALL || process.env.LANG || '';
const t = translator(/^ko/i.test(locale) ? 'ko' : 'en');

function listenProblem(error: unknown, config: Config): string | null {
  switch ((error as { code?: string }).code) {
    case 'EADDRINUSE':
      return t('shell.server.portInUse', { port: config.port });
    case 'EACCES':
      return t('shell.server.portDenied', { port: config.port });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return t('shell.server.hostUnavailable', { host: config.host });
    default:
      return null;
  }
}

async function listen(app: FastifyInstance, config: Config): Promise<string> {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const problem = listenProblem(error, config);
    if (problem) throw new StartError(problem);
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function stopOnSignals(app: FastifyInstance, handle: DbHandle): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: waiting for requests in flight');
    const timer = setTimeout(() => {
      app.log.error('requests still running after 10 s; stopping anyway');
      handle.close();
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    // fastify.close() stops accepting, lets running requests finish (each write is one synchronous SQLite
    // transaction, so none is left half-done), then the database is closed and its WAL checkpointed.
    app.close().then(
      () => {
        handle.close();
        app.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error while stopping');
        handle.close();
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.dbPath);
  let app: FastifyInstance | undefined;
  try {
    const first = await ensureFirstOrganizer(handle.db);
    app = await buildApp({ db: handle, config, logger: { level: config.logLevel } });
    // An empty database gets the GSAT 2025 demo so a first look shows something; it never touches a used one.
    const demo = ensureDemoEvent(handle.db);
    if (demo.created) app.log.info({ slug: demo.slug }, 'demo event created');
    const url = await listen(app, config);
    stopOnSignals(app, handle);
    // With PORT=0 (tests, quick trials) only the real address is meaningful.
    const base = config.port === 0 ? url : config.publicUrl;
    const lines = [t('shell.server.running', { url })];
    if (base !== url) lines.push(t('shell.server.publicAddress', { url: base }));
    if (demo.created) lines.push(t('shell.server.demo', { url: `${base}/events/${demo.slug}` }));
    if (first.created) {
      const account = { url: `${base}/login`, email: first.email, password: first.password };
      lines.push(t('shell.server.firstStart', account), t('shell.server.firstStartChange', account));
    } else {
      lines.push(t('shell.server.login', { url: `${base}/login` }));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    await app?.close().catch(() => undefined);
    handle.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof StartError;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  process.stderr.write(`meetgrid: ${known ? message : t('shell.server.cannotStart', { reason: message })}\n`);
  process.exit(1);
});

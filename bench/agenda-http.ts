// Web benchmark of the participant pages: a large generated event (5,000 participants) in a SQLite file, the real
// web app in a child process, and autocannon hitting the agenda page and the webcal feed with a different agenda
// link on every request, next to a bare Fastify route served by the same child as the ratio to beat.
//
//   npx tsx bench/agenda-http.ts [--duration S] [--connections N] [--participants N]
//
// Prints a Markdown table and writes the figures to bench/results/agenda-http-STAMP.json.
import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { loadAgenda } from '../src/services/agenda/index.js';
import { agendaCalendar } from '../src/services/calendar/index.js';
import { lookupAccessLink } from '../src/services/links/index.js';
import { buildApp } from '../src/web/app.js';
import { describeMachine, machine } from './machine.js';
import { repoRoot } from './paths.js';
import { seedLargeEvent } from './seed-large-event.js';

interface Ports {
  readonly app: number;
  readonly bare: number;
}

function option(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** Child process: the real app on the seeded file, and a bare Fastify route, both on 127.0.0.1. */
async function serve(dbPath: string): Promise<void> {
  const handle = openDatabase(dbPath);
  const app = await buildApp({ db: handle, config: { ...loadConfig({}), sessionSecret: 'bench-secret-bench-secret-bench' } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const port = (server: { server: { address(): unknown } }) => (server.server.address() as { port: number }).port;
  process.send?.({ app: port(app), bare: port(bare) } satisfies Ports);
  process.on('disconnect', () => {
    void Promise.all([app.close(), bare.close()]).then(() => {
      handle.close();
      process.exit(0);
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The services alone, without HTTP: what one agenda and one feed cost to build from the database. */
function serviceTimings(dbPath: string, tokens: readonly string[]) {
  const handle = openDatabase(dbPath);
  try {
    const ids = tokens.slice(0, 1000).map((token) => ({ token, id: lookupAccessLink(handle.db, token)!.id }));
    const time = (work: (entry: { token: string; id: number }) => void) => {
      const samples = ids.map((entry) => {
        const start = performance.now();
        work(entry);
        return performance.now() - start;
      });
      samples.sort((a, b) => a - b);
      return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples[samples.length - 1]! };
    };
    return {
      agenda: time(({ id }) => loadAgenda(handle.db, { accessTokenId: id, markSeen: false })),
      feed: time(({ id, token }) => agendaCalendar(handle.db, { accessTokenId: id, agendaUrl: `http://x/agenda/${token}` })),
    };
  } finally {
    handle.close();
  }
}

async function load(
  url: string,
  paths: readonly string[],
  connections: number,
  length: { duration: number } | { amount: number },
): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    ...length,
    requests: [
      {
        setupRequest: (request) => {
          request.path = paths[next++ % paths.length]!;
          return request;
        },
      },
    ],
  });
}

function row(name: string, result: Result, bare: Result): string {
  const ratio = (result.requests.average / bare.requests.average) * 100;
  const ok = result.non2xx === 0 && result.errors === 0 ? '' : ` (${result.non2xx} non-2xx, ${result.errors} errors)`;
  return `| ${name} | ${Math.round(result.requests.average)} | ${ratio.toFixed(0)} % | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} |${ok}`;
}

async function main(args: readonly string[]): Promise<void> {
  const duration = option(args, '--duration', 10);
  const connections = option(args, '--connections', 20);
  const participants = option(args, '--participants', 5000);
  const folder = join(repoRoot(), 'bench', 'results', 'tmp');
  mkdirSync(folder, { recursive: true });
  const dbPath = join(folder, 'agenda-http.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });

  const seedStart = performance.now();
  const seedHandle = openDatabase(dbPath);
  const corporates = Math.round(participants / 5);
  const event = seedLargeEvent(seedHandle.db, { corporates, startups: participants - corporates });
  seedHandle.close();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  process.stderr.write(`seeded ${event.participants} participants, ${event.meetings} meetings in ${seedSeconds.toFixed(1)} s\n`);

  const services = serviceTimings(dbPath, event.tokens);
  // Served as in production: NODE_ENV=production makes the view engine keep compiled templates.
  const child = fork(process.argv[1]!, ['--serve', dbPath], {
    execArgv: process.execArgv,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ports));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const agendaPaths = event.tokens.map((token) => `/agenda/${token}`);
  const feedPaths = event.tokens.map((token) => `/agenda/${token}/feed.ics`);
  const base = `http://127.0.0.1:${ports.app}`;
  // Warm-up: every agenda once, so the one-off writes of a first visit ("last seen") are not what is measured.
  await load(base, agendaPaths, connections, { amount: agendaPaths.length });
  const bare = await load(`http://127.0.0.1:${ports.bare}`, ['/bare'], connections, { duration });
  const agenda = await load(base, agendaPaths, connections, { duration });
  const feed = await load(base, feedPaths, connections, { duration });
  child.disconnect();

  const m = machine();
  const lines = [
    `${describeMachine(m)}`,
    `${event.participants} participants, ${event.meetings} meetings; ${connections} connections, ${duration} s per target; a different agenda link on every request.`,
    '',
    '| target | requests/s | of bare | p50 ms | p90 ms | p99 ms | max ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('bare Fastify route', bare, bare),
    row('agenda page `/agenda/:token`', agenda, bare),
    row('webcal feed `/agenda/:token/feed.ics`', feed, bare),
    '',
    `Services alone (1,000 links, no HTTP): agenda view model p50 ${services.agenda.p50.toFixed(2)} ms, p99 ${services.agenda.p99.toFixed(2)} ms; feed p50 ${services.feed.p50.toFixed(2)} ms, p99 ${services.feed.p99.toFixed(2)} ms.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stamp = m.date.replace(/[:.]/g, '-');
  writeFileSync(
    join(repoRoot(), 'bench', 'results', `agenda-http-${stamp}.json`),
    `${JSON.stringify({ machine: m, event: { participants: event.participants, meetings: event.meetings, seedSeconds }, connections, duration, services, bare, agenda, feed }, null, 2)}\n`,
  );
}

const args = process.argv.slice(2);
if (args[0] === '--serve') {
  void serve(args[1]!);
} else {
  main(args).catch((error: unknown) => {
    process.stderr.write(`agenda-http: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

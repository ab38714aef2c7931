// The real server process, run from src/web/server.ts with the tsx loader: no build step, so the test always runs
// the current source, and a start costs about a second of CPU where tap's own TypeScript loader (ts-node) costs
// fifteen. tap's coverage hook is kept so the child's lines count. Without tsx, tap's full loader is used.
import t, { type Test } from 'tap';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/client.js';
import { users } from '../../src/db/schema/index.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const SERVER = join(ROOT, 'src', 'web', 'server.ts');

function loaderFlags(): string[] {
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    return process.execArgv;
  }
  const kept = process.execArgv.filter((flag) => !/@tapjs[\\/](typescript|mock)/.test(flag));
  return [`--import=${tsx}`, ...kept];
}

interface Running {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  kill(signal: NodeJS.Signals): void;
}

function startServer(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [...loaderFlags(), SERVER], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', MEETGRID_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: (signal) => child.kill(signal),
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((done, fail) => {
        const started = Date.now();
        const check = (): void => {
          const match = pattern.exec(out);
          if (match) return done(match);
          if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            return fail(new Error(`no ${pattern} in output; stdout: ${out}; stderr: ${err}`));
          }
          setTimeout(check, 50);
        };
        check();
      }),
  };
}

function tempFolder(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'meetgrid-server-'));
  t.teardown(() => {
    if (existsSync(join(dir, 'read-only'))) chmodSync(join(dir, 'read-only'), 0o700);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

async function refusesToStart(
  t: Test,
  name: string,
  env: Record<string, string>,
  message: RegExp,
): Promise<void> {
  const server = startServer(env);
  t.equal(await server.exited, 1, `${name}: exit code 1`);
  const lines = server.stderr().trim().split('\n');
  t.equal(lines.length, 1, `${name}: one line: ${server.stderr()}`);
  t.match(lines[0], /^meetgrid: /, name);
  t.match(lines[0], message, name);
  t.notMatch(server.stderr(), /\n\s+at /, `${name}: no stack trace`);
}

t.test('start, answer, and stop cleanly on SIGTERM; the next start keeps the account', async (t) => {
  const dir = tempFolder(t);
  const dbPath = join(dir, 'data', 'meetgrid.sqlite');
  const first = startServer({ MEETGRID_DB: dbPath, LOG_LEVEL: 'info' });
  const [, url] = await first.waitFor(/running at (http:\/\/127\.0\.0\.1:\d+)/);
  const [, password] = await first.waitFor(/as admin@meetgrid\.local with the one-time password (\S+)/);
  t.ok(password && password.length >= 16);
  t.match(first.stdout(), '/events/gsat-2025', 'the demo event was seeded');
  t.match(first.stdout(), 'npx meetgrid organizer reset-password admin@meetgrid.local', 'how to recover it');
  const health = await fetch(`${url}/healthz`);
  t.same(await health.json(), { status: 'ok', db: 'ok' });
  const login = await fetch(`${url}/login`, { headers: { 'accept-language': 'en' } });
  t.match(await login.text(), 'Organizer log in');
  first.kill('SIGTERM');
  t.equal(await first.exited, 0, 'exit code 0');
  t.match(first.stdout(), /"msg":"stopped"/);
  t.notMatch(first.stdout().replace(/one-time password \S+/, ''), password!, 'the password is printed once, not logged');

  const reopened = openDatabase(dbPath);
  t.equal(reopened.db.select().from(users).all().length, 1);
  t.equal(reopened.sqlite.pragma('integrity_check', { simple: true }), 'ok');
  reopened.close();

  const second = startServer({ MEETGRID_DB: dbPath });
  await second.waitFor(/Organizers log in at http:\/\/127\.0\.0\.1:\d+\/login/);
  t.notMatch(second.stdout(), 'one-time password', 'no new account on the next start');
  t.notMatch(second.stdout(), 'demo event', 'the demo is not seeded twice');
  t.notMatch(second.stdout(), '"level":30', 'LOG_LEVEL=warn: no info logs');
  second.kill('SIGINT');
  t.equal(await second.exited, 0, 'SIGINT stops cleanly too');
});

t.test('start-up problems a user can fix are one clear line and exit code 1', async (t) => {
  const dir = tempFolder(t);
  writeFileSync(join(dir, 'plain-file'), 'x');
  const corrupt = join(dir, 'broken.sqlite');
  const garbage = 'not a database at all. '.repeat(500);
  writeFileSync(corrupt, garbage);
  // root may write anywhere chmod forbids, so it gets a folder the kernel refuses to everyone.
  let unwritable = '/proc/sys';
  if (process.getuid?.() !== 0) {
    unwritable = join(dir, 'read-only');
    mkdirSync(unwritable, { mode: 0o500 });
  }
  const blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  t.teardown(() => blocker.close());
  const port = (blocker.address() as { port: number }).port;
  const db = join(dir, 'm.sqlite');
  // Concurrently: each start costs seconds of TypeScript loading on a shared machine.
  await Promise.all([
    refusesToStart(t, 'folder as path', { MEETGRID_DB: dir }, /is a folder, not a file/),
    refusesToStart(
      t,
      'path under a file',
      { MEETGRID_DB: join(dir, 'plain-file', 'm.sqlite') },
      /cannot create the data folder/,
    ),
    refusesToStart(
      t,
      'unwritable folder',
      { MEETGRID_DB: join(unwritable, 'm.sqlite') },
      /data folder .* is not writable/,
    ),
    refusesToStart(t, 'corrupt file', { MEETGRID_DB: corrupt }, /not a SQLite database/),
    refusesToStart(
      t,
      'port in use',
      { MEETGRID_DB: db, PORT: String(port) },
      new RegExp(`port ${port} is in use; set PORT`),
    ),
    refusesToStart(t, 'bad PORT', { MEETGRID_DB: db, PORT: 'eighty' }, /PORT must be a port number/),
    refusesToStart(
      t,
      'port in use, in Korean',
      { MEETGRID_DB: join(dir, 'ko.sqlite'), PORT: String(port), MEETGRID_LANG: 'ko' },
      new RegExp(`포트 ${port}이\\(가\\) 이미 사용 중입니다`),
    ),
  ]);
  t.equal(readFileSync(corrupt, 'utf8'), garbage, 'the corrupt file is left as it was');
});

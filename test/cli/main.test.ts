import t from 'tap';
import { spawnSync } from 'node:child_process';

// The real dispatcher, run under the TypeScript loader this test runs under.
function meetgrid(...args: string[]) {
  return spawnSync(process.execPath, [...process.execArgv, 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, MEETGRID_DB: ':memory:' },
  });
}

t.test('--help lists every command with its summary and exits 0', (t) => {
  const result = meetgrid('--help');
  t.equal(result.status, 0);
  for (const name of ['check', 'demo', 'export', 'import', 'links', 'publish', 'schedule', 'solve']) {
    t.match(result.stdout, new RegExp(`meetgrid ${name} +\\S`), `${name} has a summary`);
  }
  t.end();
});

t.test('no command prints the usage and exits 2; an unknown one names itself', (t) => {
  const none = meetgrid();
  t.equal(none.status, 2);
  t.match(none.stdout, /Usage: meetgrid <command>/);
  const unknown = meetgrid('nope');
  t.equal(unknown.status, 2);
  t.match(unknown.stderr, /unknown command "nope"/);
  t.end();
});

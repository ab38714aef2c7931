// The `meetgrid` command: one file per sub-command under commands/, each listed once below.
import type { Command } from './command.js';

const commands: Readonly<Record<string, () => Promise<{ default: Command }>>> = {
  check: () => import('./commands/check.js'),
  demo: () => import('./commands/demo.js'),
  import: () => import('./commands/import.js'),
  solve: () => import('./commands/solve.js'),
  schedule: () => import('./commands/schedule.js'),
  publish: () => import('./commands/publish.js'),
  export: () => import('./commands/export.js'),
  links: () => import('./commands/links.js'),
  organizer: () => import('./commands/organizer.js'),
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`meetgrid: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  const command = (await load()).default;
  return command.run(rest);
}

async function usage(): Promise<string> {
  const names = Object.keys(commands).sort();
  const width = Math.max(...names.map((name) => name.length));
  const lines = await Promise.all(
    names.map(async (name) => `  meetgrid ${name.padEnd(width)}  ${(await commands[name]!()).default.summary}`),
  );
  return `Usage: meetgrid <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "meetgrid <command> --help" for a command's options.\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`meetgrid: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

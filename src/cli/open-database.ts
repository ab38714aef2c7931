// Every command that needs the database opens it here: the configuration from the environment, then the file
// (created and migrated if needed). A configuration or database problem the user can fix is one line on stderr
// and exit code 2, the same for every command.
import { loadConfig, ConfigError, type Config } from '../config.js';
import { openDatabase, DatabaseOpenError, type DbHandle } from '../db/index.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

export type OpenResult =
  | { readonly ok: true; readonly handle: DbHandle; readonly config: Config }
  | { readonly ok: false; readonly message: string };

/** Loads the configuration and opens the database it names; a ConfigError or DatabaseOpenError becomes a message. */
export function openCliDatabase(env: NodeJS.ProcessEnv): OpenResult {
  try {
    const config = loadConfig(env);
    return { ok: true, handle: openDatabase(config.dbPath), config };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseOpenError) {
      return { ok: false, message: error.message.split('\n')[0] ?? error.message };
    }
    throw error;
  }
}

/**
 * Runs `work` with the open database and closes it afterwards, whatever happens. When the database cannot be
 * opened, writes `meetgrid <command>: <reason>` and returns 2 without calling `work`.
 */
export async function withDatabase(
  command: string,
  io: CliIo,
  work: (handle: DbHandle, config: Config) => number | Promise<number>,
): Promise<number> {
  const opened = openCliDatabase(io.env);
  if (!opened.ok) {
    io.err(`meetgrid ${command}: ${opened.message}\n`);
    return 2;
  }
  try {
    return await work(opened.handle, opened.config);
  } finally {
    opened.handle.close();
  }
}

// `meetgrid demo [--reset]`: seeds the GSAT 2025 demo event into an empty database, or rebuilds it with --reset.
// Exit 0 done (also when nothing needed doing), 1 the seeding failed, 2 bad usage or an unusable database.
import { translator } from '../../i18n/index.js';
import { describeDemoEvent, ensureDemoEvent, resetDemoEvent, type DemoSummary } from '../../services/demo/index.js';
import type { Command } from '../command.js';
import { processIo, withDatabase, type CliIo } from '../open-database.js';
import { cliLanguage } from './check.js';

export async function run(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const t = translator(cliLanguage(io.env));
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${t('eventSetup.demo.usage')}\n`);
    return 0;
  }
  const unknown = args.find((arg) => arg !== '--reset');
  if (unknown !== undefined) {
    io.err(`meetgrid demo: ${t('eventSetup.demo.unknownOption', { option: unknown })}\n\n${t('eventSetup.demo.usage')}\n`);
    return 2;
  }
  return withDatabase('demo', io, (handle) => {
    const figures = (summary: DemoSummary) => ({ ...summary, database: handle.path });
    try {
      if (args.includes('--reset')) {
        io.out(`${t('eventSetup.demo.reset', figures(resetDemoEvent(handle.db)))}\n`);
        return 0;
      }
      const { created } = ensureDemoEvent(handle.db);
      const summary = created ? describeDemoEvent(handle.db) : null;
      io.out(
        summary
          ? `${t('eventSetup.demo.created', figures(summary))}\n`
          : `${t('eventSetup.demo.skipped', { database: handle.path })}\n`,
      );
      return 0;
    } catch (error) {
      io.err(`meetgrid demo: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  });
}

const command: Command = {
  summary: 'create the GSAT 2025 demo event in an empty database (--reset rebuilds it)',
  run: (args) => run(args),
};
export default command;

// `meetgrid organizer list | add EMAIL [--name NAME] | reset-password EMAIL`: organizer accounts from the shell,
// the way back in when the one-time password of the first start is lost. Exit 0 done, 1 refused, 2 bad usage.
import { translator } from '../../i18n/index.js';
import {
  AccountError,
  addOrganizer,
  listOrganizers,
  resetOrganizerPassword,
} from '../../services/accounts/index.js';
import type { Command } from '../command.js';
import { processIo, withDatabase, type CliIo } from '../open-database.js';
import { cliLanguage } from './check.js';
import { refusalText } from '../refusal.js';

export async function run(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const t = translator(cliLanguage(io.env));
  const [action, ...rest] = args;
  if (action === '--help' || action === '-h') {
    io.out(`${t('shell.cli.usage')}\n`);
    return 0;
  }
  const usageError = (message: string): number => {
    io.err(`meetgrid organizer: ${message}\n\n${t('shell.cli.usage')}\n`);
    return 2;
  };
  if (action !== 'list' && action !== 'add' && action !== 'reset-password') {
    return usageError(t('shell.cli.unknownAction', { action: action ?? '' }));
  }
  const nameAt = rest.indexOf('--name');
  const name = nameAt >= 0 ? rest[nameAt + 1] : undefined;
  const positional = rest.filter((_, index) => nameAt < 0 || (index !== nameAt && index !== nameAt + 1));
  const email = positional[0];
  if (action !== 'list' && (!email || positional.length > 1 || (nameAt >= 0 && !name))) {
    return usageError(t('shell.cli.missingEmail'));
  }
  return withDatabase('organizer', io, async (handle) => {
    try {
      if (action === 'list') {
        const organizers = listOrganizers(handle.db);
        if (organizers.length === 0) io.out(`${t('shell.cli.none')}\n`);
        for (const organizer of organizers) io.out(`${organizer.email}\t${organizer.name}\n`);
      } else if (action === 'add') {
        const added = await addOrganizer(handle.db, { email: email!, ...(name ? { name } : {}) });
        io.out(`${t('shell.cli.added', { email: added.organizer.email, password: added.password })}\n`);
        io.out(`${t('shell.cli.changeSoon')}\n`);
      } else {
        const password = await resetOrganizerPassword(handle.db, email!);
        io.out(`${t('shell.cli.reset', { email: email!, password })}\n`);
        io.out(`${t('shell.cli.changeSoon')}\n`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      io.err(`meetgrid organizer: ${refusalText(error, t)}\n`);
      return 1;
    }
  });
}

const command: Command = {
  summary: 'list organizer accounts, add one, or reset a lost password',
  run: (args) => run(args),
};
export default command;

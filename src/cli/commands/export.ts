// `meetgrid export --event SLUG --format csv|problem|schedule [--published] [-o FILE]`: the timetable for Excel,
// the event as a meetgrid.problem/1 file, or a version as a meetgrid.schedule/1 file (the draft, or the published
// one with --published), so `meetgrid check` can verify it. Exit 0 done, 1 cannot write, 2 bad usage or nothing to
// export.
import { writeFile } from 'node:fs/promises';
import { eventBySlug } from '../../services/setup/index.js';
import { translator } from '../../i18n/index.js';
import {
  EXPORT_FORMATS,
  NothingToExportError,
  problemFile,
  scheduleFile,
  timetableCsv,
  type ExportFormat,
} from '../../services/timetable/index.js';
import type { Command } from '../command.js';
import { parseArgs } from '../event-args.js';
import { processIo, withDatabase, type CliIo } from '../open-database.js';
import { cliLanguage } from './check.js';
import { refusalText } from '../refusal.js';

export interface ExportIo extends CliIo {
  readonly write: (bytes: Buffer) => void;
}

const exportIo: ExportIo = { ...processIo, write: (bytes) => process.stdout.write(bytes) };

export async function run(args: readonly string[], io: ExportIo = exportIo): Promise<number> {
  const language = cliLanguage(io.env);
  const t = translator(language);
  const usage = t('organizerSchedule.cli.exportUsage');
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${usage}\n`);
    return 0;
  }
  const parsed = parseArgs(args, ['--event', '--format', '-o', '--output'], ['--published']);
  if (!parsed.ok) {
    io.err(`meetgrid export: ${t(parsed.problem.key, { option: parsed.problem.option })}\n\n${usage}\n`);
    return 2;
  }
  const slug = parsed.args.values.get('--event');
  const format = parsed.args.values.get('--format');
  const output = parsed.args.values.get('-o') ?? parsed.args.values.get('--output');
  const published = parsed.args.flags.has('--published');
  if (!slug || !format || !EXPORT_FORMATS.includes(format as ExportFormat)) {
    const problem = !slug
      ? t('organizerSchedule.cli.eventRequired')
      : t('organizerSchedule.cli.badFormat', { value: format ?? '', formats: EXPORT_FORMATS.join(', ') });
    io.err(`meetgrid export: ${problem}\n\n${usage}\n`);
    return 2;
  }
  return withDatabase('export', io, async (handle) => {
    const event = eventBySlug(handle.db, slug);
    if (!event) {
      io.err(`meetgrid export: ${t('organizerSchedule.cli.unknownEvent', { slug })}\n`);
      return 2;
    }
    let bytes: Buffer;
    try {
      bytes =
        format === 'csv'
          ? timetableCsv(handle.db, event, language, published)
          : Buffer.from(
              `${JSON.stringify(format === 'problem' ? problemFile(handle.db, event, published) : scheduleFile(handle.db, event, published), null, 2)}\n`,
            );
    } catch (error) {
      if (!(error instanceof NothingToExportError)) throw error;
      io.err(`meetgrid export: ${refusalText(error, t)}\n`);
      return 2;
    }
    if (output === undefined) {
      io.write(bytes);
      return 0;
    }
    try {
      await writeFile(output, bytes);
    } catch (error) {
      io.err(`meetgrid export: ${t('organizerSchedule.cli.cannotWrite', { file: output, reason: error instanceof Error ? error.message : String(error) })}\n`);
      return 1;
    }
    return 0;
  });
}

const command: Command = {
  summary: 'export the timetable as CSV, or the event / a version as problem / schedule JSON for `meetgrid check`',
  run: (args) => run(args),
};
export default command;

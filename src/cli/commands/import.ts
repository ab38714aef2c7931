// `meetgrid import --event SLUG FILE.csv [--kind participants|requests] [--dry-run]`: the web import from the shell.
// Prints the preview and every problem with its line and column. Exit 0 imported (or previewed), 1 a failure while
// saving, 2 bad usage, an unknown event or any problem in the file (then nothing is written).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { eventBySlug } from '../../services/setup/index.js';
import { translator, type Translator } from '../../i18n/index.js';
import { applyImport, previewImport, type ImportPreview } from '../../services/csv/index.js';
import { CSV_KINDS, type CsvKind } from '../../services/csv/index.js';
import type { Command } from '../command.js';
import { processIo, withDatabase, type CliIo } from '../open-database.js';
import { cliLanguage } from './check.js';

interface Options {
  readonly slug: string;
  readonly file: string;
  readonly kind: CsvKind | undefined;
  readonly dryRun: boolean;
}

function parseArgs(args: readonly string[], t: Translator): Options | string {
  let slug: string | undefined;
  let kind: CsvKind | undefined;
  let dryRun = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals < 0 ? arg : arg.slice(0, equals);
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    const value = () => inline ?? args[++i];
    if (name === '--event') slug = value();
    else if (name === '--kind') {
      const wanted = value();
      if (!CSV_KINDS.includes(wanted as CsvKind)) return t('organizerData.cli.badKind');
      kind = wanted as CsvKind;
    } else if (name === '--dry-run') dryRun = true;
    else if (name.startsWith('-')) return t('organizerData.cli.unknownOption', { option: arg });
    else files.push(arg);
  }
  if (!slug) return t('organizerData.cli.missingEvent');
  const [file] = files;
  if (files.length !== 1 || !file) return t('organizerData.cli.missingFile');
  return { slug, file, kind, dryRun };
}

export async function run(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const t = translator(cliLanguage(io.env));
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${t('organizerData.cli.usage')}\n`);
    return 0;
  }
  const options = parseArgs(args, t);
  if (typeof options === 'string') {
    io.err(`meetgrid import: ${options}\n\n${t('organizerData.cli.usage')}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(options.file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    io.err(`meetgrid import: ${t('organizerData.cli.unreadable', { file: options.file, reason })}\n`);
    return 2;
  }
  return withDatabase('import', io, (handle) => {
    const event = eventBySlug(handle.db, options.slug);
    if (!event) {
      io.err(`meetgrid import: ${t('organizerData.cli.unknownEvent', { slug: options.slug })}\n`);
      return 2;
    }
    const result = options.dryRun
      ? previewImport(handle.db, event.id, bytes, options.kind)
      : applyImport(handle.db, event.id, bytes, options.kind);
    io.out(report(result, basename(options.file), t));
    if (result.problems.length > 0) {
      io.err(problems(result, t));
      return 2;
    }
    io.out(`${t(options.dryRun ? 'organizerData.cli.dryRun' : 'organizerData.cli.applied')}\n`);
    return 0;
  });
}

function report(preview: ImportPreview, file: string, t: Translator): string {
  const lines: string[] = [];
  if (preview.kind && preview.encoding && preview.delimiter) {
    lines.push(
      t('organizerData.cli.summary', {
        file,
        kind: t(`organizerData.kind.${preview.kind}`),
        encoding: preview.encoding,
        delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter,
        rows: preview.rows,
      }),
    );
  }
  if (preview.problems.length === 0) {
    lines.push(t('organizerData.cli.counts', { ...preview.counts }));
    for (const change of preview.changes) {
      if (change.action === 'unchanged') continue;
      const changed = change.changed.length > 0 ? ` (${change.changed.join(', ')})` : '';
      lines.push(
        `  ${t('organizerData.line', { line: change.line })}: ${t(`organizerData.action.${change.action}`)} ` +
          `${t(`organizerData.entity.${change.entity}`)} ${change.subject}${changed}`,
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function problems(preview: ImportPreview, t: Translator): string {
  const lines = preview.problems.map((problem) => {
    const where =
      problem.column === null
        ? t('organizerData.line', { line: problem.line })
        : t('organizerData.lineColumn', { line: problem.line, column: problem.column });
    return `  ${where}: ${t(problem.key, problem.params)}`;
  });
  return `${t('organizerData.cli.problems', { count: preview.problems.length })}\n${lines.join('\n')}\n`;
}

const command: Command = {
  summary: 'import participants.csv or requests.csv into an event (all or nothing; --dry-run to preview)',
  run: (args) => run(args),
};
export default command;

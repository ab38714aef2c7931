// `meetgrid check PROBLEM.json SCHEDULE.json [--json]`: judges a schedule file against its problem with the
// engine's independent checker. Exit 0 valid, 1 violations, 2 unreadable or invalid input.
import { checkSchedule, type CheckReport, type Violation } from '../../engine/index.js';
import { formatInputError, validateProblem } from '../../engine/index.js';
import { translator, type Language, type Translator } from '../../i18n/index.js';
import type { Command } from '../command.js';
import { InputFileError, readJsonFile } from '../read-json-file.js';

export interface CheckIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const processIo: CheckIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Korean when the environment asks for it (MEETGRID_LANG, else the locale), English otherwise. */
export function cliLanguage(env: NodeJS.ProcessEnv): Language {
  const wanted = env.MEETGRID_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return wanted.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export async function run(args: readonly string[], io: CheckIo = processIo): Promise<number> {
  const t = translator(cliLanguage(io.env));
  if (args.includes('--help') || args.includes('-h')) {
    io.out(t('check.usage'));
    return 0;
  }
  const json = args.includes('--json');
  const option = args.find((arg) => arg.startsWith('-') && arg !== '--json');
  const files = args.filter((arg) => !arg.startsWith('-'));
  if (option !== undefined || files.length !== 2) {
    const problem =
      option !== undefined ? t('check.unknownOption', { option }) : t('check.wrongArguments', { count: files.length });
    io.err(`meetgrid check: ${problem}\n\n${t('check.usage')}`);
    return 2;
  }
  const [problemFile, scheduleFile] = files as [string, string];
  let problemInput: unknown;
  let scheduleInput: unknown;
  try {
    problemInput = await readJsonFile(problemFile, t);
    scheduleInput = await readJsonFile(scheduleFile, t);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.err(`meetgrid check: ${error.message}\n`);
    return 2;
  }
  const validation = validateProblem(problemInput);
  if (!validation.ok) {
    if (json) io.out(`${JSON.stringify({ valid: false, inputErrors: validation.errors }, null, 2)}\n`);
    const lines = validation.errors.map((e) => `  ${formatInputError(e)}\n`).join('');
    const heading = t('check.problemInvalid', { file: problemFile, count: validation.errors.length });
    io.err(`meetgrid check: ${heading}\n${lines}`);
    return 2;
  }
  const report = checkSchedule(validation.problem, scheduleInput);
  io.out(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, t));
  return report.valid ? 0 : 1;
}

function formatReport(report: CheckReport, t: Translator): string {
  const f = report.figures;
  const rows: [string, number][] = [
    [t('check.figure.meetings'), f.meetings],
    [t('check.figure.scheduled'), f.scheduled],
    [t('check.figure.unscheduled'), f.unscheduled],
    [t('check.figure.breaks'), f.breaks],
    [t('check.figure.maxBreaks'), f.maxBreaks],
    [t('check.figure.tableChanges'), f.tableChanges],
  ];
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  const lines = rows.map(([label, value]) => `${label}${' '.repeat(width - displayWidth(label))}  ${value}`);
  if (report.valid) lines.push('', t('check.valid'));
  else {
    lines.push('', t('check.violations', { count: report.violations.length }));
    for (const v of report.violations) {
      lines.push(violationLine(v));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One violation as the CLI prints it: code, the meeting when there is one, and the checker's message. */
export function violationLine(v: Violation): string {
  return `  [${v.code}]${v.meeting !== undefined ? ` ${v.meeting}` : ''} ${v.message}`;
}

/** Columns a label takes in a terminal: Hangul and CJK characters are two columns wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3]/.test(char) ? 2 : 1;
  return width;
}

const command: Command = {
  summary: 'check a schedule file against its problem file',
  run: (args) => run(args),
};
export default command;

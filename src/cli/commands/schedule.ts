// `meetgrid schedule --event SLUG [--time-limit SECONDS] [--seed N]`: the same run as the schedule page. The answer
// becomes a new draft; when a version is published, the run keeps its meetings in place unless they must move and
// reports what moved. Exit 0 done, 1 the run failed, 2 bad usage, unknown event or an event that cannot be scheduled.
import { eventBySlug } from '../../services/setup/index.js';
import { translator, type Language, type Translator } from '../../i18n/index.js';
import { planEvent, SchedulingInputError, type PlanResult } from '../../services/scheduling/index.js';
import { wordedReason } from '../../services/scheduling/index.js';
import type { Command } from '../command.js';
import { parseArgs } from '../event-args.js';
import { processIo, withDatabase, type CliIo } from '../open-database.js';
import { cliLanguage } from './check.js';

export async function run(args: readonly string[], io: CliIo = processIo, isTty = process.stderr.isTTY): Promise<number> {
  const language = cliLanguage(io.env);
  const t = translator(language);
  const usage = t('organizerSchedule.cli.scheduleUsage');
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${usage}\n`);
    return 0;
  }
  const parsed = parseArgs(args, ['--event', '--time-limit', '--seed'], []);
  if (!parsed.ok) {
    io.err(`meetgrid schedule: ${t(parsed.problem.key, { option: parsed.problem.option })}\n\n${usage}\n`);
    return 2;
  }
  const slug = parsed.args.values.get('--event');
  const seconds = Number(parsed.args.values.get('--time-limit') ?? '5');
  const seed = parsed.args.values.get('--seed');
  const problem = !slug
    ? t('organizerSchedule.cli.eventRequired')
    : !(seconds > 0 && seconds <= 600)
      ? t('organizerSchedule.cli.badTimeLimit', { value: parsed.args.values.get('--time-limit') ?? '' })
      : seed !== undefined && !/^\d+$/.test(seed)
        ? t('organizerSchedule.cli.badSeed', { value: seed })
        : null;
  if (problem !== null) {
    io.err(`meetgrid schedule: ${problem}\n\n${usage}\n`);
    return 2;
  }
  return withDatabase('schedule', io, async (handle) => {
    const event = eventBySlug(handle.db, slug!);
    if (!event) {
      io.err(`meetgrid schedule: ${t('organizerSchedule.cli.unknownEvent', { slug: slug! })}\n`);
      return 2;
    }
    try {
      const result = await planEvent(handle.db, event, {
        actor: { label: 'cli', userId: null },
        timeLimitMs: seconds * 1000,
        ...(seed !== undefined ? { seeds: [Number(seed)] } : {}),
        ...(isTty
          ? {
              onProgress: (p) =>
                io.err(`\r${t('organizerSchedule.cli.progress', { percent: Math.round(p.fraction * 100), scheduled: p.scheduled })}`),
            }
          : {}),
      });
      if (isTty) io.err('\n');
      io.out(summary(result, t, language));
      return 0;
    } catch (error) {
      if (error instanceof SchedulingInputError) {
        io.err(`meetgrid schedule: ${t('organizerSchedule.cli.cannotSchedule')}\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
        return 2;
      }
      io.err(`meetgrid schedule: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  });
}

// The command line names organizations and meetings by the codes an organizer types in its other commands.
const AS_CODES = { organization: (code: string) => code, meeting: (id: string) => id };

function summary({ version, schedule, changes }: PlanResult, t: Translator, language: Language): string {
  const lines = [
    t('organizerSchedule.cli.scheduled', {
      number: version.number,
      scheduled: schedule.stats.scheduled,
      meetings: schedule.stats.meetings,
      breaks: schedule.stats.breaks,
      status: schedule.status,
    }),
    ...schedule.unscheduled.map((left) => `  ${left.meeting} ${left.code}: ${wordedReason(language, left, AS_CODES)}`),
  ];
  if (changes) {
    lines.push(
      t('organizerSchedule.cli.changes', {
        moved: changes.moved.length,
        added: changes.added.length,
        cancelled: changes.cancelled.length,
      }),
    );
    for (const change of changes.moved) {
      lines.push(
        `  ${change.requester.code} – ${change.requested.code}: ${change.before!.slotCode} ${change.before!.tableLabel} → ${change.after!.slotCode} ${change.after!.tableLabel}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const command: Command = {
  summary: 'schedule an event into a new draft timetable (re-plans around the published one)',
  run: (args) => run(args),
};
export default command;

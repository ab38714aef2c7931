// `meetgrid publish --event SLUG [--dry-run]`: shows what changes for participants (moved, added, cancelled meetings
// and who is affected), then publishes the draft and queues the invitations. Exit 0 done, 1 failure, 2 bad usage,
// unknown event or nothing to publish.
import { eventBySlug } from '../../services/setup/index.js';
import { translator, type Translator } from '../../i18n/index.js';
import { previewPublish, publishDraft, type VersionDiff } from '../../services/publishing/index.js';
import type { Command } from '../command.js';
import { parseArgs } from '../event-args.js';
import { processIo, withDatabase, type CliIo } from '../open-database.js';
import { cliLanguage } from './check.js';

export async function run(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const t = translator(cliLanguage(io.env));
  const usage = t('organizerSchedule.cli.publishUsage');
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${usage}\n`);
    return 0;
  }
  const parsed = parseArgs(args, ['--event'], ['--dry-run']);
  const slug = parsed.ok ? parsed.args.values.get('--event') : undefined;
  if (!parsed.ok || !slug) {
    const problem = parsed.ok
      ? t('organizerSchedule.cli.eventRequired')
      : t(parsed.problem.key, { option: parsed.problem.option });
    io.err(`meetgrid publish: ${problem}\n\n${usage}\n`);
    return 2;
  }
  return withDatabase('publish', io, (handle, config) => {
    const event = eventBySlug(handle.db, slug);
    if (!event) {
      io.err(`meetgrid publish: ${t('organizerSchedule.cli.unknownEvent', { slug })}\n`);
      return 2;
    }
    const preview = previewPublish(handle.db, event.id);
    if (!preview) {
      io.err(`meetgrid publish: ${t('organizerSchedule.cli.nothingToPublish')}\n`);
      return 2;
    }
    io.out(describe(preview.diff, t));
    if (parsed.args.flags.has('--dry-run')) return 0;
    const result = publishDraft(handle.db, event.id, {
      actor: { label: 'cli', userId: null },
      expected: { versionId: preview.draft.id, revision: preview.draft.revision },
      invitations: { publicUrl: config.publicUrl, ...(config.smtp ? { from: config.smtp.from } : {}) },
    });
    io.out(
      `${t('organizerSchedule.cli.published', {
        number: result.version.number,
        messages: result.invitations?.enqueued ?? 0,
      })}\n`,
    );
    return 0;
  });
}

function describe(diff: VersionDiff, t: Translator): string {
  const lines = [
    t('organizerSchedule.cli.diff', {
      moved: diff.moved.length,
      added: diff.added.length,
      cancelled: diff.cancelled.length,
      unchanged: diff.unchanged,
      affected: diff.affected.length,
    }),
  ];
  const place = (p: { slotCode: string; tableLabel: string } | null) => (p ? `${p.slotCode} ${p.tableLabel}` : '—');
  for (const [label, changes] of [
    ['moved', diff.moved],
    ['cancelled', diff.cancelled],
  ] as const) {
    for (const change of changes) {
      lines.push(
        `  ${t(`organizerSchedule.publish.${label}`)}: ${change.requester.code} – ${change.requested.code} ${place(change.before)} → ${place(change.after)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const command: Command = {
  summary: 'publish the draft timetable (shows the changes first; --dry-run only shows them)',
  run: (args) => run(args),
};
export default command;

// `meetgrid links --event SLUG`: every representative's private agenda link as CSV (for mail merge), issuing a link
// to representatives that have none yet; `--staff` the staff links; `--revoke LINK` revokes one link of the event
// (its URL or token), audited as the command line. Links point at PUBLIC_URL. Exit 0 done, 2 bad usage, unknown
// event or link, or an unusable database.
import { stringify } from 'csv-stringify/sync';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { eventBySlug } from '../../services/setup/index.js';
import { translator, type Translator } from '../../i18n/index.js';
import { revokeEventLinkByAddress } from '../../services/links/index.js';
import { ensureParticipantLinks } from '../../services/links/index.js';
import { ensureStaffLinks } from '../../services/links/index.js';
import type { Command } from '../command.js';
import { parseArgs, type ParsedArgs } from '../event-args.js';
import { processIo, withDatabase, type CliIo } from '../open-database.js';
import { cliLanguage } from './check.js';

const CLI_ACTOR = { label: 'cli', userId: null } as const;

/** One kind of link the command can list: its CSV header and rows for an event. */
export interface LinkListing {
  readonly header: readonly string[];
  rows(db: Db, eventId: number, config: Config): readonly (readonly string[])[];
}

const participantListing: LinkListing = {
  header: ['representative', 'organization', 'email', 'language', 'agenda_link'],
  rows: (db, eventId, config) =>
    ensureParticipantLinks(db, eventId, config.publicUrl, CLI_ACTOR).map((link) => [
      link.representative,
      link.organization,
      link.email,
      link.language,
      link.url,
    ]),
};

// Extension point: other kinds of links are listed by a flag of their own (e.g. '--staff' for staff links) added
// here with its listing; without any of these flags the command lists participants' agenda links.
const staffListing: LinkListing = {
  header: ['scope', 'room_ko', 'room_en', 'staff_link'],
  rows: (db, eventId, config) =>
    ensureStaffLinks(db, eventId, config.publicUrl, CLI_ACTOR).map((link) => [link.roomId === null ? 'event' : 'room', link.roomKo, link.roomEn, link.url]),
};

const listingsByFlag: Readonly<Record<string, LinkListing>> = { '--staff': staffListing };

export async function run(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const t = translator(cliLanguage(io.env));
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${t('participants.links.usage')}\n`);
    return 0;
  }
  const parsed = parseArgs(args, ['--event', '--revoke'], Object.keys(listingsByFlag));
  if (!parsed.ok) return usageError(io, t, t(parsed.problem.key, { option: parsed.problem.option }));
  const slug = parsed.args.values.get('--event');
  if (!slug) return usageError(io, t, t('participants.links.missingEvent'));
  const listing = chooseListing(parsed.args);
  const revoke = parsed.args.values.get('--revoke');
  return withDatabase('links', io, (handle, config) => {
    const event = eventBySlug(handle.db, slug);
    if (!event) {
      io.err(`meetgrid links: ${t('participants.links.unknownEvent', { slug })}\n`);
      return 2;
    }
    if (revoke !== undefined) {
      const outcome = revokeEventLinkByAddress(handle.db, {
        eventId: event.id,
        address: revoke,
        actor: CLI_ACTOR,
      });
      if (outcome !== 'revoked') {
        io.err(`meetgrid links: ${t('participants.links.noSuchLink', { slug })}\n`);
        return 2;
      }
      io.out(`${t('links.revokedNotice')}\n`);
      return 0;
    }
    io.out(stringify([[...listing.header], ...listing.rows(handle.db, event.id, config).map((row) => [...row])]));
    return 0;
  });
}

function chooseListing(args: ParsedArgs): LinkListing {
  const flag = [...args.flags].find((name) => name in listingsByFlag);
  return flag ? listingsByFlag[flag]! : participantListing;
}

function usageError(io: CliIo, t: Translator, message: string): number {
  io.err(`meetgrid links: ${message}\n\n${t('participants.links.usage')}\n`);
  return 2;
}

const command: Command = {
  summary: "print every representative's private agenda link as CSV (--event SLUG)",
  run: (args) => run(args),
};
export default command;

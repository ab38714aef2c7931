// Publishing: the draft becomes what participants and staff see. Before it goes out the organizer sees what changed
// against the published version (moved, added, cancelled meetings and who is affected); every publish is audited.
import { DomainError } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import { listRepresentatives } from '../../db/index.js';
import {
  draftVersion,
  markPublished,
  meetingsOfVersion,
  publishedVersion,
  versionById,
  type MeetingOrganization,
  type VersionMeeting,
  type VersionRow,
} from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import { enqueueInvitationsForPublish, type InvitationReport } from './invitations.js';
import type { Actor } from '../../domain/index.js';

export interface MeetingPlace {
  readonly slotCode: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly tableLabel: string;
  readonly roomNameKo: string;
  readonly roomNameEn: string;
}

export interface MeetingChange {
  readonly requestId: number;
  readonly requester: MeetingOrganization;
  readonly requested: MeetingOrganization;
  readonly before: MeetingPlace | null;
  readonly after: MeetingPlace | null;
}

export interface AffectedOrganization extends MeetingOrganization {
  readonly changes: number;
  readonly representatives: readonly { id: number; name: string; email: string; language: 'ko' | 'en' }[];
}

export interface VersionDiff {
  readonly moved: readonly MeetingChange[];
  readonly added: readonly MeetingChange[];
  readonly cancelled: readonly MeetingChange[];
  readonly unchanged: number;
  readonly affected: readonly AffectedOrganization[];
}

function placeOf(meeting: VersionMeeting): MeetingPlace {
  const { slotCode, date, startTime, endTime, tableLabel, roomNameKo, roomNameEn } = meeting;
  return { slotCode, date, startTime, endTime, tableLabel, roomNameKo, roomNameEn };
}

function liveMeetings(db: Db, versionId: number): Map<number, VersionMeeting> {
  return new Map(
      meetingsOfVersion(db, versionId)
        .filter((meeting) => meeting.status !== 'cancelled')
        .map((meeting) => [meeting.requestId, meeting]),
    );
}

/** What changes for participants when `toVersionId` replaces `fromVersionId` (null: nothing published yet). */
export function diffVersions(db: Db, fromVersionId: number | null, toVersionId: number): VersionDiff {
  const before = fromVersionId === null ? new Map<number, VersionMeeting>() : liveMeetings(db, fromVersionId);
  const after = liveMeetings(db, toVersionId);
  const moved: MeetingChange[] = [];
  const added: MeetingChange[] = [];
  const cancelled: MeetingChange[] = [];
  let unchanged = 0;
  for (const [requestId, next] of after) {
    const previous = before.get(requestId);
    const change = { requestId, requester: next.requester, requested: next.requested, after: placeOf(next) };
    if (!previous) added.push({ ...change, before: null });
    else if (previous.slotId !== next.slotId || previous.tableId !== next.tableId) {
      moved.push({ ...change, before: placeOf(previous) });
    } else unchanged += 1;
  }
  for (const [requestId, previous] of before) {
    if (!after.has(requestId)) {
      cancelled.push({
        requestId,
        requester: previous.requester,
        requested: previous.requested,
        before: placeOf(previous),
        after: null,
      });
    }
  }

  const counts = new Map<number, { organization: MeetingOrganization; changes: number }>();
  for (const change of [...moved, ...added, ...cancelled]) {
    for (const organization of [change.requester, change.requested]) {
      const entry = counts.get(organization.id) ?? { organization, changes: 0 };
      entry.changes += 1;
      counts.set(organization.id, entry);
    }
  }
  const eventId = versionById(db, toVersionId)?.eventId;
  const people = counts.size > 0 && eventId !== undefined ? listRepresentatives(db, eventId) : [];
  const affected = [...counts.values()]
    .map(({ organization, changes }) => ({
      ...organization,
      changes,
      representatives: people
        .filter((person) => person.organizationId === organization.id)
        .map(({ id, name, email, language }) => ({ id, name, email, language })),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const bySlot = (a: MeetingChange, b: MeetingChange) =>
    sortKey(a).localeCompare(sortKey(b)) || a.requestId - b.requestId;
  return { moved: moved.sort(bySlot), added: added.sort(bySlot), cancelled: cancelled.sort(bySlot), unchanged, affected };
}

function sortKey(change: MeetingChange): string {
  const place = change.after ?? change.before;
  return place ? `${place.date} ${place.startTime} ${place.tableLabel}` : '';
}

/** `reason` NO_DRAFT: nothing to publish yet; STALE: the draft changed after the preview was shown. */
export class PublishError extends DomainError {
  override name = 'PublishError';
  constructor(
    readonly reason: 'NO_DRAFT' | 'STALE',
    message: string,
  ) {
    super(reason === 'NO_DRAFT' ? 'unavailable' : 'conflict', `organizerSchedule.publish.error.${reason}`);
    this.message = message;
  }
}

export interface PublishPreview {
  readonly draft: VersionRow;
  readonly published: VersionRow | null;
  readonly diff: VersionDiff;
}

/** What publishing the current draft would change, or null when there is no draft to publish. */
export function previewPublish(db: Db, eventId: number): PublishPreview | null {
  const draft = draftVersion(db, eventId);
  if (!draft) return null;
  const published = publishedVersion(db, eventId);
  return { draft, published, diff: diffVersions(db, published?.id ?? null, draft.id) };
}

export interface PublishOptions {
  readonly actor: Actor;
  /** The draft and revision the organizer saw in the preview: a draft edited since is refused as stale. */
  readonly expected?: { readonly versionId: number; readonly revision: number };
  readonly now?: () => Date;
  /** Queue e-mail invitations (new, moved, cancelled meetings) with agenda links under this address. */
  readonly invitations?: { readonly publicUrl: string; readonly from?: string };
}

export interface PublishResult {
  readonly version: VersionRow;
  readonly previous: VersionRow | null;
  readonly diff: VersionDiff;
  readonly invitations: InvitationReport | null;
}

/**
 * Publishes the draft in one transaction: the previous published version is superseded, the invitations are queued
 * and the change is audited; if any part fails, nothing is published.
 */
export function publishDraft(db: Db, eventId: number, options: PublishOptions): PublishResult {
  return db.transaction(() => {
    const preview = previewPublish(db, eventId);
    if (!preview) throw new PublishError('NO_DRAFT', 'there is no draft to publish: schedule the event first');
    const { draft, published, diff } = preview;
    if (
      options.expected &&
      (options.expected.versionId !== draft.id || options.expected.revision !== draft.revision)
    ) {
      throw new PublishError('STALE', 'the draft changed after this preview was shown; review the changes again');
    }
    const at = (options.now ?? (() => new Date()))();
    markPublished(db, eventId, draft.id, at);
    const invitations = options.invitations
      ? enqueueInvitationsForPublish(db, {
          eventId,
          versionId: draft.id,
          previousVersionId: published?.id ?? null,
          actor: options.actor,
          ...options.invitations,
        })
      : null;
    recordAudit(db, {
      eventId,
      userId: options.actor.userId,
      actor: options.actor.label,
      action: 'version.publish',
      subject: `version:${draft.number}`,
      details: {
        previous: published?.number ?? null,
        moved: diff.moved.map((change) => change.requestId),
        added: diff.added.map((change) => change.requestId),
        cancelled: diff.cancelled.map((change) => change.requestId),
        affectedOrganizations: diff.affected.map((organization) => organization.code),
        invitations,
      },
    });
    return { version: { ...draft, status: 'published' as const, publishedAt: at }, previous: published, diff, invitations };
  });
}

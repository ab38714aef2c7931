// The publish page: what publishing the draft changes, with places and organizations already written out in the
// reader's language so the template only prints them.
import type { Language } from '../../domain/index.js';
import { contact, localName, type Bilingual } from './helpers.js';

interface Place {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly tableLabel: string;
  readonly roomNameKo: string;
  readonly roomNameEn: string;
}

interface Organization extends Bilingual {
  readonly code: string;
}

interface Change {
  readonly requester: Organization;
  readonly requested: Organization;
  readonly before: Place | null;
  readonly after: Place | null;
}

interface Affected extends Organization {
  readonly changes: number;
  readonly representatives: readonly { readonly name: string; readonly email: string | null }[];
}

export interface PublishPreviewInput<V> {
  readonly draft: V;
  readonly published: V | null;
  readonly diff: {
    readonly moved: readonly Change[];
    readonly added: readonly Change[];
    readonly cancelled: readonly Change[];
    readonly unchanged: number;
    readonly affected: readonly Affected[];
  };
}

export interface ChangeView {
  /** `C01 Corporate – S01 Startup` */
  readonly meeting: string;
  /** `2026-05-12 09:00–09:20 · Room Table`, or null when the meeting was not there. */
  readonly before: string | null;
  readonly after: string | null;
}

export interface ChangeGroupView {
  readonly kind: 'moved' | 'added' | 'cancelled';
  readonly changes: readonly ChangeView[];
}

export interface PublishView<V> {
  readonly draft: V;
  readonly published: V | null;
  readonly counts: { readonly moved: number; readonly added: number; readonly cancelled: number };
  readonly unchanged: number;
  /** Only the groups with changes, in the order moved, added, cancelled. */
  readonly groups: readonly ChangeGroupView[];
  readonly affected: readonly {
    readonly label: string;
    readonly changes: number;
    /** Who is told, `Name <address>` comma separated; empty when the organization has nobody to tell. */
    readonly contacts: string;
  }[];
}

export function placeText(place: Place, lang: Language): string {
  const room = lang === 'ko' ? place.roomNameKo : place.roomNameEn;
  return `${place.date} ${place.startTime}–${place.endTime} · ${room} ${place.tableLabel}`;
}

export function organizationText(organization: Organization, lang: Language): string {
  return `${organization.code} ${localName(organization, lang)}`;
}

function changeView(change: Change, lang: Language): ChangeView {
  return {
    meeting: `${organizationText(change.requester, lang)} – ${organizationText(change.requested, lang)}`,
    before: change.before ? placeText(change.before, lang) : null,
    after: change.after ? placeText(change.after, lang) : null,
  };
}

export function publishView<V>(preview: PublishPreviewInput<V> | null, lang: Language): PublishView<V> | null {
  if (!preview) return null;
  const { diff } = preview;
  const kinds = ['moved', 'added', 'cancelled'] as const;
  return {
    draft: preview.draft,
    published: preview.published,
    counts: { moved: diff.moved.length, added: diff.added.length, cancelled: diff.cancelled.length },
    unchanged: diff.unchanged,
    groups: kinds
      .filter((kind) => diff[kind].length > 0)
      .map((kind) => ({ kind, changes: diff[kind].map((change) => changeView(change, lang)) })),
    affected: diff.affected.map((organization) => ({
      label: organizationText(organization, lang),
      changes: organization.changes,
      contacts: organization.representatives.map(contact).join(', '),
    })),
  };
}

// Why a meeting is unscheduled, in the page's language: the stored explanation code and params (see
// engine/explain.ts) filled into the `unscheduled` catalog area, naming organizations and meetings as the page does.
// Rows kept before params existed, and codes the catalog has no sentence for, show the stored English reason.
import { catalogs, translate, type Language } from '../../i18n/index.js';

export interface StoredReason {
  readonly code: string;
  readonly reason: string;
  /** JSON of the explanation's params, or null. */
  readonly params: string | null;
}

export interface ReasonNames {
  /** An organization code (a participant id of the problem) as the page names it. */
  readonly organization: (code: string) => string;
  /** A problem meeting id as the page names it. */
  readonly meeting: (id: string) => string;
}

type Params = Readonly<Record<string, unknown>>;

/** As many names as the English reason lists; the rest are counted. */
const MAX_NAMED = 5;
const OBSTACLES = ['dayCap', 'precedence', 'busy', 'tableTaken', 'breakCap'] as const;

/** The stored params of an explanation, or null when absent or unreadable. */
export function storedParams(json: string | null): Params | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : null;
  } catch {
    return null;
  }
}

export function localizedReason(language: Language, stored: StoredReason, names: ReasonNames): string {
  return wordedReason(language, { code: stored.code, reason: stored.reason, params: storedParams(stored.params) }, names);
}

/** An engine explanation in the given language; its English `reason` when the facts or a sentence are missing. */
export function wordedReason(
  language: Language,
  explanation: { readonly code: string; readonly reason: string; readonly params?: Params | null | undefined },
  names: ReasonNames,
): string {
  const params = explanation.params;
  if (!params) return explanation.reason;
  const variant = typeof params.variant === 'string' ? `.${params.variant}` : '';
  const key = `unscheduled.reason.${explanation.code}${variant}`;
  if (!(key in catalogs[language])) return explanation.reason;
  return translate(language, key, new Wording(language, params, names).placeholders());
}

/** The placeholders of every sentence, from whichever params the explanation has. */
class Wording {
  constructor(
    private readonly language: Language,
    private readonly params: Params,
    private readonly names: ReasonNames,
  ) {}

  private t(key: string, values: Readonly<Record<string, string | number>> = {}): string {
    return translate(this.language, `unscheduled.${key}`, values);
  }

  private text(name: string): string {
    const value = this.params[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }

  private strings(name: string): string[] {
    const value = this.params[name];
    return Array.isArray(value) ? value.map(String) : [];
  }

  private organization(name: string): string {
    return this.names.organization(this.text(name));
  }

  private list(items: readonly string[]): string {
    const unique = [...new Set(items)];
    const named = unique.slice(0, MAX_NAMED).join(', ');
    return unique.length > MAX_NAMED ? this.t('more', { list: named, count: unique.length - MAX_NAMED }) : named;
  }

  /** Parallel lists under one prefix, as rows in the order given. */
  private rows(fields: readonly string[]): string[][] {
    const columns = fields.map((field) => this.strings(field));
    return (columns[0] ?? []).map((_, i) => columns.map((column) => column[i] ?? ''));
  }

  /**
   * Rows grouped by what `group` says of them, in the order first seen; each group worded by `key`, with the
   * `item` of its rows listed under the placeholder `items`.
   */
  private grouped(
    rows: readonly string[][],
    key: string,
    group: (row: readonly string[]) => Record<string, string>,
    item: (row: readonly string[]) => string,
    items: string,
  ): string {
    const groups = new Map<string, { values: Record<string, string>; listed: string[] }>();
    for (const row of rows) {
      const values = group(row);
      const id = JSON.stringify(values);
      const entry = groups.get(id) ?? { values, listed: [] };
      entry.listed.push(item(row));
      groups.set(id, entry);
    }
    return [...groups.values()]
      .map(({ values, listed }) => this.t(key, { ...values, [items]: this.list(listed) }))
      .join('; ');
  }

  private heldAt(row: readonly string[]): string {
    return this.t('heldAt', { meeting: this.names.meeting(row[1]!), slot: row[2]! });
  }

  private scope(): string {
    if (this.text('pinnedSlot') !== '') return this.t('scope.pinnedSlot', { slot: this.text('pinnedSlot') });
    const session = this.text('session');
    if (session === '') return '';
    const named = `unscheduled.session.${session}`;
    const name = named in catalogs[this.language] ? translate(this.language, named) : session;
    return this.t('scope.session', { session: name });
  }

  private tables(): string {
    if (this.text('pinnedTable') !== '') return this.t('table.pinned', { table: this.text('pinnedTable') });
    return this.rows(['boothParticipants', 'boothTables'])
      .map(([owner, table]) => this.t('table.booth', { participant: this.names.organization(owner!), table: table! }))
      .join(this.t('and'));
  }

  placeholders(): Record<string, string | number> {
    const count = Number(this.text('count'));
    const tables = this.tables();
    return {
      participant: this.organization('participant'),
      other: this.organization('other'),
      a: this.organization('a'),
      b: this.organization('b'),
      participants: this.list(this.strings('participants').map(this.names.organization)),
      meetings: this.list(this.strings('meetings').map(this.names.meeting)),
      slot: this.text('slot'),
      table: this.text('table'),
      cap: this.text('cap'),
      slots: this.t(count === 1 ? 'slots.one' : 'slots.other', { count }),
      scope: this.scope(),
      tables,
      booths: this.strings('boothParticipants').length > 0 ? this.t('booths', { tables }) : '',
      busy: this.grouped(
        this.rows(['busyParticipants', 'busyMeetings', 'busySlots']),
        'busyIn',
        (row) => ({ participant: this.names.organization(row[0]!) }),
        (row) => this.heldAt(row),
        'meetings',
      ),
      taken: this.grouped(
        this.rows(['takenTables', 'takenMeetings', 'takenSlots']),
        'takenBy',
        (row) => ({ table: row[0]! }),
        (row) => this.heldAt(row),
        'meetings',
      ),
      full: this.grouped(
        this.rows(['fullParticipants', 'fullCaps', 'fullDays']),
        'fullOn',
        (row) => ({ participant: this.names.organization(row[0]!), cap: row[1]! }),
        (row) => row[2]!,
        'days',
      ),
      obstacles: OBSTACLES.filter((obstacle) => typeof this.params[obstacle] === 'number')
        .map((obstacle) => this.t(`obstacle.${obstacle}`, { count: this.params[obstacle] as number }))
        .join(', '),
    };
  }
}

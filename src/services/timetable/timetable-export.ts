// The timetable leaves the app in three shapes: a CSV for Excel (one row per meeting), the event as a
// `meetgrid.problem/1` file, and a version as a `meetgrid.schedule/1` file, so `meetgrid check` can verify any
// timetable the app holds against the problem it was made for.
import { DomainError } from '../../domain/index.js';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/index.js';
import type { Language } from '../../db/index.js';
import { meetingsOfVersion, publishedVersion, type VersionRow } from '../../db/index.js';
import type { Problem, Schedule } from '../../engine/index.js';
import { translate } from '../../i18n/index.js';
import { buildProblem, type EventRow } from '../scheduling/index.js';
import { versionAsSchedule, workingVersion } from '../scheduling/index.js';

export type ExportFormat = 'csv' | 'problem' | 'schedule';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'problem', 'schedule'];

/** Nothing to export: no version of the kind asked for. `key` is the message to show. */
export class NothingToExportError extends DomainError {
  override name = 'NothingToExportError';
  constructor(key: string) {
    super('not_found', key);
  }
}

/** The draft (or, without one, the published version); with `published`, only the published version. */
function chooseVersion(db: Db, eventId: number, published: boolean): VersionRow {
  const version = published ? publishedVersion(db, eventId) : workingVersion(db, eventId);
  if (!version) {
    throw new NothingToExportError(
      published ? 'organizerSchedule.export.nothingPublished' : 'organizerSchedule.export.noTimetable',
    );
  }
  return version;
}

const CSV_COLUMNS = [
  'date',
  'start',
  'end',
  'slot',
  'room',
  'table',
  'corporateCode',
  'corporate',
  'startupCode',
  'startup',
  'locked',
] as const;

/** One row per meeting, in timetable order; UTF-8 with a BOM and CRLF so Excel opens Korean text. */
export function timetableCsv(db: Db, event: EventRow, language: Language, published = false): Buffer {
  const version = chooseVersion(db, event.id, published);
  const name = (ko: string, en: string) => (language === 'ko' ? ko || en : en || ko);
  const rows: string[][] = [CSV_COLUMNS.map((column) => translate(language, `organizerSchedule.csv.${column}`))];
  for (const meeting of meetingsOfVersion(db, version.id)) {
    if (meeting.status === 'cancelled') continue;
    const [corporate, startup] =
      meeting.requester.kind === 'startup' && meeting.requested.kind === 'corporate'
        ? [meeting.requested, meeting.requester]
        : [meeting.requester, meeting.requested];
    rows.push([
      meeting.date,
      meeting.startTime,
      meeting.endTime,
      meeting.slotCode,
      name(meeting.roomNameKo, meeting.roomNameEn),
      meeting.tableLabel,
      corporate.code,
      name(corporate.nameKo, corporate.nameEn),
      startup.code,
      name(startup.nameKo, startup.nameEn),
      meeting.locked ? translate(language, 'organizerSchedule.csv.yes') : '',
    ]);
  }
  const text = stringify(rows, { record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/**
 * The event as the engine sees it. Locked meetings become pins: those of the draft (or the published version when
 * there is no draft), or with `published` those of the published version, so a problem and a schedule exported
 * with the same flag belong together.
 */
export function problemFile(db: Db, event: EventRow, published = false): Problem {
  const version = published ? publishedVersion(db, event.id) : workingVersion(db, event.id);
  return buildProblem(db, event, { pinsFromVersionId: version?.id ?? null }).problem;
}

/** The draft (or published version) as a schedule of the event's current problem. */
export function scheduleFile(db: Db, event: EventRow, published = false): Schedule {
  const version = chooseVersion(db, event.id, published);
  return versionAsSchedule(db, buildProblem(db, event, { pinsFromVersionId: version.id }), version.id);
}

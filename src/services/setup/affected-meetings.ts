// Which meetings of the current draft and the published schedule a deletion would take away, so the organizer is
// asked first and told exactly which ones.
import type { Db } from '../../db/index.js';
import { draftVersion, meetingsOfVersion, publishedVersion, type VersionMeeting } from '../../db/index.js';

export interface AffectedMeeting {
  readonly versionNumber: number;
  readonly versionStatus: 'draft' | 'published';
  readonly date: string;
  readonly startTime: string;
  readonly slotCode: string;
  readonly tableLabel: string;
  readonly requesterCode: string;
  readonly requesterName: { readonly ko: string; readonly en: string };
  readonly requestedCode: string;
  readonly requestedName: { readonly ko: string; readonly en: string };
}

export function affectedMeetings(db: Db, eventId: number, touches: (meeting: VersionMeeting) => boolean): AffectedMeeting[] {
  const result: AffectedMeeting[] = [];
  for (const version of [publishedVersion(db, eventId), draftVersion(db, eventId)]) {
    if (!version || (version.status !== 'draft' && version.status !== 'published')) continue;
    for (const meeting of meetingsOfVersion(db, version.id)) {
      if (meeting.status === 'cancelled' || !touches(meeting)) continue;
      result.push({
        versionNumber: version.number,
        versionStatus: version.status,
        date: meeting.date,
        startTime: meeting.startTime,
        slotCode: meeting.slotCode,
        tableLabel: meeting.tableLabel,
        requesterCode: meeting.requester.code,
        requesterName: { ko: meeting.requester.nameKo, en: meeting.requester.nameEn },
        requestedCode: meeting.requested.code,
        requestedName: { ko: meeting.requested.nameKo, en: meeting.requested.nameEn },
      });
    }
  }
  return result;
}

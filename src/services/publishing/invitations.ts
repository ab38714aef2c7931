// On publish, every representative of both sides of a new, moved or cancelled meeting gets one e-mail for it, in
// their language, with their agenda link and a calendar part: METHOD:REQUEST for new and moved meetings (same UID,
// higher SEQUENCE, so calendars update the entry they have), METHOD:CANCEL for removed ones. iTIP (RFC 5546)
// allows one UID per message, hence one message per meeting. The Message-ID is derived from the version, the
// representative and the calendar UID, so publishing the same version again never enqueues a message twice.
import type { Db } from '../../db/index.js';
import {
  findEvent,
  agendaMeetingsOfVersion,
  type AgendaEvent,
  type AgendaMeetingRow,
  type AgendaRepresentative,
} from '../../db/index.js';
import { enqueueMessage, type NewOutboxMessage } from '../../db/index.js';
import { translator, type Language } from '../../i18n/index.js';
import { dayLabel } from '../agenda/index.js';
import { isCalendarVisible, meetingFingerprint, syncCalendarEntries } from '../calendar/index.js';
import { writeCalendar, type CalendarMethod, type CalendarPerson } from '../calendar/index.js';
import {
  eventName,
  eventOrganizer,
  loadOrganizations,
  organizationName,
  otherOrganizationId,
  toCalendarEvent,
  type MeetingDirectory,
} from '../calendar/index.js';
import { ensureParticipantLinks } from '../links/index.js';
import type { Actor } from '../../domain/index.js';

export interface PublishInvitations {
  readonly eventId: number;
  readonly versionId: number;
  /** The version that was published before this one, if any: only what differs from it is sent. */
  readonly previousVersionId: number | null;
  readonly publicUrl: string;
  /** Who publishes: the agenda links issued for the invitations are audited as theirs. */
  readonly actor?: Actor;
  /** The configured sender, used as the calendar ORGANIZER. */
  readonly from?: string;
}

export interface InvitationReport {
  readonly enqueued: number;
  /** Messages this version had already enqueued (a repeated publish). */
  readonly alreadyQueued: number;
  /** Representatives concerned by a change who have no e-mail address. */
  readonly withoutEmail: number;
}

type Change = 'request' | 'update' | 'cancel';

interface ChangedMeeting {
  readonly change: Change;
  readonly meeting: AgendaMeetingRow;
}

/**
 * Brings calendar entries up to date for the published version and enqueues the invitations, in one
 * transaction. Called by the publishing service right after a version is published.
 */
export function enqueueInvitationsForPublish(db: Db, input: PublishInvitations): InvitationReport {
  return db.transaction(() => {
    const event = findEvent(db, input.eventId);
    if (!event) throw new Error(`event ${input.eventId} does not exist`);
    syncCalendarEntries(db, input.eventId, input.versionId);
    const changes = changedMeetings(db, input.versionId, input.previousVersionId);
    if (changes.length === 0) return { enqueued: 0, alreadyQueued: 0, withoutEmail: 0 };
    const links = new Map(
      ensureParticipantLinks(db, input.eventId, input.publicUrl, input.actor).map((link) => [link.representativeId, link.url]),
    );
    // Everyone concerned, loaded once rather than once per meeting and side.
    const parties = new Set(changes.flatMap(({ meeting }) => [meeting.requesterId, meeting.requestedId]));
    const directory = loadOrganizations(db, [...parties]);
    const senders = new Map<Language, Sender>();
    const senderIn = (language: Language): Sender => {
      let sender = senders.get(language);
      if (!sender) {
        const name = eventName(event, language);
        sender = { t: translator(language), name, organizer: eventOrganizer(name, input.from) };
        senders.set(language, sender);
      }
      return sender;
    };
    // One DTSTAMP for the whole publish: every message of it was made at the same moment.
    const stamp = Date.now();
    let enqueued = 0;
    let alreadyQueued = 0;
    let withoutEmail = 0;
    for (const { change, meeting } of changes) {
      for (const organizationId of [meeting.requesterId, meeting.requestedId]) {
        for (const person of directory.representatives.get(organizationId) ?? []) {
          if (person.email.trim() === '') {
            withoutEmail++;
            continue;
          }
          const message = invitation({
            event,
            input,
            change,
            meeting,
            person,
            organizationId,
            directory,
            url: links.get(person.id) ?? '',
            sender: senderIn(person.language),
            stamp,
          });
          if (enqueueMessage(db, message)) enqueued++;
          else alreadyQueued++;
        }
      }
    }
    return { enqueued, alreadyQueued, withoutEmail };
  });
}

function changedMeetings(db: Db, versionId: number, previousVersionId: number | null): ChangedMeeting[] {
  const current = agendaMeetingsOfVersion(db, versionId).filter(isCalendarVisible);
  const previous = previousVersionId === null ? [] : agendaMeetingsOfVersion(db, previousVersionId).filter(isCalendarVisible);
  const before = new Map(previous.map((meeting) => [meeting.requestId, meeting]));
  const now = new Set(current.map((meeting) => meeting.requestId));
  const changes: ChangedMeeting[] = [];
  for (const meeting of current) {
    const old = before.get(meeting.requestId);
    if (!old) changes.push({ change: 'request', meeting });
    else if (meetingFingerprint(old) !== meetingFingerprint(meeting)) changes.push({ change: 'update', meeting });
  }
  for (const meeting of previous) {
    if (!now.has(meeting.requestId)) changes.push({ change: 'cancel', meeting });
  }
  return changes;
}

/** What every message in one language shares. */
interface Sender {
  readonly t: ReturnType<typeof translator>;
  readonly name: string;
  readonly organizer: CalendarPerson;
}

interface InvitationInput {
  readonly event: AgendaEvent;
  readonly input: PublishInvitations;
  readonly change: Change;
  readonly meeting: AgendaMeetingRow;
  readonly person: AgendaRepresentative;
  readonly organizationId: number;
  readonly directory: MeetingDirectory;
  readonly url: string;
  readonly sender: Sender;
  readonly stamp: number;
}

function invitation(args: InvitationInput): NewOutboxMessage {
  const { event, input, change, meeting, person, organizationId, directory, url, sender, stamp } = args;
  const language: Language = person.language;
  const { t, name } = sender;
  const other = organizationName(directory.organizations.get(otherOrganizationId(meeting, organizationId)), language);
  const method: CalendarMethod = change === 'cancel' ? 'CANCEL' : 'REQUEST';
  const uid = meeting.uid ?? '';
  const calendarEvent = toCalendarEvent(
    meeting,
    { uid, sequence: meeting.sequence ?? 0, cancelled: change === 'cancel' },
    { event, language, viewerOrganizationId: organizationId, agendaUrl: url, organizer: sender.organizer, stamp, directory },
  );
  const date = dayLabel(meeting.date, language);
  const time = `${meeting.startTime}–${meeting.endTime}`;
  const place = calendarEvent.location;
  const subjectKey = { request: 'requestSubject', update: 'updateSubject', cancel: 'cancelSubject' }[change];
  const bodyKey = { request: 'requestBody', update: 'updateBody', cancel: 'cancelBody' }[change];
  const text = [
    t('participants.mail.greeting', { name: person.name }),
    '',
    t(`participants.mail.${bodyKey}`, { name: other, date, time, place }),
    t('participants.mail.timezone', { zone: event.timezone }),
    '',
    t('participants.mail.agendaLink', { url }),
    '',
    `— ${name}`,
  ].join('\n');
  return {
    eventId: event.id,
    representativeId: person.id,
    messageId: `<v${input.versionId}.r${person.id}.${uid.replace(/@.*$/, '')}@meetgrid>`,
    toAddress: person.email.trim(),
    subject: t(`participants.mail.${subjectKey}`, { event: name, name: other, date, time: meeting.startTime }),
    textBody: text,
    htmlBody: null,
    icsMethod: method,
    icsBody: writeCalendar(method, [calendarEvent]),
  };
}

// Meeting requests on the requests page: list by status, add, change priority / status / session, remove.
// Values are checked by the same readers as requests.csv.
import type { Db } from '../../db/index.js';
import { findOrganization, listOrganizations, type OrganizationRecord } from '../../db/index.js';
import {
  countRequestsByStatus,
  deleteRequest,
  findRequest,
  insertRequest,
  listRequestViews,
  requestsBetween,
  updateRequest,
  type RequestView,
} from '../../db/index.js';
import type { RequestStatus } from '../../db/index.js';
import { affectedMeetings, type AffectedMeeting } from '../setup/index.js';
import { readPriority, readSession, readStatus } from '../csv/index.js';
import { ErrorCollector, type FormResult } from '../../domain/index.js';

export interface RequestsOverview {
  readonly requests: readonly RequestView[];
  readonly counts: Readonly<Record<RequestStatus, number>>;
  readonly organizations: readonly OrganizationRecord[];
}

export function requestsOverview(db: Db, eventId: number, status?: RequestStatus): RequestsOverview {
  return {
    requests: listRequestViews(db, eventId, status),
    counts: countRequestsByStatus(db, eventId),
    organizations: listOrganizations(db, eventId),
  };
}

export function requestById(db: Db, eventId: number, id: number): RequestView | null {
  return listRequestViews(db, eventId).find((request) => request.id === id) ?? null;
}

export type RequestForm = Readonly<
  Partial<Record<'requesterId' | 'requestedId' | 'priority' | 'status' | 'session' | 'note', string>>
>;

/** Adds (id null) or updates a request. The two organizations are fixed once the request exists. */
export function saveRequest(db: Db, eventId: number, id: number | null, form: RequestForm): FormResult<number> {
  const errors = new ErrorCollector();
  const priority = readPriority(form.priority ?? '');
  if (!priority.ok) errors.add('priority', priority.key, { value: form.priority ?? '' });
  const status = readStatus(form.status ?? '');
  if (!status.ok) errors.add('status', status.key, { value: form.status ?? '' });
  const session = readSession(form.session ?? '');
  if (!session.ok) errors.add('session', session.key, { value: form.session ?? '' });
  const note = (form.note ?? '').trim();
  if (note.length > 1000) errors.add('note', 'organizerData.requests.noteTooLong', { max: 1000 });

  let pair: { requesterId: number; requestedId: number } | null = null;
  if (id === null) {
    const requester = organization(db, eventId, form.requesterId);
    const requested = organization(db, eventId, form.requestedId);
    if (!requester) errors.add('requesterId', 'organizerData.requests.pickOrganization');
    if (!requested) errors.add('requestedId', 'organizerData.requests.pickOrganization');
    if (requester && requested) {
      if (requester.id === requested.id) errors.add('requestedId', 'organizerData.csv.error.selfRequest', { value: requester.code });
      else if (requestsBetween(db, eventId, requester.id, requested.id).length > 0) {
        errors.add('requestedId', 'organizerData.requests.pairExists', { requester: requester.code, requested: requested.code });
      } else pair = { requesterId: requester.id, requestedId: requested.id };
    }
  } else if (!findRequest(db, eventId, id)) errors.add('id', 'organizerData.requests.notFound');
  if (!errors.empty || !priority.ok || !status.ok || !session.ok) return errors.fail();
  const fields = { priority: priority.value, status: status.value, session: session.value, note };
  if (id !== null) {
    updateRequest(db, id, fields);
    return { ok: true, value: id };
  }
  if (!pair) return errors.fail();
  return { ok: true, value: insertRequest(db, eventId, pair.requesterId, pair.requestedId, fields) };
}

function organization(db: Db, eventId: number, raw: string | undefined): OrganizationRecord | undefined {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? findOrganization(db, eventId, id) : undefined;
}

/** Accept or decline in one click from the list. */
export function setRequestStatus(db: Db, eventId: number, id: number, status: RequestStatus): boolean {
  if (!findRequest(db, eventId, id)) return false;
  updateRequest(db, id, { status });
  return true;
}

export function meetingsOfRequest(db: Db, eventId: number, id: number): AffectedMeeting[] {
  return affectedMeetings(db, eventId, (meeting) => meeting.requestId === id);
}

export type RemoveRequestResult =
  | { readonly removed: true }
  | { readonly removed: false; readonly meetings: readonly AffectedMeeting[] };

/** Removes the request, unless it is scheduled and the organizer has not confirmed. */
export function removeRequest(db: Db, eventId: number, id: number, confirmed: boolean): RemoveRequestResult | null {
  if (!findRequest(db, eventId, id)) return null;
  return db.transaction(() => {
    const meetings = meetingsOfRequest(db, eventId, id);
    if (meetings.length > 0 && !confirmed) return { removed: false, meetings };
    deleteRequest(db, id);
    return { removed: true };
  });
}

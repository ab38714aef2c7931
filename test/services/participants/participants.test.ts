import t, { type Test } from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { findOrganizationByCode, representativesOf } from '../../../src/db/repositories/organization-repository.js';
import { listRequests } from '../../../src/db/repositories/request-repository.js';
import {
  listParticipants,
  meetingsOfOrganization,
  participantDetail,
  removeOrganization,
  saveOrganization,
  saveRepresentative,
  saveUnavailability,
} from '../../../src/services/participants/participants.js';
import { saveRequest } from '../../../src/services/requests/requests.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';
import { saveGreedyDraft } from '../../helpers/greedy-draft.js';

function setup(t: Test) {
  const handle = openDatabase(':memory:');
  t.teardown(() => handle.close());
  return { db: handle.db, event: createSmallEvent(handle.db, { days: 2 }) };
}

t.test('the list carries booths, representatives, unavailability and request counts', (t) => {
  const { db, event } = setup(t);
  const rows = listParticipants(db, event.eventId);
  t.equal(rows.length, 12);
  t.match(rows.find((r) => r.code === 'corp-01'), { booth: 'B-1', requestCount: 5 });
  t.equal(rows.find((r) => r.code === 'corp-01')?.representatives.length, 2);
  t.match(rows.find((r) => r.code === 'st-03'), { booth: null, requestCount: 3 });
  t.end();
});

t.test('forms are checked with the import rules; a rejected form saves nothing', (t) => {
  const { db, event } = setup(t);
  const bad = saveOrganization(db, event.eventId, null, { code: 'x y', kind: 'investor', nameKo: ' ', maxMeetings: '-1' });
  t.notOk(bad.ok);
  if (!bad.ok) t.same(Object.keys(bad.errors).sort(), ['code', 'kind', 'maxMeetings', 'nameKo']);
  const id = event.organizationIdByCode['st-01']!;
  const renamed = saveOrganization(db, event.eventId, id, { code: 'st-01x', kind: 'startup', nameKo: '마루센서', maxMeetingsPerDay: '4' });
  t.ok(renamed.ok);
  t.match(findOrganizationByCode(db, event.eventId, 'st-01x'), { id, nameEn: '마루센서', maxMeetingsPerDay: 4, maxMeetings: null });
  const other = saveOrganization(db, event.eventId, 999, { code: 'zz', kind: 'startup', nameKo: 'z' });
  t.notOk(other.ok, 'an organization of no event is not found');

  const rep = saveRepresentative(db, event.eventId, id, null, { name: '', email: 'x', language: 'jp' });
  t.notOk(rep.ok);
  if (!rep.ok) t.same(Object.keys(rep.errors).sort(), ['email', 'language', 'name']);
  t.equal(representativesOf(db, id).length, 1);
  t.end();
});

t.test('unavailability from ticked slots and half-days; a slot of another event is refused', (t) => {
  const { db, event } = setup(t);
  const other = createSmallEvent(db, { slug: 'other' });
  const id = event.organizationIdByCode['corp-02']!;
  const saved = saveUnavailability(db, event.eventId, id, [String(event.slotIdByCode['d1-01'])], ['d2-am']);
  t.same(saved, { ok: true, value: 6 });
  const detail = participantDetail(db, event.eventId, id);
  t.same(
    detail?.halfDays.map((h) => [h.code, h.slots.filter((s) => s.unavailable).length]),
    [
      ['d1-am', 1],
      ['d1-pm', 0],
      ['d2-am', 5],
      ['d2-pm', 0],
    ],
  );
  const foreign = saveUnavailability(db, event.eventId, id, [String(other.slotIdByCode['d1-01'])], ['d3-am']);
  t.notOk(foreign.ok);
  t.equal(participantDetail(db, event.eventId, id)?.halfDays.flatMap((h) => h.slots).filter((s) => s.unavailable).length, 6);
  t.end();
});

t.test('removing an organization with meetings needs confirmation and takes its requests along', (t) => {
  const { db, event } = setup(t);
  saveGreedyDraft(db, event.eventId);
  const id = event.organizationIdByCode['st-02']!;
  t.equal(meetingsOfOrganization(db, event.eventId, id).length, 2);
  const asked = removeOrganization(db, event.eventId, id, false);
  t.match(asked, { removed: false, meetings: [{ versionStatus: 'draft' }, { versionStatus: 'draft' }] });
  t.ok(findOrganizationByCode(db, event.eventId, 'st-02'));
  t.same(removeOrganization(db, event.eventId, id, true), { removed: true });
  t.notOk(findOrganizationByCode(db, event.eventId, 'st-02'));
  t.notOk(listRequests(db, event.eventId).some((r) => r.requesterId === id || r.requestedId === id));
  t.equal(removeOrganization(db, event.eventId, id, true), null);
  t.end();
});

t.test('a request between organizations of another event is refused', (t) => {
  const { db, event } = setup(t);
  const other = createSmallEvent(db, { slug: 'other' });
  const result = saveRequest(db, event.eventId, null, {
    requesterId: String(other.organizationIdByCode['st-01']),
    requestedId: String(event.organizationIdByCode['corp-03']),
  });
  t.notOk(result.ok);
  if (!result.ok) t.same(Object.keys(result.errors), ['requesterId']);
  t.end();
});

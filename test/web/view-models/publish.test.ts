import t from 'tap';
import { organizationText, placeText, publishView } from '../../../src/web/view-models/publish.js';

const corporate = { code: 'C01', nameKo: '대기업', nameEn: 'Bigcorp' };
const startup = { code: 'S01', nameKo: '스타트업', nameEn: 'Startup' };
const place = { date: '2026-05-12', startTime: '09:00', endTime: '09:20', tableLabel: 'T1', roomNameKo: '홀', roomNameEn: 'Hall' };
const later = { ...place, startTime: '10:00', endTime: '10:20' };

t.test('places and organizations are written in the reader language', async (t) => {
  t.equal(placeText(place, 'ko'), '2026-05-12 09:00–09:20 · 홀 T1');
  t.equal(placeText(place, 'en'), '2026-05-12 09:00–09:20 · Hall T1');
  t.equal(organizationText(corporate, 'en'), 'C01 Bigcorp');
  t.equal(organizationText(corporate, 'ko'), 'C01 대기업');
});

t.test('no draft, no view', async (t) => {
  t.equal(publishView(null, 'en'), null);
});

t.test('the diff becomes groups with changes only, counts and who is told', async (t) => {
  const view = publishView(
    {
      draft: { number: 2 },
      published: { number: 1 },
      diff: {
        moved: [{ requester: corporate, requested: startup, before: place, after: later }],
        added: [],
        cancelled: [{ requester: startup, requested: corporate, before: place, after: null }],
        unchanged: 7,
        affected: [
          { ...corporate, changes: 2, representatives: [{ name: 'Kim', email: 'kim@example.com' }, { name: 'Lee', email: null }] },
          { ...startup, changes: 2, representatives: [] },
        ],
      },
    },
    'en',
  );
  t.ok(view);
  if (!view) return;
  t.same(view.counts, { moved: 1, added: 0, cancelled: 1 });
  t.equal(view.unchanged, 7);
  t.same(
    view.groups.map((group) => group.kind),
    ['moved', 'cancelled'],
  );
  t.same(view.groups[0]?.changes[0], {
    meeting: 'C01 Bigcorp – S01 Startup',
    before: '2026-05-12 09:00–09:20 · Hall T1',
    after: '2026-05-12 10:00–10:20 · Hall T1',
  });
  t.equal(view.groups[1]?.changes[0]?.after, null);
  t.same(view.affected, [
    { label: 'C01 Bigcorp', changes: 2, contacts: 'Kim <kim@example.com>, Lee' },
    { label: 'S01 Startup', changes: 2, contacts: '' },
  ]);
  t.same(view.draft, { number: 2 });
});

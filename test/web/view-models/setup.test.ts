import t from 'tap';
import { capacityView, roomsView } from '../../../src/web/view-models/setup.js';

t.test('overloaded organizations carry their name in the reader language; the rest is kept', async (t) => {
  const capacity = {
    fits: false,
    overloaded: [{ code: 'C01', nameKo: '대기업', nameEn: 'Bigcorp', reason: 'meetings', meetings: 12, limit: 10 }],
  };
  const en = capacityView(capacity, 'en');
  t.equal(en.fits, false);
  t.equal(en.overloaded[0]?.name, 'Bigcorp');
  t.equal(en.overloaded[0]?.limit, 10);
  t.equal(capacityView(capacity, 'ko').overloaded[0]?.name, '대기업');
});

t.test('rooms carry their name in the reader language and keep both stored names', async (t) => {
  const rooms = [{ id: 1, nameKo: '그랜드홀', nameEn: 'Grand Hall', position: 1 }];
  t.same(roomsView(rooms, 'en'), [{ id: 1, nameKo: '그랜드홀', nameEn: 'Grand Hall', position: 1, name: 'Grand Hall' }]);
  t.equal(roomsView(rooms, 'ko')[0]?.name, '그랜드홀');
});

import t from 'tap';
import {
  allFlagged,
  codedNames,
  contact,
  eventUrl,
  formErrors,
  formValues,
  keysStartingWith,
  lines,
  list,
  loadPercent,
  localName,
  names,
  percent,
  scoped,
  slotLine,
  viewHelpers,
} from '../../../src/web/view-models/helpers.js';

t.test('the name in the reader language', async (t) => {
  const room = { nameKo: '그랜드홀', nameEn: 'Grand Hall' };
  t.equal(localName(room, 'ko'), '그랜드홀');
  t.equal(localName(room, 'en'), 'Grand Hall');
});

t.test('percentages are whole, and a dash when there is nothing to measure', async (t) => {
  t.equal(percent(null), '–');
  t.equal(percent(0), '0%');
  t.equal(percent(0.666), '67%');
  t.equal(percent(1), '100%');
});

t.test('loads against capacity keep the space before the sign; unbounded is a dash', async (t) => {
  t.equal(loadPercent(0), '0 %');
  t.equal(loadPercent(0.854), '85 %');
  t.equal(loadPercent(Infinity), '–');
});

t.test('descriptions one per line, empty without items', async (t) => {
  t.equal(lines(['a', 'b'], (item) => item.toUpperCase()), 'A\nB');
  t.equal(lines(null, String), '');
  t.equal(lines([], String), '');
});

t.test('a scoped translator prefixes its keys and passes the parameters on', async (t) => {
  const seen: unknown[] = [];
  const tr = scoped((key, params) => {
    seen.push(params);
    return `[${key}]`;
  }, 'area.page.');
  t.equal(tr('title'), '[area.page.title]');
  tr('count', { count: 2 });
  t.same(seen, [undefined, { count: 2 }]);
});

t.test('event URLs escape the slug', async (t) => {
  t.equal(eventUrl('gsat-2025'), '/events/gsat-2025');
  t.equal(eventUrl('a b/c'), '/events/a%20b%2Fc');
});

t.test('lists of names, coded names, contacts and slots', async (t) => {
  t.equal(names([]), '');
  t.equal(list(['Kim', 'Lee']), 'Kim, Lee');
  t.equal(names([{ name: 'Kim' }, { name: 'Lee' }]), 'Kim, Lee');
  t.equal(codedNames([{ code: 'S01', name: 'Alpha' }, { code: 'S02', name: 'Beta' }]), 'S01 Alpha, S02 Beta');
  t.equal(contact({ name: 'Kim', email: 'kim@example.com' }), 'Kim <kim@example.com>');
  t.equal(contact({ name: 'Kim', email: '' }), 'Kim');
  t.equal(contact({ name: 'Kim', email: null }), 'Kim');
  t.equal(slotLine([{ code: 'A1', startTime: '09:00' }, { code: 'A2', startTime: '09:25' }]), 'A1 09:00 · A2 09:25');
});

t.test('keys by prefix and flags over a list', async (t) => {
  t.same(keysStartingWith({ breaks: 'x', date: 'y', breaks1: 'z' }, 'breaks'), ['breaks', 'breaks1']);
  t.equal(allFlagged([{ unavailable: true }, { unavailable: true }], 'unavailable'), true);
  t.equal(allFlagged([{ unavailable: true }, { unavailable: false }], 'unavailable'), false);
  t.equal(allFlagged([], 'unavailable'), true);
});

t.test('a form shows its own submission and errors only when it is the one that failed', async (t) => {
  const state = { form: 'room-3', values: { name: 'typed' }, errors: { name: 'required' } };
  t.same(formValues(state, 'room-3', { name: 'stored' }), { name: 'typed' });
  t.same(formValues(state, 'room-4', { name: 'stored' }), { name: 'stored' });
  t.same(formErrors(state, 'room-3'), { name: 'required' });
  t.same(formErrors(state, 'room-4'), {});
  t.same(formErrors({ form: null, errors: { x: 'y' } }, 'room-3'), {});
});

t.test('the helpers given to the templates are these functions', async (t) => {
  t.equal(viewHelpers.percent, percent);
  t.equal(viewHelpers.localName, localName);
});

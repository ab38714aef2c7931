import t from 'tap';
import { catalogs, translate } from '../../src/i18n/catalog.js';

t.test('Korean and English catalogs have the same keys', (t) => {
  const ko = Object.keys(catalogs.ko).sort();
  const en = Object.keys(catalogs.en).sort();
  t.same(
    ko.filter((key) => !en.includes(key)),
    [],
    'keys only in Korean',
  );
  t.same(
    en.filter((key) => !ko.includes(key)),
    [],
    'keys only in English',
  );
  for (const [key, value] of Object.entries(catalogs.en)) t.ok(value.length > 0, `${key} is not empty`);
  t.end();
});

t.test('translate fills placeholders and shows a missing key', (t) => {
  t.equal(translate('en', 'common.save'), 'Save');
  t.equal(translate('ko', 'common.save'), '저장');
  t.equal(translate('en', 'no.such.key'), 'no.such.key');
  t.end();
});

import t from 'tap';
import { DznSyntaxError, intArrayField, intField, intMatrixField, parseDzn, setArrayField } from '../../bench/dzn.js';

t.test('parses the value forms of MiniZinc data, with comments', (t) => {
  const data = parseDzn(`
    % a line comment
    n = 3;  /* a block
               comment */
    neg = -4;
    flag = true;
    r = 2..4;
    s = {1, 3..5, 0};
    e = {};
    a = [1, 2, 3,];
    sets = [{0}, {}, {2,7}];
    m = [| 1, 2, 3, | 4, 5, 6, |];
    plain = [| 1, 2 | 3, 4 |];
    g = array2d(1..2, 1..3, [1,2,3,4,5,6]);
    h = array1d(1..2, [7, 8]);
  `);
  t.equal(intField(data, 'n'), 3);
  t.equal(intField(data, 'neg'), -4);
  t.same(data.get('flag'), { kind: 'bool', value: true });
  t.same(data.get('r'), { kind: 'set', values: [2, 3, 4] });
  t.same(data.get('s'), { kind: 'set', values: [1, 3, 4, 5, 0] });
  t.same(data.get('e'), { kind: 'set', values: [] });
  t.same(intArrayField(data, 'a'), [1, 2, 3]);
  t.same(setArrayField(data, 'sets'), [[0], [], [2, 7]]);
  t.same(intMatrixField(data, 'm', 3), [[1, 2, 3], [4, 5, 6]]);
  t.same(intMatrixField(data, 'plain', 2), [[1, 2], [3, 4]]);
  t.same(intMatrixField(data, 'g', 3), [[1, 2, 3], [4, 5, 6]]);
  t.same(intArrayField(data, 'h'), [7, 8]);
  t.same(intMatrixField(parseDzn('z = [| |];'), 'z', 3), []);
  t.end();
});

t.test('syntax errors name the line', (t) => {
  const cases: [string, RegExp][] = [
    ['a = 1;\nb = [1, 2;\n', /^line 2: expected ",", found ";"/],
    ['a = 1;\nb = 2\nc = 3;', /^line 3: expected ";", found "c"/],
    ['a = 1;\n\n/* open', /^line 3: unterminated \/\* comment/],
    ['a = 1;\na = 2;', /^line 2: "a" is assigned twice/],
    ['x = [| 1, 2 | 3 |];', /row 2 of a 2-d array has 1 values, row 1 has 2/],
    ['x = array2d(1..2, 1..2, [1, 2, 3]);', /array2d: 3 values given for 4 positions/],
    ['x = "text";', /^line 1: unexpected """/],
    ['x = foo;', /unsupported value "foo"/],
    ['= 3;', /expected a name, found "="/],
    ['x = 99999999999999999999;', /too large/],
  ];
  for (const [source, message] of cases) {
    t.throws(() => parseDzn(source), DznSyntaxError, source);
    t.throws(() => parseDzn(source), { message }, source);
  }
  t.end();
});

t.test('typed accessors name the field', (t) => {
  const data = parseDzn('n = {1}; a = [1, {2}]; m = [| 1, 2 |]; s = [1];');
  t.throws(() => intField(data, 'missing'), { message: 'missing: missing' });
  t.throws(() => intField(data, 'n'), { message: 'n: expected a whole number, found a set' });
  t.throws(() => intArrayField(data, 'a'), { message: 'a[2]: expected a whole number, found a set' });
  t.throws(() => intMatrixField(data, 'm', 3), { message: 'm[1]: expected 3 columns, found 2' });
  t.throws(() => intMatrixField(data, 'a', 3), { message: 'a: expected a 2-d array, found an array' });
  t.throws(() => setArrayField(data, 's'), { message: 's[1]: expected a set, found int 1' });
  t.throws(() => intArrayField(data, 'm'), { message: 'm: expected an array, found a 2-d array' });
  t.end();
});

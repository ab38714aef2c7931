// A parser for the subset of MiniZinc data (.dzn) syntax that benchmark files use: `name = value;` items whose
// values are integers, booleans, ranges, sets `{…}`, 1-d arrays `[…]`, 2-d arrays `[| … | … |]` and
// `array1d`/`array2d(range, range, […])`, with `%` line comments and `/* */` block comments.
// Errors carry the line number, because the files are large and hand-edited.

export type DznValue =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'set'; readonly values: readonly number[] }
  | { readonly kind: 'array'; readonly values: readonly DznValue[] }
  | { readonly kind: 'array2d'; readonly rows: readonly (readonly DznValue[])[] };

export type DznData = ReadonlyMap<string, DznValue>;

export class DznSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'DznSyntaxError';
  }
}

type TokenKind = 'ident' | 'int' | 'punct' | 'eof';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
}

const PUNCTUATION = ['[|', '|]', '..', '[', ']', '{', '}', '(', ')', ',', ';', '=', '|'] as const;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\n') {
      line += 1;
      i += 1;
    } else if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '%') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new DznSyntaxError('unterminated /* comment', line);
      for (let j = i; j < end; j += 1) if (source[j] === '\n') line += 1;
      i = end + 2;
    } else if (/[0-9-]/.test(ch)) {
      const match = /^-?[0-9]+/.exec(source.slice(i, i + 32));
      if (!match) throw new DznSyntaxError(`unexpected "${ch}"`, line);
      tokens.push({ kind: 'int', text: match[0], line });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 256))!;
      tokens.push({ kind: 'ident', text: match[0], line });
      i += match[0].length;
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
      if (!punct) throw new DznSyntaxError(`unexpected "${ch}"`, line);
      tokens.push({ kind: 'punct', text: punct, line });
      i += punct.length;
    }
  }
  tokens.push({ kind: 'eof', text: 'end of file', line });
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseItems(): Map<string, DznValue> {
    const data = new Map<string, DznValue>();
    while (this.peek().kind !== 'eof') {
      const name = this.next();
      if (name.kind !== 'ident') throw new DznSyntaxError(`expected a name, found "${name.text}"`, name.line);
      if (data.has(name.text)) throw new DznSyntaxError(`"${name.text}" is assigned twice`, name.line);
      this.expect('=');
      data.set(name.text, this.parseValue());
      this.expect(';');
    }
    return data;
  }

  private parseValue(): DznValue {
    const token = this.peek();
    if (token.kind === 'int') {
      const low = this.parseInt();
      if (this.accept('..')) return { kind: 'set', values: range(low, this.parseInt(), token.line) };
      return { kind: 'int', value: low };
    }
    if (token.kind === 'ident') {
      if (token.text === 'true' || token.text === 'false') {
        this.next();
        return { kind: 'bool', value: token.text === 'true' };
      }
      if (token.text === 'array1d') return this.parseArrayNd(1);
      if (token.text === 'array2d') return this.parseArrayNd(2);
      throw new DznSyntaxError(`unsupported value "${token.text}"`, token.line);
    }
    if (this.accept('{')) return { kind: 'set', values: this.parseSetBody() };
    if (this.accept('[|')) return { kind: 'array2d', rows: this.parse2dBody() };
    if (this.accept('[')) return { kind: 'array', values: this.parseList(']') };
    throw new DznSyntaxError(`expected a value, found "${token.text}"`, token.line);
  }

  private parseInt(): number {
    const token = this.next();
    if (token.kind !== 'int') throw new DznSyntaxError(`expected a whole number, found "${token.text}"`, token.line);
    const value = Number(token.text);
    if (!Number.isSafeInteger(value)) throw new DznSyntaxError(`number ${token.text} is too large`, token.line);
    return value;
  }

  private parseSetBody(): number[] {
    const values: number[] = [];
    if (this.accept('}')) return values;
    for (;;) {
      const line = this.peek().line;
      const low = this.parseInt();
      if (this.accept('..')) values.push(...range(low, this.parseInt(), line));
      else values.push(low);
      if (this.accept('}')) return values;
      this.expect(',');
    }
  }

  private parseList(close: string): DznValue[] {
    const values: DznValue[] = [];
    if (this.accept(close)) return values;
    for (;;) {
      values.push(this.parseValue());
      if (this.accept(close)) return values;
      this.expect(',');
      // MiniZinc allows a trailing comma before the closing bracket.
      if (this.accept(close)) return values;
    }
  }

  // Rows are separated by `|`; a trailing comma before `|` or `|]` is allowed (the benchmark files use it).
  private parse2dBody(): DznValue[][] {
    const rows: DznValue[][] = [];
    if (this.accept('|]')) return rows;
    let row: DznValue[] = [];
    for (;;) {
      row.push(this.parseValue());
      this.accept(',');
      if (this.accept('|]')) {
        rows.push(row);
        break;
      }
      if (this.accept('|')) {
        rows.push(row);
        row = [];
        if (this.accept('|]')) break;
      }
    }
    const width = rows[0]?.length ?? 0;
    rows.forEach((r, i) => {
      if (r.length !== width) {
        throw new DznSyntaxError(`row ${i + 1} of a 2-d array has ${r.length} values, row 1 has ${width}`, this.peek().line);
      }
    });
    return rows;
  }

  private parseArrayNd(dimensions: 1 | 2): DznValue {
    const start = this.next();
    this.expect('(');
    const sizes: number[] = [];
    for (let d = 0; d < dimensions; d += 1) {
      const index = this.parseValue();
      if (index.kind !== 'set') throw new DznSyntaxError(`${start.text}: index ${d + 1} must be a range`, start.line);
      sizes.push(index.values.length);
      this.expect(',');
    }
    this.expect('[');
    const flat = this.parseList(']');
    this.expect(')');
    const expected = sizes.reduce((a, b) => a * b, 1);
    if (flat.length !== expected) {
      throw new DznSyntaxError(`${start.text}: ${flat.length} values given for ${expected} positions`, start.line);
    }
    if (dimensions === 1) return { kind: 'array', values: flat };
    const width = sizes[1]!;
    const rows: DznValue[][] = [];
    for (let r = 0; r < sizes[0]!; r += 1) rows.push(flat.slice(r * width, (r + 1) * width));
    return { kind: 'array2d', rows };
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private accept(text: string): boolean {
    const token = this.peek();
    if (token.kind === 'punct' && token.text === text) {
      this.index += 1;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    const token = this.peek();
    if (!this.accept(text)) throw new DznSyntaxError(`expected "${text}", found "${token.text}"`, token.line);
  }
}

function range(low: number, high: number, line: number): number[] {
  if (high - low > 1_000_000) throw new DznSyntaxError(`range ${low}..${high} is too large`, line);
  const values: number[] = [];
  for (let v = low; v <= high; v += 1) values.push(v);
  return values;
}

export function parseDzn(source: string): DznData {
  return new Parser(tokenize(source)).parseItems();
}

// Typed accessors: the converter names the field in every complaint.

function get(data: DznData, name: string): DznValue {
  const value = data.get(name);
  if (!value) throw new Error(`${name}: missing`);
  return value;
}

function asInt(value: DznValue, where: string): number {
  if (value.kind !== 'int') throw new Error(`${where}: expected a whole number, found ${describe(value)}`);
  return value.value;
}

function asSet(value: DznValue, where: string): readonly number[] {
  if (value.kind !== 'set') throw new Error(`${where}: expected a set, found ${describe(value)}`);
  return value.values;
}

function describe(value: DznValue): string {
  if (value.kind === 'int' || value.kind === 'bool') return `${value.kind} ${value.value}`;
  return { set: 'a set', array: 'an array', array2d: 'a 2-d array' }[value.kind];
}

function asArray(data: DznData, name: string): readonly DznValue[] {
  const value = get(data, name);
  if (value.kind !== 'array') throw new Error(`${name}: expected an array, found ${describe(value)}`);
  return value.values;
}

export function intField(data: DznData, name: string): number {
  return asInt(get(data, name), name);
}

export function intArrayField(data: DznData, name: string): number[] {
  return asArray(data, name).map((v, i) => asInt(v, `${name}[${i + 1}]`));
}

export function setArrayField(data: DznData, name: string): (readonly number[])[] {
  return asArray(data, name).map((v, i) => asSet(v, `${name}[${i + 1}]`));
}

export function intMatrixField(data: DznData, name: string, columns: number): number[][] {
  const value = get(data, name);
  if (value.kind !== 'array2d') throw new Error(`${name}: expected a 2-d array, found ${describe(value)}`);
  return value.rows.map((row, r) => {
    if (row.length !== columns) throw new Error(`${name}[${r + 1}]: expected ${columns} columns, found ${row.length}`);
    return row.map((v, c) => asInt(v, `${name}[${r + 1},${c + 1}]`));
  });
}

// Collecting input errors while walking a JSON document: each error carries the JSON path of the offending field,
// and a reference to an entry that is itself broken is not reported a second time.

export interface InputError {
  readonly path: string;
  readonly message: string;
}

/** `path: message`, or the message alone for an error about the whole document. */
export function formatInputError(error: InputError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

export type Obj = Record<string, unknown>;
export type Kind = 'slot' | 'table' | 'participant' | 'meeting';

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isWhole(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

/** Collects errors while walking the document; every check reports through `fail`. */
export class Collector {
  readonly errors: InputError[] = [];
  /**
   * Kinds whose list has an entry without a usable id (missing, invalid or duplicate): a reference to an unknown id
   * of such a kind most likely points at that entry, so it is not reported twice.
   */
  private readonly incomplete = new Set<Kind>();

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  unknownFields(value: Obj, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(join(path, key), `unknown field "${key}"`);
    }
  }

  optionalString(value: Obj, key: string, path: string): string | undefined {
    const field = value[key];
    if (field === undefined) return undefined;
    if (typeof field !== 'string' || field.trim() === '') {
      this.fail(join(path, key), 'must be a non-empty string');
      return undefined;
    }
    return field;
  }

  optionalWhole(value: Obj, key: string, path: string, min: number): void {
    const field = value[key];
    if (field !== undefined && !isWhole(field, min)) this.fail(join(path, key), `must be a whole number >= ${min}`);
  }

  /** Records the element's id in `seen`; returns it when it is a usable string. */
  id(value: Obj, path: string, seen: Map<string, string>, kind: Kind): string | undefined {
    const id = value.id;
    if (typeof id !== 'string' || id.trim() === '') {
      this.fail(join(path, 'id'), 'must be a non-empty string');
      this.incomplete.add(kind);
      return undefined;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      this.fail(join(path, 'id'), `duplicate ${kind} id "${id}" (first at ${first})`);
      this.incomplete.add(kind);
    } else seen.set(id, path);
    return id;
  }

  markIncomplete(kind: Kind): void {
    this.incomplete.add(kind);
  }

  isComplete(kind: Kind): boolean {
    return !this.incomplete.has(kind);
  }

  unknown(path: string, kind: Kind, id: string): void {
    if (!this.incomplete.has(kind)) this.fail(path, `unknown ${kind} "${id}"`);
  }

  /** An optional list of known slot ids; returns the valid ones. */
  slotList(value: Obj, key: string, path: string, slots: ReadonlyMap<string, unknown>): Set<string> {
    const result = new Set<string>();
    const field = value[key];
    if (field === undefined) return result;
    if (!Array.isArray(field)) {
      this.fail(join(path, key), 'must be a list of slot ids');
      return result;
    }
    field.forEach((item: unknown, i) => {
      const itemPath = `${join(path, key)}[${i}]`;
      if (typeof item !== 'string') this.fail(itemPath, 'must be a slot id (string)');
      else if (!slots.has(item)) this.unknown(itemPath, 'slot', item);
      else result.add(item);
    });
    return result;
  }

  list(value: Obj, key: string, kind: Kind): unknown[] {
    const field = value[key];
    if (Array.isArray(field)) return field;
    this.fail(key, field === undefined ? 'is required' : 'must be a list');
    this.incomplete.add(kind);
    return [];
  }
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

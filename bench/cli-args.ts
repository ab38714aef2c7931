// The runners' shared command line: an optional filter and `--name value` options.
export interface RunnerArgs {
  readonly filter?: RegExp;
  readonly values: ReadonlyMap<string, string>;
}

export function parseRunnerArgs(args: readonly string[], known: readonly string[]): RunnerArgs {
  const values = new Map<string, string>();
  let filter: RegExp | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      if (!known.includes(arg)) throw new Error(`unknown option "${arg}" (known: ${known.join(', ')})`);
      const value = args[i + 1];
      if (value === undefined) throw new Error(`${arg}: needs a value`);
      values.set(arg, value);
      i += 1;
    } else if (filter) throw new Error(`one filter only, got "${filter.source}" and "${arg}"`);
    else filter = new RegExp(arg);
  }
  return { ...(filter ? { filter } : {}), values };
}

export function positiveNumber(args: RunnerArgs, name: string, fallback: number): number {
  const text = args.values.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`${name}: "${text}" is not a positive number`);
  return value;
}

export function optionalWhole(args: RunnerArgs, name: string): number | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text)) throw new Error(`${name}: "${text}" is not a whole number`);
  return Number(text);
}

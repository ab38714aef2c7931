// Options of the event commands (schedule, publish, export): `--name value` pairs and bare flags. Anything else is
// bad usage, reported with the option's name.
export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; problem: { key: string; option: string } };

export function parseArgs(
  args: readonly string[],
  valueOptions: readonly string[],
  flagOptions: readonly string[],
): ParseResult {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flagOptions.includes(name) && inline === undefined) flags.add(name);
    else if (valueOptions.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return { ok: false, problem: { key: 'organizerSchedule.cli.missingValue', option: name } };
      values.set(name, value);
    } else return { ok: false, problem: { key: 'organizerSchedule.cli.unknownOption', option: arg } };
  }
  return { ok: true, args: { values, flags } };
}

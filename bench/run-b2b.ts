// The B2B benchmark (Bofill et al., JAIR 2022): every instance through `meetgrid solve`, judged by the checker and
// compared with the known optimum. Usage:
//   node dist-bench/bench/run-b2b.js [FILTER-REGEX] [--time-limit S] [--seed N] [--workers N] [--exact on|off]
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { attempt, stamp, verdict, writeProblem, type Attempt } from './attempt.js';
import { optionalWhole, parseRunnerArgs, positiveNumber } from './cli-args.js';
import { convertFile } from './dzn-to-problem.js';
import { readKnownOptima, type KnownInstance } from './known-optima.js';
import { describeMachine, machine } from './machine.js';
import { markdownTable, paperTime, seconds } from './markdown.js';
import { b2bDir, resultsDir } from './paths.js';

interface Row {
  readonly known: KnownInstance;
  readonly meetings: number;
  readonly ours: Attempt;
}

function gap(row: Row): number | undefined {
  const { known, ours, meetings } = row;
  if (known.optimum === 'UNSAT' || !ours.valid || ours.scheduled !== meetings || ours.breaks === undefined) return undefined;
  return ours.breaks - known.optimum;
}

function summary(rows: readonly Row[]): string[] {
  const lines: string[] = [];
  const groups: [string, (r: Row) => boolean][] = [
    ['originals', (r) => r.known.instance.endsWith('.original')],
    ['precedence variants with a solution', (r) => !r.known.instance.endsWith('.original') && r.known.optimum !== 'UNSAT'],
  ];
  for (const [label, pick] of groups) {
    const group = rows.filter(pick);
    if (group.length === 0) continue;
    const gaps = group.map(gap);
    const at = gaps.filter((g) => g === 0).length;
    const within = gaps.filter((g) => g !== undefined && g <= 1).length;
    const below = gaps.filter((g) => g !== undefined && g < 0).length;
    lines.push(`${label}: at optimum on ${at} of ${group.length}, within +1 on ${within}${below > 0 ? `; BELOW the known optimum on ${below} (check!)` : ''}`);
  }
  const unsat = rows.filter((r) => r.known.optimum === 'UNSAT');
  if (unsat.length > 0) {
    const contradicting = unsat.filter((r) => r.ours.valid && r.ours.scheduled === r.meetings).length;
    const valid = unsat.filter((r) => r.ours.valid).length;
    const placed = unsat.map((r) => `${r.ours.scheduled ?? 0}/${r.meetings}`).join(', ');
    lines.push(`UNSAT variants (no schedule keeps d = 2): ${valid} of ${unsat.length} answers valid, placed ${placed}${contradicting > 0 ? `; ${contradicting} claim every meeting placed (contradicts the paper)` : ''}`);
  }
  const invalid = rows.filter((r) => !r.ours.valid).length;
  lines.push(`checker: ${rows.length - invalid} of ${rows.length} schedules valid`);
  return lines;
}

async function main(): Promise<void> {
  const args = parseRunnerArgs(process.argv.slice(2), ['--time-limit', '--seed', '--workers', '--exact']);
  const timeLimitS = positiveNumber(args, '--time-limit', 10);
  const seed = optionalWhole(args, '--seed') ?? 1;
  const workers = optionalWhole(args, '--workers');
  const exactText = args.values.get('--exact') ?? 'on';
  if (exactText !== 'on' && exactText !== 'off') throw new Error(`--exact: "${exactText}" is not on or off`);
  const exact = exactText === 'on';
  const dir = b2bDir();
  const instances = readKnownOptima(dir).filter((k) => !args.filter || args.filter.test(k.instance));
  if (instances.length === 0) throw new Error(`no instance matches ${args.filter}`);
  const m = machine();
  process.stderr.write(`${instances.length} instances, ${timeLimitS} s each, seed ${seed}${workers ? `, ${workers} workers` : ''}, exact member ${exactText}\n`);

  const rows: Row[] = [];
  for (const known of instances) {
    const problem = convertFile(join(dir, `${known.instance}.dzn`));
    const file = writeProblem(problem, known.instance);
    const ours = await attempt('meetgrid', problem, file, { timeLimitS, seed, exact, ...(workers ? { workers } : {}) });
    rows.push({ known, meetings: problem.meetings.length, ours });
    process.stderr.write(`${known.instance}: ${ours.scheduled ?? '-'}/${problem.meetings.length} placed, ${ours.breaks ?? '-'} breaks (optimum ${known.optimum}), ${seconds(ours.wallMs)} s, ${verdict(ours)}\n`);
  }

  const table = markdownTable(
    ['instance', 'placed', 'breaks', 'optimum', 'gap', 'max/participant', 'status', 'wall s', 'solver s', 'checker', 'MaxSAT s', 'Chuffed s', 'MIP s'],
    rows.map((r) => {
      const g = gap(r);
      return [
        r.known.instance,
        `${r.ours.scheduled ?? '–'}/${r.meetings}`,
        r.ours.breaks ?? '–',
        r.known.optimum,
        g === undefined ? '–' : g === 0 ? '0' : `+${g}`,
        r.ours.maxBreaks ?? '–',
        r.ours.status ?? '–',
        seconds(r.ours.wallMs),
        seconds(r.ours.elapsedMs),
        verdict(r.ours),
        paperTime(r.known.paperMaxSat),
        paperTime(r.known.paperChuffed),
        paperTime(r.known.paperMip),
      ];
    }),
  );
  const lines = summary(rows);
  process.stdout.write(`${describeMachine(m)}\n\n${table}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`);
  mkdirSync(resultsDir(), { recursive: true });
  const out = join(resultsDir(), `b2b-${stamp()}.json`);
  writeFileSync(out, `${JSON.stringify({ machine: m, timeLimitS, seed, workers: workers ?? 'default', exact: exactText, summary: lines, rows }, null, 2)}\n`);
  process.stderr.write(`raw results: ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`run-b2b: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

// Markdown tables for the runners' reports.
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = (row: readonly (string | number)[]): string => `| ${row.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  const rule = `|${header.map(() => ' --- ').join('|')}|`;
  return [cells(header), rule, ...rows.map(cells)].join('\n');
}

export function seconds(ms: number | undefined): string {
  return ms === undefined ? '–' : (ms / 1000).toFixed(1);
}

export function paperTime(value: number | 'TO' | undefined): string {
  return value === undefined ? '–' : value === 'TO' ? 'TO' : value.toFixed(1);
}

export function megabytes(kb: number | undefined): string {
  return kb === undefined ? '–' : String(Math.round(kb / 1024));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// A minimal writer of CPLEX LP-format text, the model format HiGHS reads.

/** A coefficient and a variable name. */
export type Term = readonly [number, string];

export class LpWriter {
  private readonly lines: string[] = [];
  rows = 0;

  static terms(terms: readonly Term[]): string {
    const parts = terms.map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${Math.abs(c) === 1 ? '' : `${Math.abs(c)} `}${v}`);
    // LP readers cap line length; a constraint may continue on following lines.
    const chunks: string[] = [];
    for (let i = 0; i < parts.length; i += 12) chunks.push(parts.slice(i, i + 12).join(' '));
    return chunks.join('\n  ');
  }

  row(terms: readonly Term[], sense: '<=' | '>=' | '=', rhs: number): void {
    if (terms.length === 0) {
      if ((sense === '<=' && rhs >= 0) || (sense === '>=' && rhs <= 0) || (sense === '=' && rhs === 0)) return;
      throw new Error(`an empty row cannot hold 0 ${sense} ${rhs}`);
    }
    this.lines.push(` r${this.rows}: ${LpWriter.terms(terms)} ${sense} ${rhs}`);
    this.rows += 1;
  }

  text(objective: readonly Term[], bounds: readonly string[], binaries: readonly string[]): string {
    const binaryLines: string[] = [];
    for (let i = 0; i < binaries.length; i += 12) binaryLines.push(` ${binaries.slice(i, i + 12).join(' ')}`);
    return [
      'Minimize',
      ` obj: ${objective.length > 0 ? LpWriter.terms(objective) : '0 x_none'}`,
      'Subject To',
      ...this.lines,
      'Bounds',
      ...bounds,
      'Binary',
      ...binaryLines,
      'End',
      '',
    ].join('\n');
  }
}

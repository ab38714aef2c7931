// Multi-row inserts in slices: one statement per row costs more than the write itself, and one statement for
// everything can pass SQLite's limit on bound parameters.
export function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => void): void {
  for (let start = 0; start < rows.length; start += size) write(rows.slice(start, start + size));
}

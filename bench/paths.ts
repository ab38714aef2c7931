// Where the benchmark data lives. The repository sits beside shared/ (here and in CI); MEETGRID_B2B_DIR overrides.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Walks up from this file to the folder holding package.json, so the answer is the same from bench/ (tests run the
// TypeScript in place) and from dist-bench/bench/ (the compiled runners).
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export function b2bDir(): string {
  return resolve(process.env.MEETGRID_B2B_DIR ?? join(repoRoot(), '..', 'shared', 'benchmarks', 'b2b-jair2022'));
}

export function resultsDir(): string {
  return join(repoRoot(), 'bench', 'results');
}

// The B2B benchmark instances kept in test/fixtures/b2b (the converter's output, checked by
// test/bench/dzn-to-problem.test.ts), validated as the engine's callers validate a problem file.
import { readFileSync } from 'node:fs';
import type { Problem } from '../../src/engine/types.js';
import { validateProblem } from '../../src/engine/validate.js';

export function b2bFixture(name: string): Problem {
  const input: unknown = JSON.parse(readFileSync(new URL(`../fixtures/b2b/${name}.json`, import.meta.url), 'utf8'));
  const result = validateProblem(input);
  if (!result.ok) throw new Error(`fixture ${name} is invalid`);
  return result.problem;
}

// The academy's real bank (byte for byte) and its illustrative key, as a rule-test case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/validators.js';

export const seedSource = readFileSync(path.join(repoRoot, 'sources/atendimento.txt'));
export const seedKey = readFileSync(path.join(repoRoot, 'sources/atendimento.key'), 'utf8');

/** A question in the raw format: number, stem, options. */
export function q(n: number, stem: string, ...options: string[]): string {
  return [String(n), stem, ...options, ''].join('\n');
}

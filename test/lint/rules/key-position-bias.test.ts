import { describe, expect, it } from 'vitest';
import rule, { gammaQ } from '../../../src/lint/rules/key-position-bias.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

function bank(letters: string[]): { source: string; key: Record<number, string> } {
  const source = letters.map((_, i) => q(i + 1, `Pergunta número ${i + 1} sobre o atendimento?`, 'Opção um', 'Opção dois', 'Opção três', 'Opção quatro')).join('\n');
  return { source, key: Object.fromEntries(letters.map((l, i) => [i + 1, l])) };
}
const cycle = Array.from({ length: 40 }, (_, i) => 'ABCD'[i % 4]!);
const mostlyA = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 'B' : 'A'));

testRule(rule, {
  good: [
    { name: 'even spread', ...bank(cycle) },
    { name: 'too few questions to judge', ...bank(mostlyA.slice(0, 10)) },
  ],
  bad: [{ name: '30 of 40 keyed A', ...bank(mostlyA), errors: [{ file: 'sources/bank.key', line: 1, column: 1, message: 'Answer keys are unevenly spread over the letters (40 questions): A 30 (expected 10), B 10 (expected 10), C 0 (expected 10), D 0 (expected 10)' }] }],
});

describe('gammaQ (chi-square upper tail)', () => {
  it('matches known chi-square critical values', () => {
    // P(χ²(3) > 11.345) = 0.01, P(χ²(1) > 3.841) = 0.05, P(χ²(10) > 18.307) = 0.05
    expect(gammaQ(1.5, 11.345 / 2)).toBeCloseTo(0.01, 4);
    expect(gammaQ(0.5, 3.841 / 2)).toBeCloseTo(0.05, 4);
    expect(gammaQ(5, 18.307 / 2)).toBeCloseTo(0.05, 4);
  });
});

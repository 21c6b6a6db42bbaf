import { expect, it } from 'vitest';
import rule, { messages, repair } from '../../../src/lint/rules/mojibake.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ name: 'real accents and capitals (Ã Â)', source: '1\nA navegação cai em SÃO PAULO? AÇÃO na CÂMERA, “ok”?\nSim\nNão\n', key: { 1: 'A' } }],
  bad: [
    { source: '1\nCliente sem navegaÃ§Ã£o?\nSim\nNÃ£o\n', key: { 1: 'A' }, errors: [{ line: 2, column: 19, message: messages.mojibake('Ã§', 'ç', 2) }, { line: 4, column: 2, message: messages.mojibake('Ã£', 'ã', 1) }] },
    { name: 'three-byte punctuation', source: '1\nO cliente disse â€œnãoâ€\u009D?\nSim\nNão\n', key: { 1: 'A' }, errors: [{ line: 2, message: messages.mojibake('â€œ', '“', 2) }] },
  ],
});

it('repairs one round of double encoding', () => {
  expect(repair('Ã§')).toBe('ç');
  expect(repair('â€™')).toBe('’');
});

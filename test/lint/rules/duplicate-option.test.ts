import rule, { messages } from '../../../src/lint/rules/duplicate-option.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: q(1, 'O cliente aceita?', 'Sim', 'Não'), key: { 1: 'A' } }],
  bad: [{ name: 'case, accents and punctuation ignored', source: q(1, 'O cliente aceita?', 'Sim', 'Não', 'sim.'), key: { 1: 'A' }, errors: [{ line: 5, column: 1, message: messages.dup(1, 'A', 'C') }] }],
});

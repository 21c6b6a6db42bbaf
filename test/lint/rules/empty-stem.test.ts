import rule, { messages } from '../../../src/lint/rules/empty-stem.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: q(1, 'Quanto é 2 + 2?', '3', '4'), key: { 1: 'B' } }],
  bad: [{ name: '"Questão 2" as the last line', source: q(1, 'Quanto é 2 + 2?', 'Três', 'Quatro') + '\nQuestão 2\n', key: { 1: 'B' }, errors: [{ line: 6, column: 1, message: messages.empty(2) }] }],
});

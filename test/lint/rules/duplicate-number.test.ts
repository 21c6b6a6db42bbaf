import rule, { messages } from '../../../src/lint/rules/duplicate-number.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: q(1, 'Quanto é 2 + 2?', '3', '4') + '\n' + q(2, 'Quanto é 3 + 3?', '5', '6'), key: { 1: 'B', 2: 'B' } }],
  bad: [{ source: q(1, 'Quanto é 2 + 2?', '3', '4') + '\n' + q(1, 'Quanto é 3 + 3?', '5', '6'), key: { 1: 'B' }, errors: [{ line: 6, column: 1, message: messages.dup(1, 1) }] }],
});

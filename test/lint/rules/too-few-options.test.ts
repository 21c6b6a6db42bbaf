import rule, { messages } from '../../../src/lint/rules/too-few-options.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: q(1, 'Quanto é 2 + 2?', '3', '4'), key: { 1: 'B' } }],
  bad: [{ source: q(1, 'Quanto é 2 + 2?', '4'), key: { 1: 'A' }, errors: [{ line: 2, column: 1, message: messages.tooFew(1, 1) }] }],
});

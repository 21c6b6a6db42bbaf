import rule, { messages } from '../../../src/lint/rules/trailing-space.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: '1\nQual é a capital?\nRio\nBrasília\n', key: { 1: 'B' } }],
  bad: [{ source: '1\nQual é a capital?  \nRio\t\nBrasília\n', key: { 1: 'B' }, errors: [{ line: 2, column: 18, message: messages.trailing(2) }, { line: 3, column: 4, message: messages.trailing(1) }] }],
});

import rule, { messages } from '../../../src/lint/rules/missing-answer.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: '1\nQuanto é 2 + 2?\n3\n4\n', key: { 1: 'B' } }],
  bad: [{ source: '1\nQuanto é 2 + 2?\n3\n4\n', key: {}, errors: [{ line: 2, column: 1, message: messages.noKey(1) }] }],
});

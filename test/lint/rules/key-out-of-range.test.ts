import rule, { messages } from '../../../src/lint/rules/key-out-of-range.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: q(1, 'Qual?', 'Um', 'Dois', 'Três'), key: { 1: 'C' } }],
  bad: [{ source: q(1, 'Qual?', 'Um', 'Dois', 'Três'), key: { 1: 'D' }, errors: [{ file: 'sources/bank.key', line: 1, message: messages.outOfRange(1, 'D', 3) }] }],
});

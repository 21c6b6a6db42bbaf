import rule from '../../../src/lint/rules/key-conflict-sources.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: '1\nQual é a capital?\nRio\n* Brasília\n', key: { 1: 'B' } }],
  bad: [{ source: '1\nQual é a capital?\nRio\n* Brasília\n', key: { 1: 'A' }, errors: [{ file: 'sources/bank.key', line: 1, message: 'Question 1 is keyed B by the inline key but A by the sidecar file key' }] }],
});

import rule, { messages } from '../../../src/lint/rules/mixed-line-endings.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ name: 'all CRLF', source: '1\r\nQual?\r\nSim\r\nNão\r\n', key: { 1: 'A' } }],
  bad: [{ source: '1\r\nQual?\nSim\r\nNão\n', key: { 1: 'A' }, errors: [{ line: 1, message: messages.mixed('2 LF, 2 CRLF') }] }],
});

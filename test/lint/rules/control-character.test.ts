import rule, { messages } from '../../../src/lint/rules/control-character.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ name: 'tabs are fine', source: '1\nQual\té a capital?\nRio\nBrasília\n', key: { 1: 'B' } }],
  bad: [
    { name: 'form feed', source: '1\nQual\u000C é a capital?\nRio\nBrasília\n', key: { 1: 'B' }, errors: [{ line: 2, column: 5, message: messages.control('\u000C', 1) }] },
    { name: 'C1 control (U+0085) twice', source: '1\nQual é a capital?\nRio\u0085\u0085\nBrasília\n', key: { 1: 'B' }, errors: [{ line: 3, column: 4, message: 'Line contains the control character U+0085 (2 times)' }] },
  ],
});

import rule, { messages } from '../../../src/lint/rules/nbsp.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ name: 'a BOM at the start of the file is not text', source: '\uFEFF1\nQual é a capital?\nRio\nBrasília\n', key: { 1: 'B' } }],
  bad: [
    { source: '1\nQual é a\u00A0capital?\nRio\nBras\u200Bília\n', key: { 1: 'B' }, errors: [{ line: 2, column: 9, message: messages.odd('\u00A0', 1) }, { line: 4, column: 5, message: 'Line contains a zero-width space (U+200B)' }] },
  ],
});

import rule from '../../../src/lint/rules/unused-suppression.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [
    { name: 'used', source: '<!-- qbank-disable-next-question smart-quotes -- copied from the manual -->\n' + q(1, 'Qual é o “fluxo”?', 'Um', 'Dois'), key: { 1: 'A' } },
    { name: 'rule off in config: not judged', source: '<!-- qbank-disable-next-question smart-quotes -- x -->\n' + q(1, 'Qual?', 'Um', 'Dois'), key: { 1: 'A' }, config: { rules: { 'smart-quotes': 'off' } } },
  ],
  bad: [
    { name: 'nothing to hide', source: '<!-- qbank-disable-next-question smart-quotes -- copied from the manual -->\n' + q(1, 'Qual é o "fluxo"?', 'Um', 'Dois'), key: { 1: 'A' }, errors: [{ line: 1, column: 1, message: 'Nothing in the next question is reported by smart-quotes, so its disable is unused' }] },
    { name: 'file disable, one of two rules unused', source: '<!-- qbank-disable-file smart-quotes, trailing-space -- legacy file -->\n' + q(1, 'Qual é o “fluxo”?', 'Um', 'Dois'), key: { 1: 'A' }, errors: [{ line: 1, message: 'Nothing in this file is reported by trailing-space, so its disable is unused' }] },
  ],
});

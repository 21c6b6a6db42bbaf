import rule from '../../../src/lint/rules/invalid-suppression.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

const body = q(1, 'Qual é a capital?', 'Rio', 'Brasília');
testRule(rule, {
  good: [{ source: '<!-- qbank-disable-next-question smart-quotes -- copied from the manual -->\n' + q(1, 'Qual é o “fluxo”?', 'Um', 'Dois'), key: { 1: 'A' } }],
  bad: [
    { name: 'typo in the rule id', source: '<!-- qbank-disable-next-question near-duplicte -- copy -->\n' + body, key: { 1: 'B' }, errors: [{ line: 1, column: 1, message: 'qbank-disable-next-question names an unknown rule "near-duplicte" (did you mean "near-duplicate"?)' }] },
    { name: 'no reason', source: '<!-- qbank-disable-file smart-quotes -->\n' + q(1, 'Qual é o “fluxo”?', 'Um', 'Dois'), key: { 1: 'A' }, errors: [{ line: 1, message: 'qbank-disable-file gives no reason' }] },
    { name: 'unknown directive', source: '<!-- qbank-disable-line smart-quotes -- x -->\n' + body, key: { 1: 'B' }, errors: [{ line: 1, message: 'Unknown directive "qbank-disable-line"' }] },
    { name: 'nothing after it', source: body + '<!-- qbank-disable-next-question missing-answer -- later -->\n', key: { 1: 'B' }, errors: [{ line: 5, message: 'qbank-disable-next-question has no question after it' }] },
  ],
});

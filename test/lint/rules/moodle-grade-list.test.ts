import rule, { messages } from '../../../src/lint/rules/moodle-grade-list.js';
import { testRule } from '../test-rule.js';

const options = Array.from({ length: 14 }, (_, i) => `Item ${i + 1}`);
const source = ['1', 'Quais itens fazem parte do checklist?', ...options, ''].join('\n');
const eleven = 'A,B,C,D,E,F,G,H,I,J,K';
testRule(rule, {
  good: [
    { name: '3 correct options split evenly', source, key: { 1: 'A,B,C' }, targets: ['gift'] },
    { name: 'Moodle not being built', source, key: { 1: eleven }, targets: ['json', 'html'] },
  ],
  bad: [
    { name: '11 correct options (gift)', source, key: { 1: eleven }, targets: ['gift'], errors: [{ line: 2, message: messages.unequal(1, 11) }] },
    { name: '11 correct options (moodle-xml)', source, key: { 1: eleven }, targets: ['moodle-xml'], errors: [{ line: 2 }] },
  ],
});

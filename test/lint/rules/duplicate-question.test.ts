import rule, { messages } from '../../../src/lint/rules/duplicate-question.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

const capital = q(1, 'Qual é a capital do Brasil?', 'Rio', 'Brasília');
testRule(rule, {
  good: [{ source: capital + '\n' + q(2, 'Qual é a capital do Chile?', 'Lima', 'Santiago'), key: { 1: 'B', 2: 'B' } }],
  bad: [
    { name: 'same file, options reordered', source: capital + '\n' + q(2, 'qual e a capital do brasil', 'Brasília', 'Rio'), key: { 1: 'B', 2: 'A' }, errors: [{ line: 7, column: 1, message: messages.dup(2, 'question 1') }] },
    { name: 'across files', source: capital, key: { 1: 'B' }, files: { 'sources/zz.txt': q(7, 'Qual é a capital do Brasil?', 'Rio', 'Brasília'), 'sources/zz.key': '7: B\n' }, errors: [{ file: 'sources/zz.txt', line: 2, message: messages.dup(7, 'question 1 of sources/bank.txt') }] },
  ],
});

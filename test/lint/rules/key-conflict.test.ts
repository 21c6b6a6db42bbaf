import rule, { messages } from '../../../src/lint/rules/key-conflict.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

const capital = q(1, 'Qual é a capital do Brasil?', 'Rio de Janeiro', 'Brasília', 'Salvador');
testRule(rule, {
  good: [
    { name: 'same answer, other letter', source: capital, key: { 1: 'B' }, files: { 'sources/outro.txt': q(1, 'Qual é a capital do Brasil?', 'Brasília', 'Salvador', 'Recife'), 'sources/outro.key': '1: A\n' } },
    { name: 'different stems', source: capital + '\n' + q(2, 'Qual é a maior cidade do Brasil?', 'Rio de Janeiro', 'Brasília', 'São Paulo'), key: { 1: 'B', 2: 'C' } },
  ],
  bad: [
    { name: 'across files', source: capital, key: { 1: 'B' }, files: { 'sources/outro.txt': q(4, 'qual e a capital do brasil', 'Brasília', 'Rio de Janeiro', 'Recife'), 'sources/outro.key': '4: B\n' }, errors: [{ file: 'sources/outro.txt', line: 2, message: messages.conflict(4, 'Brasília', false, 'question 1 of sources/bank.txt') }] },
    { name: 'same file', source: capital + '\n' + q(2, 'Qual é a capital do Brasil?', 'Salvador', 'Brasília', 'Rio de Janeiro'), key: { 1: 'B', 2: 'C' }, errors: [{ line: 8, message: messages.conflict(2, 'Brasília', false, 'question 1') }] },
  ],
});

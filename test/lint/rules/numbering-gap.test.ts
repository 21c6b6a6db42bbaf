import rule, { messages } from '../../../src/lint/rules/numbering-gap.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: q(1, 'Qual é a capital?', 'Rio', 'Brasília') + '\n' + q(2, 'Qual é a maior cidade?', 'São Paulo', 'Recife'), key: { 1: 'B', 2: 'A' } }],
  bad: [
    { name: 'skipped number', source: q(1, 'Qual é a capital?', 'Rio', 'Brasília') + '\n' + q(3, 'Qual é a maior cidade?', 'São Paulo', 'Recife'), key: { 1: 'B', 3: 'A' }, errors: [{ line: 6, column: 1, message: messages.gap(1, 3) }] },
    { name: 'a mis-numbered question read as options', source: q(1, 'Qual é a capital?', 'Rio', 'Brasília', '4', 'Qual é a maior cidade?', 'São Paulo'), key: { 1: 'B' }, errors: [{ line: 5, column: 1, message: messages.numberOption(1, '4', 2) }] },
  ],
});

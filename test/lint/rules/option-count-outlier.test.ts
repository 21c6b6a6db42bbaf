import rule, { messages } from '../../../src/lint/rules/option-count-outlier.js';
import { q, seedKey, seedSource } from '../seed.js';
import { testRule } from '../test-rule.js';

const three = (n: number) => q(n, `Pergunta ${n} sobre o procedimento de atendimento?`, 'Um', 'Dois', 'Três');
testRule(rule, {
  good: [
    { name: 'uniform', source: [1, 2, 3, 4, 5].map(three).join('\n'), key: { 1: 'A', 2: 'A', 3: 'A', 4: 'A', 5: 'A' } },
    { name: 'more options than usual is fine', source: [1, 2, 3, 4].map(three).join('\n') + '\n' + q(5, 'Pergunta 5?', 'Um', 'Dois', 'Três', 'Quatro'), key: { 1: 'A', 2: 'A', 3: 'A', 4: 'A', 5: 'A' } },
    { name: 'too few questions to judge', source: [1, 2, 3].map(three).join('\n') + '\n' + q(4, 'Pergunta 4?', 'Um', 'Dois'), key: { 1: 'A', 2: 'A', 3: 'A', 4: 'A' } },
  ],
  bad: [{ name: 'seed question 8', source: seedSource, key: seedKey, errors: [{ line: 38, column: 1, message: messages.fewer(8, 2, 3) }] }],
});

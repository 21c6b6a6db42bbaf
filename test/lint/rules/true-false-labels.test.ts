import rule, { messages } from '../../../src/lint/rules/true-false-labels.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

const pt = q(1, 'O protocolo deve ser informado ao cliente.', 'Verdadeiro', 'Falso');
testRule(rule, {
  good: [
    { source: q(1, 'The protocol number must be given.', 'True', 'False'), key: { 1: 'A' }, targets: ['canvas'] },
    { name: 'Canvas not being built', source: pt, key: { 1: 'A' }, targets: ['gift'] },
  ],
  bad: [{ source: pt, key: { 1: 'A' }, targets: ['canvas'], errors: [{ line: 2, message: messages.labels(1, 'Verdadeiro', 'Falso') }] }],
});

import rule, { messages } from '../../../src/lint/rules/option-overlap.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [
    { source: q(1, 'O que fazer primeiro?', 'Reiniciar o modem', 'Abrir chamado', 'Todas as anteriores'), key: { 1: 'C' } },
    { name: 'word boundaries: "10" is not inside "100"', source: q(1, 'Quantos dias?', '10', '100', '1000'), key: { 1: 'A' } },
    { name: '"A e B" keyed alone', source: q(1, 'Quais?', 'Chat', 'E-mail', 'A e B'), key: { 1: 'C' } },
  ],
  bad: [
    { name: 'one option inside another', source: q(1, 'O que fazer primeiro?', 'Reiniciar o modem', 'Reiniciar o modem e abrir chamado', 'Trocar o cabo'), key: { 1: 'A' }, errors: [{ line: 4, column: 1, message: messages.contains(1, 'B', 'A', 'Reiniciar o modem') }] },
    { name: '"Todas" keyed with only some others', source: q(1, 'Quais?', 'Chat', 'E-mail', 'Fax', 'Todas'), key: { 1: 'A,D' }, errors: [{ line: 6, message: messages.someKeyed(1, 'Todas') }] },
    { name: '"Nenhuma" keyed with another', source: q(1, 'Quais?', 'Chat', 'E-mail', 'Nenhuma das anteriores'), key: { 1: 'B,C' }, errors: [{ line: 5, message: messages.noneKeyed(1, 'Nenhuma das anteriores', 'B') }] },
    { name: '"A e B" keyed with A', source: q(1, 'Quais?', 'Chat', 'E-mail', 'A e B'), key: { 1: 'A,C' }, errors: [{ line: 5, message: messages.comboKeyed(1, 'A e B', 'A') }] },
    { name: '"A e E" without an E', source: q(1, 'Quais?', 'Chat', 'E-mail', 'A e E'), key: { 1: 'C' }, errors: [{ line: 5, message: messages.comboMissing(1, 'A e E', 'E') }] },
  ],
});

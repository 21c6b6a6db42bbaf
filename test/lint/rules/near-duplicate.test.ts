import rule, { messages } from '../../../src/lint/rules/near-duplicate.js';
import { q, seedKey, seedSource } from '../seed.js';
import { testRule } from '../test-rule.js';

const a = 'José entrou em contato para informar que está sem navegação desde ontem. O que deve ser feito?';
const edited = 'José entrou em contato para informar que está sem navegação desde ontem à noite. O que deve ser feito?';
const reordered = 'O que deve ser feito? José entrou em contato para informar que está sem navegação desde ontem.';
const opts = ['Consultar o Gestor de Bloqueios', 'Convidar o cliente para testes', 'Verificar faturas em aberto'];
testRule(rule, {
  good: [
    { name: 'the seed has no near-duplicates', source: seedSource, key: seedKey },
    { name: 'different questions', source: q(1, a, ...opts) + '\n' + q(2, 'Vera entra em contato para solicitar uma mudança de endereço. Como ajudá-la?', ...opts), key: { 1: 'A', 2: 'B' } },
    { name: 'exact copies are left to duplicate-question', source: q(1, a, ...opts) + '\n' + q(2, a, ...opts), key: { 1: 'A', 2: 'A' } },
    { name: 'short stems are not judged', source: q(1, 'Quanto é 2 + 2?', '3', '4') + '\n' + q(2, 'Quanto é 2 + 3?', '4', '5'), key: { 1: 'B', 2: 'B' } },
    { name: 'disabled with a reason', source: q(1, a, ...opts) + '\n<!-- qbank-disable-next-question near-duplicate -- other product line -->\n' + q(2, edited, ...opts), key: { 1: 'A', 2: 'A' } },
  ],
  bad: [
    { name: 'small edit', source: q(1, a, ...opts) + '\n' + q(2, edited, 'Outra', 'Coisa', 'Diferente'), key: { 1: 'A', 2: 'A' }, errors: [{ line: 8, column: 1, message: messages.similar(2, 88, 'question 1') }] },
    { name: 'reordered, across files', source: q(1, a, ...opts), key: { 1: 'A' }, files: { 'sources/outro.txt': q(3, reordered, ...opts), 'sources/outro.key': '3: A\n' }, errors: [{ file: 'sources/outro.txt', line: 2, message: messages.similar(3, 100, 'question 1 of sources/bank.txt') }] },
    { name: 'lower threshold option', source: q(1, a, ...opts) + '\n' + q(2, 'José ligou para informar que está sem navegação desde ontem. O que fazer?', ...opts), key: { 1: 'A', 2: 'A' }, options: { threshold: 0.5 }, errors: [{ line: 8, message: /^Question 2 is \d+% similar to question 1$/ }] },
  ],
});

import rule, { messages } from '../../../src/lint/rules/all-of-the-above.js';
import { q, seedKey, seedSource } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [
    { source: q(1, 'Qual é a capital do Brasil?', 'São Paulo', 'Brasília', 'Salvador'), key: { 1: 'B' } },
    { name: '"Todas" inside a longer option is plain text', source: q(1, 'O que fazer?', 'Todas as portas devem ser testadas', 'Reiniciar o modem'), key: { 1: 'A' } },
  ],
  bad: [
    { name: 'seed question 1 ("Todas")', source: seedSource, key: seedKey, errors: [{ line: 4, column: 1, message: messages.positional(1, 'B', 'Todas') }] },
    { name: 'pt-BR', source: q(1, 'Quais canais?', 'Chat', 'E-mail', 'Todas as anteriores') + '\n' + q(2, 'Quais?', 'X', 'Y', 'Nenhuma das alternativas'), key: { 1: 'C', 2: 'A' }, errors: [{ line: 5, message: messages.positional(1, 'C', 'Todas as anteriores') }, { line: 11, message: messages.positional(2, 'C', 'Nenhuma das alternativas') }] },
    { name: 'pt-BR "A e B"', source: q(1, 'Quais?', 'Chat', 'E-mail', 'A e B'), key: { 1: 'C' }, errors: [{ line: 5, message: messages.positional(1, 'C', 'A e B') }] },
    { name: 'es', source: q(1, '¿Cuáles?', 'Chat', 'Correo', 'Todas las anteriores', 'Ninguna de las anteriores'), key: { 1: 'C' }, errors: [{ line: 5 }, { line: 6, message: messages.positional(1, 'D', 'Ninguna de las anteriores') }] },
    { name: 'more wordings (pinned.ts gaps)', source: q(1, 'Quais?', 'Chat', 'E-mail', 'Todas as alternativas anteriores', 'Nenhuma das afirmativas') + '\n' + q(2, 'Which?', 'Chat', 'Email', 'A, B and C', 'Neither of the above'), key: { 1: 'C', 2: 'C' }, errors: [{ line: 5 }, { line: 6 }, { line: 12 }, { line: 13 }] },
    { name: 'en', source: q(1, 'Which?', 'Chat', 'Email', 'Both A and B', 'None of the above.'), key: { 1: 'C' }, errors: [{ line: 5, message: messages.positional(1, 'C', 'Both A and B') }, { line: 6 }] },
  ],
});

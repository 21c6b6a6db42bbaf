import rule, { messages } from '../../../src/lint/rules/longest-option-is-key.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

const long = 'Valida o token, confirma o endereço completo e agenda a visita técnica';
testRule(rule, {
  good: [
    { source: q(1, 'O que fazer?', 'Agendar visita', 'Abrir chamado', 'Reiniciar modem'), key: { 1: 'A' } },
    { name: 'long option that is not the key', source: q(1, 'O que fazer?', long, 'Abrir chamado', 'Reiniciar modem'), key: { 1: 'B' } },
    { name: '"Todas as anteriores" keyed is long by wording only', source: q(1, 'Quais canais?', 'Chat', 'E-mail', 'Todas as anteriores'), key: { 1: 'C' } },
  ],
  bad: [{ source: q(1, 'O que fazer?', 'Abrir chamado', long, 'Reiniciar modem'), key: { 1: 'B' }, errors: [{ line: 4, column: 1, message: messages.longest(1, 'B', 69, 15) }] }],
});

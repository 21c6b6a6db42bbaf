import rule, { messages } from '../../../src/lint/rules/negative-stem.js';
import { q, seedKey, seedSource } from '../seed.js';
import { testRule } from '../test-rule.js';

const opts = ['Chat', 'Fax', 'E-mail'];
testRule(rule, {
  good: [
    { name: 'capitals', source: q(1, 'Qual canal NÃO faz parte do atendimento?', ...opts), key: { 1: 'B' } },
    { name: 'bold', source: q(1, 'Qual canal **não** faz parte do atendimento?', ...opts), key: { 1: 'B' } },
    { name: 'negation in the story, not in the question (seed)', source: seedSource, key: seedKey },
    { name: 'Portuguese "no" means "in the"', source: q(1, 'Qual comando mostra a rota? Use tracert no Windows.', 'ping', 'tracert'), key: { 1: 'B' } },
  ],
  bad: [
    { name: 'pt-BR não', source: q(1, 'Qual canal não faz parte do atendimento?', ...opts), key: { 1: 'B' }, errors: [{ line: 2, column: 12, message: messages.plain(1, 'não') }] },
    { name: 'pt-BR exceto', source: q(1, 'Todos são canais de atendimento, exceto:', ...opts), key: { 1: 'B' }, errors: [{ line: 2, message: messages.plain(1, 'exceto') }] },
    { name: 'es', source: 'lang: es\n\n' + q(1, '¿Cuál canal no es parte de la atención?', ...opts), key: { 1: 'B' }, errors: [{ line: 4, message: messages.plain(1, 'no') }] },
    { name: 'en', source: 'lang: en\n\n' + q(1, 'Which channel is not part of the service?', ...opts), key: { 1: 'B' }, errors: [{ line: 4, message: messages.plain(1, 'not') }] },
  ],
});

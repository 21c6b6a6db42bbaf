import rule from '../../../src/lint/rules/image-path.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
testRule(rule, {
  good: [{ source: q(1, 'Veja ![Mapa](img/mapa.png) e responda', 'Norte', 'Sul'), key: { 1: 'A' }, files: { 'sources/img/mapa.png': png } }],
  bad: [
    { name: 'escapes the bank folder', source: q(1, 'Veja ![x](../../segredo.png)', 'Norte', 'Sul'), key: { 1: 'A' }, errors: [{ line: 2, message: /points outside the bank folder/ }] },
    { name: 'missing file', source: q(1, 'Veja ![x](img/nada.png)', 'Norte', 'Sul'), key: { 1: 'A' }, errors: [{ line: 2, message: /was not found/ }] },
  ],
});

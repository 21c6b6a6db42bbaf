import rule, { messages } from '../../../src/lint/rules/unsupported-image.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const withImage = q(1, 'Veja ![Mapa](img/mapa.png) e responda', 'Norte', 'Sul');
testRule(rule, {
  good: [
    { name: 'GIFT not being built', source: withImage, key: { 1: 'A' }, files: { 'sources/img/mapa.png': png }, targets: ['moodle-xml', 'qti21'] },
    { name: 'https images stay links', source: q(1, 'Veja ![Mapa](https://example.org/mapa.png)', 'Norte', 'Sul'), key: { 1: 'A' }, targets: ['gift'] },
  ],
  bad: [{ source: withImage, key: { 1: 'A' }, files: { 'sources/img/mapa.png': png }, targets: ['gift'], errors: [{ line: 2, message: messages.gift(1, 'img/mapa.png') }] }],
});

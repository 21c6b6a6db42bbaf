import rule from '../../../src/lint/rules/inconsistent-lettering.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [
    { source: q(1, 'Qual?', 'a) Um', 'b) Dois', 'c) Três'), key: { 1: 'A' } },
    { name: 'no letters at all', source: q(1, 'Qual?', 'Um', 'Dois', 'Três'), key: { 1: 'A' } },
  ],
  bad: [{ name: 'skipped letter', source: q(1, 'Qual?', 'a) Um', 'b) Dois', 'd) Três'), key: { 1: 'A' }, errors: [{ line: 5 }] }],
});

import rule from '../../../src/lint/rules/invalid-encoding.js';
import { q } from '../seed.js';
import { testRule } from '../test-rule.js';

// "Qual é?" with é saved as Windows-1252 (0xE9)
const latin1 = Uint8Array.from([...new TextEncoder().encode('1\nQual '), 0xe9, ...new TextEncoder().encode('?\nSim\nN\u00e3o\n')]);
testRule(rule, {
  good: [
    { source: q(1, 'Qual é?', 'Sim', 'Não'), key: { 1: 'A' } },
    { name: 'explicit --encoding windows-1252', source: Uint8Array.from([...new TextEncoder().encode('1\nQual '), 0xe9, ...new TextEncoder().encode('?\nSim\nN'), 0xe3, 0x6f, 0x0a]), key: { 1: 'A' }, encoding: 'windows-1252' },
  ],
  bad: [
    { source: latin1, key: { 1: 'A' }, errors: [{ line: 2, column: 6, severity: 'error', message: /not valid UTF-8 \(byte 0xE9/ }] },
    { name: '--encoding auto reports info', source: latin1, key: { 1: 'A' }, encoding: 'auto', errors: [{ line: 2, severity: 'info' }] },
  ],
});

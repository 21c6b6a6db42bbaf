import rule, { messages } from '../../../src/lint/rules/smart-quotes.js';
import { testRule } from '../test-rule.js';

testRule(rule, {
  good: [{ source: '1\nSeguir o fluxo "Mudar Endereço"?\nSim\nNão\n', key: { 1: 'A' } }],
  bad: [
    { source: '1\nSeguir o fluxo “Mudar Endereço”?\nSim\nNão\n', key: { 1: 'A' }, errors: [{ line: 2, column: 16, message: messages.smart('“', 2) }] },
    { name: 'off by config, then on for one folder by an override', source: '1\nD’água?\nSim\nNão\n', key: { 1: 'A' }, config: { rules: { 'smart-quotes': 'off' }, overrides: [{ files: ['sources/**'], rules: { 'smart-quotes': 'warn' } }] }, errors: [{ line: 2, column: 2, severity: 'warning' }] },
  ],
});

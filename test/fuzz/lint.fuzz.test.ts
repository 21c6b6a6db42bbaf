// Every lint rule over random banks (two files, so cross-file rules run): no rule throws, and
// every finding names a real file and line and reads as one line. Run with the default config
// and with every rule switched on as an error.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { ConfigSchema } from '../../src/config/schema.js';
import { rules } from '../../src/lint/index.js';
import { lintProject } from '../../src/lint/run-lint.js';
import { targetNames } from '../hardening/outputs.js';
import { bankBytes, bankText } from './arbitraries.js';
import { expectCleanDiagnostics, parseFiles } from './harness.js';
import { fuzz, timeoutFor } from './support.js';

const enc = new TextEncoder();
const defaults = ConfigSchema.parse({});
const allOn = ConfigSchema.parse({ rules: Object.fromEntries(rules.map((r) => [r.id, 'error'])) });

describe('lint fuzzing', () => {
  it('no rule throws on random banks; findings are clean', { timeout: timeoutFor('lint-random-banks', 6) }, () => {
    const files = fc.tuple(bankText, fc.oneof(bankText.map((t) => enc.encode(t)), bankBytes), fc.boolean());
    fuzz('lint-random-banks', files, ([a, b, allRules]) => {
      const parsed = parseFiles([
        { id: 'a', bytes: enc.encode(a) },
        { id: 'pasta/b', bytes: b },
      ]);
      const diagnostics = lintProject(parsed.project, parsed.diagnostics, { config: allRules ? allOn : defaults, targets: targetNames() });
      expectCleanDiagnostics(diagnostics, parsed.lineCounts);
    });
  });
});

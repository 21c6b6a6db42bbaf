// Every registered emitter over random banks. What the pipeline hands an emitter after lint
// (errors dropped, as --skip-invalid does) must emit without throwing, pass the emitter's own
// check(), parse in its consumer's parser and carry no executable markup. Any schema-valid IR
// (what reaches emitters when a user switches rules off) must at least emit without throwing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConfigSchema } from '../../src/config/schema.js';
import { rules } from '../../src/lint/index.js';
import { lintProject } from '../../src/lint/run-lint.js';
import { withoutInvalid } from '../../src/pipeline/build.js';
import { emitTarget, readAll, targetNames } from '../hardening/outputs.js';
import { bankBytes, bankText } from './arbitraries.js';
import { parseFiles } from './harness.js';
import { fuzzAsync, timeoutFor } from './support.js';

const enc = new TextEncoder();
const config = ConfigSchema.parse({});
const allOff = ConfigSchema.parse({ rules: Object.fromEntries(rules.map((r) => [r.id, 'off'])) });
const banks = fc.tuple(bankText, fc.option(fc.oneof(bankText.map((t) => enc.encode(t)), bankBytes)));

function project([a, b]: [string, Uint8Array | null]) {
  return parseFiles([{ id: 'fuzz/a', bytes: enc.encode(a) }, ...(b ? [{ id: 'b', bytes: b }] : [])]);
}

describe('emitter fuzzing', () => {
  it('registry has the emitters this suite is meant to cover', () => {
    expect(targetNames()).toContain('json');
    console.log(`[emit fuzz] targets: ${targetNames().join(', ')}`);
  });

  // One property per target, so a bug in one emitter does not hide the others'.
  describe.each(targetNames())('%s', (target) => {
    it('lint-clean random banks: emits, self-checks, parses in its consumer, stays inert', { timeout: timeoutFor('emit-clean', 15) }, async () => {
      await fuzzAsync('emit-clean', banks, async (input) => {
        const parsed = project(input);
        const diagnostics = lintProject(parsed.project, parsed.diagnostics, { config, targets: [target] });
        const clean = withoutInvalid(parsed.project, diagnostics).project;
        const { files, diagnostics: own } = await emitTarget(target, clean);
        const errors = own.filter((d) => d.severity === 'error');
        if (errors.length) throw new Error(`check() failed on its own output: ${errors.map((d) => d.message).join('; ')}`);
        const findings = readAll(files).flatMap((r) => r.findings);
        if (findings.length) throw new Error(`executable markup: ${JSON.stringify(findings.slice(0, 3))}`);
      });
    });

    it('any schema-valid IR (all rules off): emits without throwing', { timeout: timeoutFor('emit-any-ir', 10) }, async () => {
      await fuzzAsync('emit-any-ir', banks, async (input) => {
        const parsed = project(input);
        const diagnostics = lintProject(parsed.project, parsed.diagnostics, { config: allOff, targets: [target] });
        // with every rule off only parse errors remain; --skip-invalid drops what they mark
        await emitTarget(target, withoutInvalid(parsed.project, diagnostics).project);
      });
    });
  });
});

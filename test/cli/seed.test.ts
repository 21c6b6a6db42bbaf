// The acceptance fixture of the foundation issue, end to end through the CLI.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { runCli, tempProject } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures/seed', name);

describe('the seed without a key', () => {
  it('qbank lint exits 1 with exactly 8 missing-answer errors', async () => {
    const dir = tempProject({}, { sources: fixture('no-key') });
    const r = await runCli(['lint', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const errors = report.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors).toHaveLength(8);
    expect(errors.every((d: { ruleId: string }) => d.ruleId === 'missing-answer')).toBe(true);
    expect(errors.map((d: { line: number }) => d.line)).toEqual([2, 8, 13, 18, 23, 28, 33, 38]);
  });

  it('text output names file, line, column, severity, message and rule id', async () => {
    const dir = tempProject({}, { sources: fixture('no-key') });
    const r = await runCli(['lint'], dir);
    expect(r.stdout).toContain('sources/atendimento.txt:13:1  error  Question 3 has no answer key  missing-answer');
    expect(r.stdout).toMatch(/8 errors/);
  });

  it('qbank build writes nothing and exits 1', async () => {
    const dir = tempProject({}, { sources: fixture('no-key') });
    const r = await runCli(['build'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(r.stderr).toContain('nothing was written');
  });
});

describe('the seed with its key', () => {
  it('lints clean and builds 8 questions with option counts 4,3,3,3,3,3,3,2', async () => {
    const dir = tempProject({}, { sources: fixture('with-key') });
    const lint = await runCli(['lint'], dir);
    expect(lint.code).toBe(0);
    const build = await runCli(['build', '--format', 'json'], dir);
    expect(build.code).toBe(0);
    const ir = JSON.parse(readFileSync(path.join(dir, 'dist/bank.json'), 'utf8'));
    const qs = ir.banks[0].questions;
    expect(qs).toHaveLength(8);
    expect(qs.map((q: { options: unknown[] }) => q.options.length)).toEqual([4, 3, 3, 3, 3, 3, 3, 2]);
  });

  it('bank.json validates against the emitted qbank.schema.json', async () => {
    const dir = tempProject({}, { sources: fixture('with-key'), 'sources/recursos': path.join(repoRoot, 'sources/recursos') });
    expect((await runCli(['build', '--format', 'json'], dir)).code).toBe(0);
    const schema = JSON.parse(readFileSync(path.join(dir, 'dist/qbank.schema.json'), 'utf8'));
    const data = JSON.parse(readFileSync(path.join(dir, 'dist/bank.json'), 'utf8'));
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.banks.map((b: { id: string }) => b.id)).toEqual(['atendimento', 'recursos/exemplo']);
    // the schema is not vacuous: a broken document fails
    data.banks[0].questions[0].key = ['B'];
    expect(validate(data)).toBe(false);
  });
});

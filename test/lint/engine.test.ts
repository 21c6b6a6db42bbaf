// run-lint: inline disables (next question, file, pairwise), config (severities, overrides,
// validation), and the --changed filter that still lets cross-file rules see every file.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import { UsageError } from '../../src/pipeline/errors.js';
import { q } from './seed.js';
import { lintCase } from './test-rule.js';
import { tempProject } from '../support/cli.js';

const stem = 'José entrou em contato para informar que está sem navegação desde ontem. O que deve ser feito?';
const edited = 'José entrou em contato para informar que está sem navegação desde ontem à noite. O que deve ser feito?';
const opts = ['Consultar o Gestor de Bloqueios', 'Convidar o cliente para testes', 'Verificar faturas em aberto'];
const ids = (ds: Diagnostic[], id: string) => ds.filter((d) => d.ruleId === id);

describe('inline disables', () => {
  it('next-question covers only the next question', async () => {
    const src = '<!-- qbank-disable-next-question missing-answer -- key comes later -->\n' + q(1, 'Qual?', 'Um', 'Dois') + '\n' + q(2, 'Qual outra?', 'Um', 'Dois');
    const ds = await lintCase({ source: src, key: {} });
    expect(ids(ds, 'missing-answer').map((d) => d.line)).toEqual([8]);
    expect(ids(ds, 'unused-suppression')).toEqual([]);
  });

  it('a disable above the first copy of a near-duplicate pair also covers the pair', async () => {
    const src = '<!-- qbank-disable-next-question near-duplicate -- two products, same procedure -->\n' + q(1, stem, ...opts) + '\n' + q(2, edited, ...opts);
    const ds = await lintCase({ source: src, key: { 1: 'A', 2: 'A' } });
    expect(ids(ds, 'near-duplicate')).toEqual([]);
    expect(ids(ds, 'unused-suppression')).toEqual([]);
  });

  it('disable-file covers the bank and its key file, for several rules', async () => {
    const src = '<!-- qbank-disable-file key-out-of-range, smart-quotes -- legacy file, fixed upstream -->\n' + q(1, 'Qual é o “fluxo”?', 'Um', 'Dois');
    const ds = await lintCase({ source: src, key: { 1: 'D' } });
    expect(ids(ds, 'key-out-of-range')).toEqual([]);
    expect(ids(ds, 'smart-quotes')).toEqual([]);
    expect(ids(ds, 'unused-suppression')).toEqual([]);
  });

  it('a comment that merely mentions qbank is not a directive, and never question text', async () => {
    const src = '<!-- see qbank-disable-next-question in the README -->\n' + q(1, 'Qual?', 'Um', 'Dois');
    const ds = await lintCase({ source: src, key: { 1: 'A' } });
    expect(ds).toEqual([]);
  });
});

describe('configuration', () => {
  it('severity off, and a per-glob override turning a rule back on', async () => {
    const src = '1\nQual é o “fluxo”?\nUm\nDois\n';
    expect(ids(await lintCase({ source: src, key: { 1: 'A' }, config: { rules: { 'smart-quotes': 'off' } } }), 'smart-quotes')).toEqual([]);
    const on = await lintCase({ source: src, key: { 1: 'A' }, config: { rules: { 'smart-quotes': 'off' }, overrides: [{ files: ['sources/*.txt'], rules: { 'smart-quotes': 'error' } }] } });
    expect(ids(on, 'smart-quotes').map((d) => d.severity)).toEqual(['error']);
  });

  it('rejects unknown rules, bad options and options in overrides (exit 2 as UsageError)', () => {
    const cases: [unknown, RegExp][] = [
      [{ rules: { 'near-duplicte': 'warn' } }, /unknown rule "near-duplicte" \(did you mean "near-duplicate"\?\)/],
      [{ rules: { 'near-duplicate': ['warn', { threshold: 2 }] } }, /options of "near-duplicate": threshold/],
      [{ rules: { 'missing-answer': ['error', { x: 1 }] } }, /"missing-answer" takes no options/],
      [{ overrides: [{ files: ['a/**'], rules: { 'near-duplicate': ['warn', { threshold: 0.5 }] } }] }, /only be set in the top-level "rules"/],
    ];
    for (const [config, message] of cases) {
      const dir = tempProject({ 'qbank.config.json': JSON.stringify(config) });
      expect(() => loadConfig(dir)).toThrow(UsageError);
      expect(() => loadConfig(dir)).toThrow(message);
    }
    const ok = tempProject({ 'qbank.config.json': JSON.stringify({ rules: { 'near-duplicate': ['warn', { threshold: 0.7 }], 'parse/header': 'warn' } }) });
    expect(loadConfig(ok).config.rules['near-duplicate']).toEqual(['warn', { threshold: 0.7 }]);
  });
});

describe('--changed (onlyFiles)', () => {
  const files = { 'sources/aaa.txt': q(1, stem, ...opts), 'sources/aaa.key': '1: A\n' }; // sorts before bank.txt
  it('reports only changed files, but compares against unchanged ones', async () => {
    const ds = await lintCase({ source: q(1, edited, ...opts), key: { 1: 'A' }, files, onlyFiles: ['sources/bank.txt'] });
    expect(ids(ds, 'near-duplicate').map((d) => d.file)).toEqual(['sources/bank.txt']);
  });
  it('a finding located in an unchanged file is kept when its other location changed', async () => {
    // zzz.txt sorts after bank.txt, so the pair is reported at zzz.txt, pointing at bank.txt
    const ds = await lintCase({ source: q(1, edited, ...opts), key: { 1: 'A' }, files: { 'sources/zzz.txt': q(1, stem, ...opts), 'sources/zzz.key': '1: A\n' }, onlyFiles: ['sources/bank.txt'] });
    expect(ids(ds, 'near-duplicate').map((d) => d.file)).toEqual(['sources/zzz.txt']);
  });
  it('a changed key file counts as a change to its bank', async () => {
    const ds = await lintCase({ source: q(1, 'Qual?', 'Um', 'Dois') + '\n' + q(2, 'Qual outra?', 'Um', 'Dois'), key: { 1: 'A' }, files: { 'sources/other.txt': q(1, 'Sem chave?', 'Um', 'Dois') }, onlyFiles: ['sources/bank.key'] });
    expect(ids(ds, 'missing-answer').map((d) => d.file)).toEqual(['sources/bank.txt']);
  });
});


// `qbank lint` and `qbank rules` in-process: formats, --output, --quiet, --max-warnings,
// --changed against a real git repository, and exit codes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';
import { q } from './seed.js';

const warnOnly = { 'sources/a.txt': q(1, 'Quais canais?', 'Chat', 'E-mail', 'Todas as anteriores'), 'sources/a.key': '1: C\n' };
const withError = { 'sources/b.txt': q(1, 'Sem chave?', 'Sim', 'Não') };

describe('qbank lint', () => {
  it('text: findings, then a summary line; exit 0 with warnings only', async () => {
    const r = await runCli(['lint'], tempProject(warnOnly));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sources\/a\.txt:5:1 {2}warn {3}Question 1: option C "Todas as anteriores" refers to other options.* {2}all-of-the-above$/m);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('0 errors, 1 warning, 0 infos');
  });

  it('reads qbank.lock.json only for outputs that show ids (JSON, SARIF) and for --frozen-ids', async () => {
    // a broken lock file is an error wherever it is read; text and GitHub output never read it
    const dir = tempProject({ ...warnOnly, 'qbank.lock.json': '{ not json' });
    expect((await runCli(['lint'], dir)).code).toBe(0);
    expect((await runCli(['lint', '--format', 'github'], dir)).code).toBe(0);
    for (const args of [['--format', 'json'], ['--format', 'sarif'], ['--frozen-ids']]) {
      const r = await runCli(['lint', ...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('qbank.lock.json');
    }
  });

  it('--max-warnings and --quiet', async () => {
    const dir = tempProject({ ...warnOnly, ...withError });
    expect((await runCli(['lint', 'sources/a.txt', '--max-warnings', '1'], dir)).code).toBe(0);
    expect((await runCli(['lint', 'sources/a.txt', '--max-warnings', '0'], dir)).code).toBe(1);
    const quiet = await runCli(['lint', '--quiet'], dir);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toMatch(/all-of-the-above/);
    expect(quiet.stdout).toMatch(/missing-answer/);
  });

  it('--format json|github and --output', async () => {
    const dir = tempProject({ ...warnOnly, ...withError });
    const r = await runCli(['lint', '--format', 'json', '--output', 'reports/lint.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(path.join(dir, 'reports/lint.json'), 'utf8'));
    expect(json.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    const gh = await runCli(['lint', '--format', 'github'], dir);
    expect(gh.stdout).toMatch(/^::error file=sources\/b\.txt,line=2,col=1,.*title=qbank missing-answer::Question 1 has no answer key/m);
  });

  it('portability rules follow --target', async () => {
    const dir = tempProject({ 'sources/a.txt': q(1, 'Verdadeiro ou falso: o protocolo é informado.', 'Verdadeiro', 'Falso'), 'sources/a.key': '1: A\n' });
    expect((await runCli(['lint', '--target', 'canvas'], dir)).stdout).toMatch(/true-false-labels/);
    expect((await runCli(['lint', '--target', 'gift'], dir)).stdout).not.toMatch(/true-false-labels/);
  });

  it('exit 2 for usage errors', async () => {
    const dir = tempProject(warnOnly);
    for (const argv of [['lint', '--format', 'sarf'], ['lint', '--base', 'main'], ['lint', '--target', 'pdf'], ['rules', 'nope']]) {
      const r = await runCli(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
    }
    expect((await runCli(['lint', '--format', 'sarf'], dir)).stderr).toMatch(/did you mean "sarif"/);
    const notGit = await runCli(['lint', '--changed'], dir);
    expect(notGit.code).toBe(2);
    expect(notGit.stderr).toMatch(/--changed: git/);
  });

  it('--changed reports only files changed since the base, comparing against all files', async () => {
    const stem = 'José entrou em contato para informar que está sem navegação desde ontem. O que deve ser feito?';
    const opts = ['Consultar o Gestor de Bloqueios', 'Convidar o cliente para testes', 'Verificar faturas em aberto'];
    const dir = tempProject({ 'sources/a.txt': q(1, stem, ...opts), 'sources/a.key': '1: A\n', ...withError });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'base');
    writeFileSync(path.join(dir, 'sources/c.txt'), q(1, stem.replace('ontem', 'ontem à noite'), ...opts));
    writeFileSync(path.join(dir, 'sources/c.key'), '1: A\n');
    const r = await runCli(['lint', '--changed', '--format', 'json'], dir);
    const found = JSON.parse(r.stdout).diagnostics as { ruleId: string; file: string }[];
    expect(found.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['sources/c.txt near-duplicate']);
    expect(r.code).toBe(0); // b.txt's error is not in a changed file
    expect((await runCli(['lint', '--changed', '--base', 'main', '--format', 'json'], dir)).stdout).toBe(r.stdout);
    // a changed config can change any finding: everything is reported
    writeFileSync(path.join(dir, 'qbank.config.json'), '{}');
    expect((await runCli(['lint', '--changed'], dir)).code).toBe(1);
  });
});

describe('qbank rules', () => {
  it('lists every rule with its default severity, and shows one rule', async () => {
    const dir = tempProject(warnOnly);
    const list = await runCli(['rules', '--json'], dir);
    const rules = JSON.parse(list.stdout) as { id: string; severity: string }[];
    expect(rules.find((r) => r.id === 'near-duplicate')).toMatchObject({ severity: 'warning', options: { threshold: 0.8, minWords: 6 } });
    const one = await runCli(['rules', 'option-count-outlier'], dir);
    expect(one.stdout).toMatch(/^option-count-outlier {2}\(info, flaw\)/);
    expect(one.stdout).toMatch(/Default options: \{"minQuestions":5\}/);
  });
});

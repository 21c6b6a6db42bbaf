// The two-thread lint (src/lint/parallel-lint.ts) must report exactly what one thread reports:
// same findings, severities from config, rule options, inline disables, locked ids. It runs only
// from the compiled CLI (the worker is lib/lint/lint-worker.js), so these tests run bin/qbank.js
// with QBANK_PARALLEL_FROM_BYTES=0 to force it on small banks.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/validators.js';
import { sampleProject } from '../support/sample-project.js';

const bin = path.join(repoRoot, 'bin/qbank.js');
const compiled = existsSync(path.join(repoRoot, 'lib/lint/lint-worker.js'));
if (!compiled) process.stdout.write('[skipped] parallel lint tests: lib/ is not compiled (npm test compiles it first)\n');

const work = mkdtempSync(path.join(tmpdir(), 'qbank-plint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(name: string): string {
  const dir = sampleProject(path.join(work, name));
  cpSync(path.join(repoRoot, 'qbank.lock.json'), path.join(dir, 'qbank.lock.json'));
  // near-duplicates and negative stems (the worker's rules), overlapping options and a long key (main-thread rules)
  appendFileSync(
    path.join(dir, 'sources/atendimento.txt'),
    [
      '',
      '',
      '9',
      'O cliente José entrou em contato para informar que está sem navegação desde ontem. O que deve ser feito?',
      'Reiniciar o modem',
      'Reiniciar o modem e abrir chamado',
      'Transferir para o suporte técnico de segundo nível com prioridade alta e registro completo do caso',
      '',
      '<!-- qbank-disable-next-question near-duplicate -- kept on purpose -->',
      '10',
      'O cliente José entrou em contato informando que está sem navegação desde ontem. O que deve ser feito?',
      'Abrir chamado',
      'Pedir o CPF',
      'Encerrar',
      '',
      '11',
      'O cliente José ligou para informar que está sem navegação desde ontem. O que deve ser feito?',
      'Abrir chamado',
      'Pedir o CPF',
      'Encerrar',
      '',
      '12',
      'Qual alternativa não é um canal de atendimento?',
      'Telefone',
      'Chat',
      'Pombo-correio',
    ].join('\n'),
  );
  return dir;
}

function lint(dir: string, threads: 'one' | 'two', args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', QBANK_THREAD_LOG: '1', ...(threads === 'one' ? { QBANK_THREADS: '1' } : { QBANK_THREADS: '2', QBANK_PARALLEL_FROM_BYTES: '0' }) };
  return spawnSync(process.execPath, [bin, 'lint', '--format', 'json', ...args], { cwd: dir, env, encoding: 'utf8' });
}

describe.skipIf(!compiled)('parallel lint', () => {
  it('reports exactly what one thread reports, worker rules included', { timeout: 60_000 }, () => {
    const dir = project('same');
    const one = lint(dir, 'one', []);
    const two = lint(dir, 'two', []);
    expect(two.status).toBe(one.status);
    expect(one.stderr).toBe('');
    expect(two.stderr).toBe('qbank: a second thread ran near-duplicate, negative-stem\n');
    expect(two.stdout).toBe(one.stdout);
    const found = new Set((JSON.parse(one.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId));
    for (const rule of ['near-duplicate', 'negative-stem', 'option-overlap']) expect(found, rule).toContain(rule);
  });

  it('applies config severities, options and overrides to the worker rules alike', { timeout: 60_000 }, () => {
    const dir = project('config');
    writeFileSync(
      path.join(dir, 'qbank.config.json'),
      JSON.stringify({
        rules: { 'near-duplicate': ['error', { threshold: 0.6, minWords: 4 }], 'negative-stem': 'off', 'option-overlap': 'error' },
        overrides: [{ files: ['sources/ataque/**'], rules: { 'option-overlap': 'off', 'negative-stem': 'warn' } }],
      }),
    );
    const one = lint(dir, 'one', []);
    const two = lint(dir, 'two', []);
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain('a second thread ran');
    expect(two.stdout).toBe(one.stdout);
    // the config reached the worker rules: severity and threshold for near-duplicate, off outside the override for negative-stem
    const found = (JSON.parse(one.stdout) as { diagnostics: { ruleId: string; severity: string; file: string; message: string }[] }).diagnostics;
    const near = found.filter((d) => d.ruleId === 'near-duplicate');
    expect(near.map((d) => d.severity)).toEqual(near.map(() => 'error'));
    expect(near.map((d) => d.message)).toContain('Question 11 is 77% similar to question 9'); // under the default 0.8
    expect(found.filter((d) => d.ruleId === 'negative-stem' && !d.file.startsWith('sources/ataque/'))).toEqual([]);
  });

  // The worker starts before the parse and waits for its job (threads.ts startWorker): a parse
  // that fails must be able to stop it (else the process would wait for it forever), and a job
  // that comes late must still be answered.
  it('stops a worker still waiting for its job, and answers a job sent after its start', { timeout: 60_000 }, async () => {
    type Lib = typeof import('../../src/lint/parallel-lint.js');
    const lib = (await import(pathToFileURL(path.join(repoRoot, 'lib/lint/parallel-lint.js')).href)) as Lib;
    const waiting = lib.startStemWorker({ negativeStem: true });
    await waiting.stop();
    expect(await waiting.reports).toBeUndefined(); // settled, so nothing waits on it either

    const { loadProject } = await import('../../src/pipeline/load.js');
    const dir = project('late');
    const { project: parsed } = await loadProject({ cwd: dir, inputs: [], sources: ['sources/**/*.txt'] });
    const late = lib.startStemWorker({ nearDuplicate: { threshold: 0.8, minWords: 6 }, negativeStem: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    late.send(parsed);
    const reports = await late.reports;
    expect(late.ruleIds).toEqual(['near-duplicate', 'negative-stem']);
    expect(reports?.get('near-duplicate')?.map((r) => r.message)).toContain('Question 10 is 83% similar to question 9'); // raw reports: the disable applies later
    expect(reports?.get('negative-stem')?.length).toBeGreaterThan(0);
  });

  // A build without an emit worker (one target) lints with the stem worker, as `qbank lint` does.
  // The attack corpus has errors: --skip-invalid writes the rest (and exits 1).
  it('gives a one-target build the same findings and output on two threads', { timeout: 60_000 }, () => {
    const dir = project('build');
    const build = (threads: 'one' | 'two', out: string) => {
      const env = { ...process.env, NO_COLOR: '1', QBANK_THREAD_LOG: '1', ...(threads === 'one' ? { QBANK_THREADS: '1' } : { QBANK_THREADS: '2', QBANK_PARALLEL_FROM_BYTES: '0' }) };
      return spawnSync(process.execPath, [bin, 'build', '--format', 'gift', '--skip-invalid', '--out', out], { cwd: dir, env, encoding: 'utf8' });
    };
    const one = build('one', 'out-one');
    const two = build('two', 'out-two');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain('qbank: a second thread ran near-duplicate, negative-stem\n');
    const findings = (r: typeof one) => r.stderr.split('\n').filter((l) => /^sources\//.test(l));
    expect(findings(one).some((l) => l.includes('near-duplicate'))).toBe(true);
    expect(findings(two)).toEqual(findings(one));
    const gift = (out: string) => readFileSync(path.join(dir, out, 'gift/atendimento.gift.txt'), 'utf8');
    expect(gift('out-two')).toBe(gift('out-one'));
  });
});

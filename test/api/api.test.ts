// The library API, used the way an LMS admin's script would use it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit, formats, lint, loadBank, parseBankText, saveIds, stats, write, contentsToString, type Diagnostic, type Question } from '../../src/index.js';
import { runCli, tempProject } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';

const bankText = '1\nO que é ONT?\nUm modem óptico\nUm cabo\nUm roteador\n\n2\nA luz LOS vermelha indica\nSinal normal\nPerda de sinal óptico\nFalta de energia\n';

describe('library API', () => {
  it('loadBank → lint → emit gives the same findings and files as the CLI', async () => {
    const dir = tempProject({ 'sources/a.txt': bankText, 'sources/a.key': '1: A\n2: B\n' });
    const bank = await loadBank({ cwd: dir });
    expect(bank.project.banks[0]!.questions.map((q: Question) => q.id)).toEqual(['a-q1', 'a-q2']);
    const findings: Diagnostic[] = lint(bank);
    const cli = await runCli(['lint', '--format', 'json'], dir);
    expect(findings).toEqual(JSON.parse(cli.stdout).diagnostics);

    const { files, diagnostics } = await emit(bank, ['gift', 'json']);
    expect(diagnostics).toEqual([]);
    await runCli(['build', '--format', 'gift,json', '--out', 'cli-dist'], dir);
    for (const f of files) expect(contentsToString(f.contents), f.path).toBe(readFileSync(path.join(dir, 'cli-dist', f.path), 'utf8'));
  });

  it('reports problems as data: a missing key is a finding with file and line, not an exception', async () => {
    const dir = tempProject({ 'sources/a.txt': bankText, 'sources/a.key': '1: A\n' });
    const findings = lint(await loadBank({ cwd: dir }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'missing-answer', severity: 'error', file: 'sources/a.txt', questionId: 'a-q2' }));
  });

  it('takes the config as an object, and explicit inputs', async () => {
    const dir = tempProject({ 'banco/a.txt': bankText, 'banco/a.key': '1: A\n2: B\n' });
    const bank = await loadBank({ cwd: dir, inputs: 'banco', config: { lang: 'es', rules: { 'missing-answer': 'off' } } });
    expect(bank.project.banks[0]!.lang).toBe('es');
    expect(bank.config.rules).toEqual({ 'missing-answer': 'off' });
    await expect(loadBank({ cwd: dir, config: { lang: 3 } as never })).rejects.toThrow(/Invalid config: lang/);
  });

  it('saveIds writes qbank.lock.json at the project root; write() replaces the output folder', async () => {
    const dir = tempProject({ 'sources/a.txt': bankText, 'sources/a.key': '1: A\n2: B\n' });
    const bank = await loadBank({ cwd: dir });
    expect(await saveIds(bank)).toBe(true);
    expect(existsSync(path.join(dir, 'qbank.lock.json'))).toBe(true);
    expect(await saveIds(await loadBank({ cwd: dir }))).toBe(false);
    await write(path.join(dir, 'out'), (await emit(bank, 'json')).files);
    expect(readdirSync(path.join(dir, 'out')).length).toBeGreaterThan(0);
  });

  it('parses a bank from a string, and counts it', () => {
    const { bank, diagnostics } = parseBankText(bankText, { path: 'sources/redes.txt', key: '1: A\n2: B\n' });
    expect(diagnostics).toEqual([]);
    expect(bank.questions.map((q) => [q.id, q.key])).toEqual([['redes-q1', [0]], ['redes-q2', [1]]]);
    expect(stats({ schemaVersion: 1, banks: [bank] })).toMatchObject({ questions: 2, key: { coverage: 1 }, keyLetters: { A: 1, B: 1, C: 0 } });
    expect(formats).toEqual(expect.arrayContaining(['json', 'gift', 'moodle-xml']));
  });

  // The published entry point: `import { loadBank, lint, emit } from 'qbank'` from another package.
  const built = path.join(repoRoot, 'lib/index.js');
  it.skipIf(!existsSync(built))('is what the package exports (lib/index.js with its .d.ts)', () => {
    const script = `import { loadBank, lint, emit } from 'qbank';
const bank = await loadBank({ cwd: ${JSON.stringify(repoRoot)}, ids: 'parser' });
const { files } = await emit(bank, 'json');
console.log(JSON.stringify({ n: bank.project.banks.length, errors: lint(bank).filter((d) => d.severity === 'error').length, files: files.length }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ n: 2, errors: 0 });
    const dts = readFileSync(path.join(repoRoot, 'lib/index.d.ts'), 'utf8');
    for (const name of ['loadBank', 'lint', 'emit']) expect(dts).toMatch(new RegExp(`export declare function ${name}\\b`));
    expect(dts).toMatch(/export type \{[^}]*\bQuestion\b/);
  });
});

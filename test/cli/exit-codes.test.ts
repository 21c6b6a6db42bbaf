import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';

const good = { 'sources/a.txt': '1\nQuanto é 2 + 2?\n3\n4\n', 'sources/a.key': '1: B\n' };

describe('exit codes', () => {
  it('0 when there are no errors', async () => {
    expect((await runCli(['lint'], tempProject(good))).code).toBe(0);
  });
  it('1 on lint errors', async () => {
    expect((await runCli(['lint'], tempProject({ 'sources/a.txt': '1\nS?\nA\n' }))).code).toBe(1);
  });
  it('0 with warnings, 1 when warnings exceed --max-warnings', async () => {
    const dir = tempProject({ 'sources/a.txt': '1\nS?\na) A\nb) B\nd) C\n', 'sources/a.key': '1: A' });
    expect((await runCli(['lint'], dir)).code).toBe(0);
    expect((await runCli(['lint', '--max-warnings', '0'], dir)).code).toBe(1);
    // --quiet hides the warnings but the summary still counts them
    const quiet = await runCli(['lint', '--quiet'], dir);
    expect(quiet.stdout).not.toContain('inconsistent-lettering');
    expect(quiet.stdout).toMatch(/0 errors, [1-9]\d* warnings?/);
  });
  it('2 for usage errors, with a one-line message and no stack trace', async () => {
    const dir = tempProject(good);
    for (const argv of [['lint', '--format', 'xml'], ['build', '--format', 'jsn'], ['nosuchcommand'], ['lint', 'missing.txt'], ['lint', '--max-warnings', 'x']]) {
      const r = await runCli(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await runCli(['build', '--format', 'jsn'], dir)).stderr).toContain('did you mean "json"');
  });
  it('2 when there is no sources/ folder', async () => {
    const r = await runCli(['lint'], tempProject({ 'readme.txt': 'x' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No bank files match sources/);
  });
  it('2 for a malformed config, naming the file', async () => {
    const dir = tempProject({ ...good, 'qbank.config.json': '{"rules": {"missing-answer": "loud"}}' });
    const r = await runCli(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Invalid config qbank.config.json: rules.missing-answer/);
  });
  it('--help and --version exit 0', async () => {
    const dir = tempProject(good);
    expect((await runCli(['--help'], dir)).code).toBe(0);
    const v = await runCli(['--version'], dir);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('build', () => {
  it('--out chooses the folder; explicit files and globs work', async () => {
    const dir = tempProject({ ...good, 'more/b.txt': '1\nS?\n* A\nB\n' });
    expect((await runCli(['build', 'more/b.txt', '--out', 'out1', '--format', 'json'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'out1/bank.json'), 'utf8')).banks[0].id).toBe('more/b');
    expect((await runCli(['build', 'more/**/*.txt', 'sources/a.txt', '-o', 'out2', '-f', 'json'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'out2/bank.json'), 'utf8')).banks.map((b: { id: string }) => b.id)).toEqual(['more/b', 'a']);
  });

  it('a failed build leaves the previous output intact', async () => {
    const dir = tempProject(good);
    expect((await runCli(['build', '-f', 'json'], dir)).code).toBe(0);
    const before = readFileSync(path.join(dir, 'dist/bank.json'), 'utf8');
    writeFileSync(path.join(dir, 'sources/a.key'), '');
    expect((await runCli(['build', '-f', 'json'], dir)).code).toBe(1);
    expect(readFileSync(path.join(dir, 'dist/bank.json'), 'utf8')).toBe(before);
  });

  it('--skip-invalid builds the valid questions and lists the skipped ones', async () => {
    const dir = tempProject({ 'sources/a.txt': '1\nS1?\nA\nB\n2\nS2?\nC\nD\n', 'sources/a.key': '1: A\n' });
    const r = await runCli(['build', '--skip-invalid', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('skipped sources/a.txt question 2');
    const ir = JSON.parse(readFileSync(path.join(dir, 'dist/bank.json'), 'utf8'));
    expect(ir.banks[0].questions.map((q: { number: number }) => q.number)).toEqual([1]);
  });

  it('--skip-invalid: a key-file error skips only the questions it leaves unkeyed', async () => {
    const dir = tempProject({ 'sources/a.txt': '1\nS1?\nA\nB\n2\nS2?\nC\nD\n3\nS3?\nE\nF\n', 'sources/a.key': '1: A\n2: B,Cx\n3: B\n9: A\n' });
    const r = await runCli(['build', '--skip-invalid', '-f', 'json'], dir);
    expect(r.stderr).toContain('skipped sources/a.txt question 2');
    const ir = JSON.parse(readFileSync(path.join(dir, 'dist/bank.json'), 'utf8'));
    expect(ir.banks[0].questions.map((q: { number: number; key: number[] }) => [q.number, q.key])).toEqual([[1, [0]], [3, [1]]]);
  });

  it('leaves no temp folders behind', async () => {
    const dir = tempProject(good);
    await runCli(['build', '-f', 'json'], dir);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((f) => f.includes('qbank-tmp'))).toEqual([]);
    expect(existsSync(path.join(dir, 'dist/qbank.schema.json'))).toBe(true);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../support/cli.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'qbank-init-'));

describe('qbank init', () => {
  it('scaffolds sources, key, config, templates note, .gitignore and a CI workflow', async () => {
    const dir = fresh();
    const r = await runCli(['init', 'treinamento'], dir);
    expect(r.code).toBe(0);
    const root = path.join(dir, 'treinamento');
    for (const f of ['sources/exemplo.txt', 'sources/exemplo.key', 'qbank.config.json', 'templates/README.md', '.gitignore', '.github/workflows/qbank.yml']) {
      expect(existsSync(path.join(root, f)), f).toBe(true);
    }
    expect(readdirSync(path.join(root, 'templates'))).toEqual(['README.md']);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    expect(JSON.parse(readFileSync(path.join(root, 'qbank.config.json'), 'utf8'))).toMatchObject({ sources: ['sources/**/*.txt'] });
    expect(r.stdout).toContain('cd treinamento');
  });

  it('writes an example bank whose comments are whole lines and that lints with no findings', async () => {
    const dir = fresh();
    await runCli(['init'], dir);
    const bank = readFileSync(path.join(dir, 'sources/exemplo.txt'), 'utf8');
    for (const line of bank.split('\n')) if (line.includes('<!--')) expect(line).toMatch(/^<!--.*-->$/);
    const lint = await runCli(['lint', '--format', 'json'], dir);
    expect(JSON.parse(lint.stdout).diagnostics).toEqual([]);
    expect(lint.code).toBe(0);
  });

  it('is followed by a working `qbank build`: outputs in dist/, ids in qbank.lock.json, and a frozen-ids lint passes', async () => {
    const dir = fresh();
    await runCli(['init'], dir);
    const build = await runCli(['build'], dir);
    expect(build.stderr).not.toMatch(/\berror\b/);
    expect(build.code).toBe(0);
    expect(readdirSync(path.join(dir, 'dist')).length).toBeGreaterThan(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'dist', readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.json') && !f.includes('schema'))!), 'utf8'));
    expect(JSON.stringify(json)).toContain('"exemplo-q1"');
    const lock = JSON.parse(readFileSync(path.join(dir, 'qbank.lock.json'), 'utf8'));
    expect(lock.files['sources/exemplo.txt'].map((e: { id: string }) => e.id)).toEqual(['exemplo-q1', 'exemplo-q2', 'exemplo-q3', 'exemplo-q4']);
    expect(existsSync(path.join(dir, 'dist', 'qbank.lock.json'))).toBe(false);
    expect((await runCli(['lint', '--frozen-ids'], dir)).code).toBe(0);
  });

  it('never overwrites existing files', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'qbank.config.json'), '{"out": "saida"}\n');
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'qbank.config.json'), 'utf8')).toBe('{"out": "saida"}\n');
    expect(r.stdout).toMatch(/kept +qbank\.config\.json/);
  });

  it('adds no example bank to a sources/ folder that already has banks', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, 'sources/redes'), { recursive: true });
    writeFileSync(path.join(dir, 'sources/redes/wifi.txt'), '1\nO que é SSID?\nO nome da rede\nA senha\n');
    const r = await runCli(['init'], dir);
    expect(existsSync(path.join(dir, 'sources/exemplo.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'qbank.config.json'))).toBe(true);
    expect(r.stdout).toMatch(/skipped +sources\/exemplo\.txt/);
  });

  it('writes a workflow that runs lint --frozen-ids, stats and build', async () => {
    const dir = fresh();
    await runCli(['init'], dir);
    const wf = parseYaml(readFileSync(path.join(dir, '.github/workflows/qbank.yml'), 'utf8'));
    const runs = wf.jobs.bank.steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(runs).toEqual(expect.arrayContaining([expect.stringContaining('qbank lint --frozen-ids'), expect.stringContaining('qbank stats --format markdown'), expect.stringContaining('qbank build')]));
  });
});

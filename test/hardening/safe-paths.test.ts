// Safe paths: a bank can only pull in files from inside its own folder (no ../, absolute paths,
// URL-encoded escapes or symlinks leading out), a build writes nowhere but its output folder,
// and no package entry name can escape the folder it is extracted into (zip-slip).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';
import { changes, snapshot, tempLeftovers } from './fs-snapshot.js';
import { expandZips, unsafeEntryName, targetNames } from './outputs.js';

const pixel = path.join(repoRoot, 'test/fixtures/attack/img/pixel.png');
let box: string; // holds the project and, beside it, files the bank must not reach
let cwd: string;

function write(rel: string, contents: string | Uint8Array): void {
  const abs = path.join(cwd, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, contents);
}

beforeAll(() => {
  box = mkdtempSync(path.join(tmpdir(), 'qbank-paths-'));
  cwd = path.join(box, 'projeto');
  mkdirSync(path.join(box, 'fora'), { recursive: true });
  copyFileSync(pixel, path.join(box, 'fora', 'segredo.png'));
  writeFileSync(path.join(box, 'fora', 'banco-de-fora.txt'), '1\nSegredo de fora?\n* sim\nnão\n');
  mkdirSync(cwd);
  copyFileSync(pixel, path.join(cwd, 'na-raiz.png'));
});
afterAll(() => rmSync(box, { recursive: true, force: true }));

describe('image references', () => {
  const bad: [string, string][] = [
    ['parent folder', '../na-raiz.png'],
    ['two levels up', '../../fora/segredo.png'],
    ['inside then out', 'img/../../na-raiz.png'],
    ['absolute', '/etc/passwd'],
    ['absolute image', `${path.join(box ?? '/tmp', 'fora', 'segredo.png')}`],
    ['URL-encoded ..', '%2e%2e/na-raiz.png'],
    ['URL-encoded slash', '..%2fna-raiz.png'],
    ['file: URL', 'file:///etc/passwd'],
    ['data: URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['javascript: URL', 'javascript:alert(1)'],
    ['symlink to a file outside', 'img/link.png'],
    ['file in a symlinked folder outside', 'pasta-link/segredo.png'],
    ['Windows separators', '..\\na-raiz.png'],
    ['missing file', 'img/nao-existe.png'],
  ];
  let diagnostics: Diagnostic[];
  let code: number;
  let lines: Map<string, number>;

  beforeAll(async () => {
    bad[4]![1] = path.join(box, 'fora', 'segredo.png');
    write('sources/img/ok.png', readFileSync(pixel));
    symlinkSync(path.join(box, 'fora', 'segredo.png'), path.join(cwd, 'sources/img/link.png'));
    symlinkSync(path.join(box, 'fora'), path.join(cwd, 'sources/pasta-link'));
    let src = '';
    lines = new Map();
    let line = 1;
    bad.forEach(([, url], i) => {
      src += `${i + 1}\n`;
      lines.set(url, line + 1);
      src += `Imagem ${i + 1}: ![figura](${url})\n* a\nb\n\n`;
      line += 5;
    });
    src += `${bad.length + 1}\nImagem boa: ![boa](img/ok.png)\n* a\nb\n`;
    write('sources/imagens.txt', src);
    const r = await runCli(['lint', 'sources/imagens.txt', '--format', 'json'], cwd);
    code = r.code;
    diagnostics = (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  });
  afterAll(() => rmSync(path.join(cwd, 'sources'), { recursive: true, force: true }));

  it.each(bad.map(([name]) => [name]))('%s is an error at its line', (name) => {
    const url = bad.find(([n]) => n === name)![1];
    const at = diagnostics.filter((d) => d.severity === 'error' && d.file === 'sources/imagens.txt' && d.line === lines.get(url));
    expect(at.map((d) => d.ruleId)).toContain('image-path');
  });

  it('the good image is fine and lint fails overall', () => {
    expect(diagnostics.filter((d) => d.ruleId === 'image-path' && d.line === bad.length * 5 + 2)).toEqual([]);
    expect(code).toBe(1);
  });
});

describe('bank files and config paths', () => {
  afterAll(() => rmSync(path.join(cwd, 'sources'), { recursive: true, force: true }));

  it('a bank file or answer key that is a symlink to a file outside the project is not read', async () => {
    write('sources/dentro.txt', '1\nDentro?\na\nb\n');
    writeFileSync(path.join(box, 'fora', 'chave.key'), '1: B\n');
    symlinkSync(path.join(box, 'fora', 'banco-de-fora.txt'), path.join(cwd, 'sources/link.txt'));
    symlinkSync(path.join(box, 'fora', 'chave.key'), path.join(cwd, 'sources/dentro.key'));
    const r = await runCli(['lint', '--format', 'json'], cwd);
    const ds = (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    // the linked key is reported at its own line 1 and not used (question 1 stays unkeyed) …
    expect(ds.some((d) => d.file === 'sources/dentro.key' && d.ruleId === 'parse/link-outside' && d.severity === 'error' && d.line === 1)).toBe(true);
    expect(ds.some((d) => d.file === 'sources/dentro.txt' && d.ruleId === 'missing-answer')).toBe(true);
    // … and the linked bank is never read
    expect(ds.some((d) => d.file === 'sources/link.txt')).toBe(false);
    expect(r.stdout).not.toContain('Segredo de fora');
    expect(r.code).toBe(1);
    // named explicitly, it is not silently taken either
    const named = await runCli(['build', 'sources/link.txt', '--out', 'saida'], cwd);
    expect(named.code).toBe(2);
    expect(named.stderr).not.toContain('Segredo de fora');
  });

  it('config sources that point outside the project are a usage error', async () => {
    for (const glob of ['../fora/*.txt', path.join(box, 'fora', '*.txt')]) {
      write('qbank.config.json', JSON.stringify({ sources: [glob] }));
      const r = await runCli(['lint'], cwd);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/outside/);
    }
    rmSync(path.join(cwd, 'qbank.config.json'));
  });
});

describe('the output folder is the only place written', () => {
  it('building every target into dist/ changes nothing else (bar the id lock file)', async () => {
    write('sources/a b/ç é.txt', '1\nQual? ![ponto](img/ponto.png)\n* a\nb\n');
    write('sources/a b/img/ponto.png', readFileSync(pixel));
    write('sources/-rf.txt', '1\nOpção perigosa?\n* a\nb\n');
    const before = snapshot(box, { skip: (rel) => rel === 'projeto/qbank.lock.json' });
    const r = await runCli(['build', '--format', 'all'], cwd);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const after = snapshot(box, { skip: (rel) => rel === 'projeto/qbank.lock.json' || rel.startsWith('projeto/dist/') });
    expect(changes(before, after)).toEqual(['added projeto/dist/']);
    expect(tempLeftovers(cwd)).toEqual([]);
    rmSync(path.join(cwd, 'sources'), { recursive: true, force: true });
  });

  it.each([
    ['the project folder', '.'],
    ['the sources folder', 'sources'],
    ['a parent folder', '..'],
    ['the file-system root', '/'],
    ['a bank file', 'sources/banco.txt'],
  ])('--out %s is refused with one line, exit 2, nothing touched', async (_name, out) => {
    write('sources/banco.txt', '1\nQual?\n* a\nb\n');
    const before = snapshot(box, { skip: (rel) => rel === 'projeto/qbank.lock.json' });
    const r = await runCli(['build', '--format', 'json', '--out', out], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('qbank:'))).toHaveLength(1);
    expect(r.stderr).toMatch(/Refusing to replace/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(changes(before, snapshot(box, { skip: (rel) => rel === 'projeto/qbank.lock.json' }))).toEqual([]);
  });
});

describe('zip-slip and hostile file names', () => {
  it('no package entry name can leave its folder, whatever the bank and image names', async () => {
    rmSync(path.join(cwd, 'sources'), { recursive: true, force: true });
    // names that are legal on Linux and dangerous elsewhere (or to a careless path join)
    write('sources/a\\..\\..\\evil.txt', '1\nBarra invertida?\n* a\nb\n');
    write('evil.txt', 'DECOY: this file must not be read\n');
    write('sources/x/a%2f..%2fy.txt', '1\nCodificado? ![i](img/a%5C..%5C..%5Cp.png)\n* a\nb\n');
    write('sources/x/img/a\\..\\..\\p.png', readFileSync(pixel));
    write('sources/C:/z.txt', '1\nDrive?\n* a\nb\n');
    const r = await runCli(['build', '--format', 'all', '--out', 'pacotes'], cwd);
    expect(r.stderr).not.toMatch(/\n\s+at |--debug|DECOY/);
    expect(r.code).toBe(0);
    // the backslash name was read as itself, not as ../../evil.txt
    const bank = readFileSync(path.join(cwd, 'pacotes/bank.json'), 'utf8');
    expect(bank).toContain('Barra invertida?');
    expect(bank).not.toContain('DECOY');
    const zips = readdirSync(path.join(cwd, 'pacotes'), { recursive: true }).map(String).filter((n) => n.endsWith('.zip'));
    expect(zips.length).toBeGreaterThan(0);
    for (const z of zips) {
      const entries = expandZips([{ path: z, bytes: readFileSync(path.join(cwd, 'pacotes', z)) }]);
      for (const e of entries) expect(unsafeEntryName(e.path.split('!/')[1]!)).toBeUndefined();
    }
    expect(targetNames().length).toBeGreaterThan(0);
    rmSync(path.join(cwd, 'evil.txt'));
  });

  it('a bank named outside the project keeps its outputs inside their target folders', async () => {
    rmSync(path.join(cwd, 'sources'), { recursive: true, force: true });
    write('sources/banco.txt', '1\nDentro?\n* a\nb\n');
    const r = await runCli(['build', '../fora/banco-de-fora.txt', '--format', 'all', '--out', 'externo'], cwd);
    expect(r.code).toBe(0);
    const top = readdirSync(path.join(cwd, 'externo')).sort();
    // only the targets' own files and folders at the top: no `fora/` escaped from gift/ or html/
    expect(top.filter((n) => n === 'fora')).toEqual([]);
    const ids = (JSON.parse(readFileSync(path.join(cwd, 'externo/bank.json'), 'utf8')) as { banks: { id: string }[] }).banks.map((b) => b.id);
    expect(ids).toEqual(['fora/banco-de-fora']);
  });
});

// Encodings: Windows-1252/Latin-1 input is reported line by line with a hint, and read correctly
// with --encoding windows-1252 (whole file) or auto (per line); a BOM and CRLF are handled
// silently; mixed line endings are reported; UTF-16 (Notepad's "Unicode") fails clearly.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import type { Project } from '../../src/ir/schema.js';
import { decodeSource } from '../../src/parse/decode.js';
import { runCli, tempProject } from '../support/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const cp1252 = (s: string): Uint8Array => {
  // the few cp1252 characters the bank uses beyond Latin-1
  const extra: Record<string, number> = { '“': 0x93, '”': 0x94, '…': 0x85, '–': 0x96, '’': 0x92 };
  return Uint8Array.from([...s].map((c) => extra[c] ?? c.charCodeAt(0)));
};

const bankText = '1\nQuestão sobre ação “fibra” – qual é a opção…?\n* Conexão estável\nNão sei\n\n2\nO técnico’s relatório?\n* Sim\nNão\n';
const expectedStems = ['Questão sobre ação “fibra” – qual é a opção…?', 'O técnico’s relatório?'];

async function lint(files: Record<string, string | Uint8Array>, args: string[] = []) {
  const cwd = tempProject(files);
  dirs.push(cwd);
  const r = await runCli(['lint', '--format', 'json', ...args], cwd);
  return { ...r, cwd, diagnostics: (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics };
}

async function stems(cwd: string, args: string[]): Promise<string[]> {
  const r = await runCli(['build', '--format', 'json', '-q', ...args], cwd);
  expect(r.code).toBe(0);
  const p = JSON.parse(readFileSync(path.join(cwd, 'dist/bank.json'), 'utf8')) as Project;
  return p.banks.flatMap((b) => b.questions.map((q) => q.stem.markdown));
}

describe('encodings', () => {
  it('Windows-1252 is reported, naming each affected line, with a hint naming the flag', async () => {
    const r = await lint({ 'sources/banco.txt': cp1252(bankText) });
    const enc = r.diagnostics.filter((d) => d.ruleId === 'invalid-encoding');
    // one finding at the first bad line that lists them all (the decoder groups them per file)
    expect(enc.length).toBeGreaterThan(0);
    expect(enc[0]!.line).toBe(2);
    expect(enc.every((d) => d.severity === 'error' && d.file === 'sources/banco.txt' && d.column >= 1)).toBe(true);
    const named = new Set([...enc.map((d) => d.line), ...enc.flatMap((d) => (/lines? ([\d, ]+)/.exec(d.message)?.[1] ?? '').split(/,\s*/).map(Number))]);
    for (const line of [2, 3, 4, 7, 9]) expect(named.has(line), `line ${line} named`).toBe(true);
    expect(enc[0]!.hint).toMatch(/--encoding windows-1252/);
    expect(r.code).toBe(1);
  });

  it('the Windows-1252 decoder maps 0x80-0x9F to cp1252, not to C1 controls (Node 20 TextDecoder does)', () => {
    const d = decodeSource(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9f, 0xe3, 0x81]), 'x.txt', 'windows-1252');
    expect(d.text).toBe('€…‘’“”–—Ÿã\u0081');
  });

  it('--encoding windows-1252 reads it exactly (0x85 "…" is not a line break)', async () => {
    const r = await lint({ 'sources/banco.txt': cp1252(bankText) }, ['--encoding', 'windows-1252']);
    expect(r.diagnostics.filter((d) => d.ruleId === 'invalid-encoding')).toEqual([]);
    expect(await stems(r.cwd, ['--encoding', 'windows-1252'])).toEqual(expectedStems);
  });

  it('the config encoding setting does the same', async () => {
    const r = await lint({ 'sources/banco.txt': cp1252(bankText), 'qbank.config.json': '{"encoding": "windows-1252"}' });
    expect(r.diagnostics.filter((d) => d.ruleId === 'invalid-encoding')).toEqual([]);
    expect(await stems(r.cwd, [])).toEqual(expectedStems);
  });

  it('--encoding auto reads a file mixing UTF-8 and cp1252 lines, noting each cp1252 line', async () => {
    const utf8 = new TextEncoder().encode('1\nPokémon em UTF-8?\n* sim\nnão\n\n');
    const mixed = Buffer.concat([utf8, cp1252('2\nAção em cp1252 “aspas”?\n* sim\nnão\n')]);
    const r = await lint({ 'sources/banco.txt': mixed }, ['--encoding', 'auto']);
    const enc = r.diagnostics.filter((d) => d.ruleId === 'invalid-encoding');
    expect(enc.length).toBeGreaterThan(0);
    expect(enc.every((d) => d.severity === 'info' && d.line >= 7)).toBe(true);
    expect(await stems(r.cwd, ['--encoding', 'auto'])).toEqual(['Pokémon em UTF-8?', 'Ação em cp1252 “aspas”?']);
  });

  it('a BOM and CRLF line endings are silent and leave no trace in the text', async () => {
    const text = '\uFEFF' + bankText.replaceAll('\n', '\r\n');
    const r = await lint({ 'sources/banco.txt': text });
    const noisy = r.diagnostics.filter((d) => /encoding|line-endings|control|bom|parse\//.test(d.ruleId));
    expect(noisy).toEqual([]);
    const got = await stems(r.cwd, []);
    expect(got).toEqual(expectedStems);
    expect(got.join('')).not.toMatch(/[\r\uFEFF]/);
  });

  it('mixed line endings are reported once, at the file', async () => {
    const text = bankText.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : '\n')).join('');
    const r = await lint({ 'sources/banco.txt': text });
    const mixed = r.diagnostics.filter((d) => d.ruleId === 'mixed-line-endings');
    expect(mixed).toHaveLength(1);
    expect(mixed[0]!.file).toBe('sources/banco.txt');
    expect(mixed[0]!.message).toMatch(/CRLF/);
  });

  it('UTF-16 (Notepad "Unicode") is an error with a line, not a crash', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bankText, 'utf16le')]);
    const r = await lint({ 'sources/banco.txt': utf16 });
    expect(r.code).toBe(1);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.file === 'sources/banco.txt' && d.line >= 1)).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

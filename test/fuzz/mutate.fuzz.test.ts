// Mutations of real files: the sample banks (and their key), the attack corpus, and the public
// banks in ../shared/corpus when present (read at test time only; never copied into the repo,
// see corpus/SOURCES.md). Byte-level edits split UTF-8 sequences, duplicate and swap lines,
// change line endings and truncate. Also the loader itself, on random files in a temp folder.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigSchema } from '../../src/config/schema.js';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import { lintProject } from '../../src/lint/run-lint.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';
import { bankBytes, bankText, mutate, mutations } from './arbitraries.js';
import { expectCleanDiagnostics, expectValidIr, parseFiles, type MemFile } from './harness.js';
import { fuzz, fuzzAsync, runsFor, timeoutFor } from './support.js';

const config = ConfigSchema.parse({});
const read = (rel: string) => new Uint8Array(readFileSync(path.join(repoRoot, rel)));

const samples: MemFile[] = [
  { id: 'atendimento', bytes: read('sources/atendimento.txt'), key: read('sources/atendimento.key') },
  { id: 'recursos/exemplo', bytes: read('sources/recursos/exemplo.txt') },
  { id: 'ataque', bytes: read('test/fixtures/attack/ataque.txt') },
];

function check(files: MemFile[], encoding: 'utf-8' | 'windows-1252' | 'auto' = 'utf-8'): void {
  const parsed = parseFiles(files, encoding);
  expectValidIr(parsed.project, parsed.lineCounts);
  const diagnostics = lintProject(parsed.project, parsed.diagnostics, { config });
  expectCleanDiagnostics(diagnostics, parsed.lineCounts);
}

const corpusDir = path.resolve(repoRoot, process.env.QBANK_CORPUS ?? '../shared/corpus');

function corpusFiles(): string[] {
  if (!existsSync(corpusDir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/^(SOURCES|README)\.md$/.test(n) && statSync(p).size < 4_000_000) out.push(p);
    }
  };
  walk(corpusDir);
  return out;
}

describe('mutation fuzzing', () => {
  it('the sample banks and their key, mutated', { timeout: timeoutFor('mutate-samples', 8) }, () => {
    const arb = fc.tuple(fc.nat({ max: samples.length - 1 }), mutations, fc.option(mutations), fc.constantFrom('utf-8', 'auto') as fc.Arbitrary<'utf-8' | 'auto'>);
    fuzz('mutate-samples', arb, ([i, ms, keyMs, encoding]) => {
      const s = samples[i]!;
      check([{ id: s.id, bytes: mutate(s.bytes, ms), ...(s.key ? { key: keyMs ? mutate(s.key, keyMs) : s.key } : {}) }], encoding);
    });
  });

  const corpus = corpusFiles();
  if (corpus.length === 0) console.warn(`[skipped] corpus mutations: no files at ${corpusDir} (set QBANK_CORPUS)`);

  it.skipIf(corpus.length === 0)('every ../shared/corpus file as it is, in every encoding mode', { timeout: 120_000 }, () => {
    for (const f of corpus) {
      const bytes = new Uint8Array(readFileSync(f));
      for (const enc of ['utf-8', 'windows-1252', 'auto'] as const) check([{ id: 'corpus', bytes }], enc);
    }
  });

  it.skipIf(corpus.length === 0)('../shared/corpus files, mutated', { timeout: timeoutFor('mutate-corpus', 40) }, () => {
    const bytes = corpus.map((f) => new Uint8Array(readFileSync(f)));
    fuzz('mutate-corpus', fc.tuple(fc.nat({ max: bytes.length - 1 }), mutations), ([i, ms]) => {
      check([{ id: 'corpus', bytes: mutate(bytes[i]!, ms) }], 'auto');
    });
  });
});

describe('loader fuzzing (files in a temp folder, through the CLI)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'qbank-load-fuzz-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;

  const name = fc.oneof(fc.constantFrom('banco', 'a b', 'ção', 'x.y', '-rf', 'a..b', 'UPPER', 'emoji😀', 'tab\tname', 'q#1', '%2e%2e'), fc.stringMatching(/^[a-z0-9_-]{1,12}$/));
  const file = fc.record({ dir: fc.constantFrom('', 'sub/', 'a/b/'), name, bytes: fc.oneof(bankText.map((t) => new TextEncoder().encode(t)), bankBytes), key: fc.option(fc.oneof(bankBytes, fc.constant(new TextEncoder().encode('1: A\n2-B\n')))) });

  it('random files with random names: lint exits 0 or 1 with clean findings; build --skip-invalid never crashes', { timeout: timeoutFor('load-temp-dir', 300) }, async () => {
    await fuzzAsync('load-temp-dir', fc.array(file, { minLength: 1, maxLength: 3 }), async (files) => {
      const cwd = path.join(root, `p${n++}`);
      const lineCounts = new Map<string, number>();
      for (const f of files) {
        const rel = `sources/${f.dir}${f.name}.txt`;
        mkdirSync(path.dirname(path.join(cwd, rel)), { recursive: true });
        writeFileSync(path.join(cwd, rel), f.bytes);
        // a generous bound: any line number up to the count of line breaks + 1 is real
        lineCounts.set(rel, (Buffer.from(f.bytes).toString('latin1').match(/\r\n|\r|\n/g)?.length ?? 0) + 1);
        if (f.key) {
          writeFileSync(path.join(cwd, rel.replace(/\.txt$/, '.key')), f.key);
          lineCounts.set(rel.replace(/\.txt$/, '.key'), (Buffer.from(f.key).toString('latin1').match(/\r\n|\r|\n/g)?.length ?? 0) + 1);
        }
      }
      const r = await runCli(['lint', '--format', 'json'], cwd);
      expect(r.stderr).not.toMatch(/\n\s+at |--debug/);
      expect([0, 1]).toContain(r.code);
      const found = (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
      expectCleanDiagnostics(found, lineCounts);
      if (n % 4 === 0) {
        // workflow commands: one annotation line per finding plus the summary, whatever the text
        const gh = await runCli(['lint', '--format', 'github'], cwd);
        expect(gh.code).toBe(r.code);
        expect(gh.stdout.split('\n').filter(Boolean)).toHaveLength(found.length + 1);
        const sarif = await runCli(['lint', '--format', 'sarif'], cwd);
        expect((JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(found.length);
      }
      if (n % 8 === 0) {
        const b = await runCli(['build', '--skip-invalid', '--format', 'all', '-q'], cwd);
        expect(b.stderr).not.toMatch(/\n\s+at |--debug/);
        expect([0, 1]).toContain(b.code);
      }
      rmSync(cwd, { recursive: true, force: true });
    });
    expect(n).toBe(runsFor('load-temp-dir'));
  });
});

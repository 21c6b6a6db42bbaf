// The two-thread build (src/pipeline/parallel.ts) must be invisible in its results: the same
// bytes as one thread, nothing written when lint or a self-check in either thread fails, no
// temp folder left. It only runs from the compiled CLI (the worker is lib/pipeline/emit-worker.js),
// so these tests run bin/qbank.js with QBANK_PARALLEL_FROM_BYTES=0 to force it on small banks.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/validators.js';
import { sampleProject } from '../support/sample-project.js';
import { snapshot } from './fs-snapshot.js';
import { secondCopyFits } from '../../src/pipeline/threads.js';
import { contentDigest } from '../../src/pipeline/parallel.js';
import { loadSources } from '../../src/pipeline/build.js';
import { loadConfig } from '../../src/config/load-config.js';
import { WORKER_BYTES_PER_SOURCE_BYTE } from '../../src/lint/parallel-lint.js';

const bin = path.join(repoRoot, 'bin/qbank.js');
const compiled = existsSync(path.join(repoRoot, 'lib/pipeline/emit-worker.js'));
if (!compiled) process.stdout.write('[skipped] parallel build tests: lib/ is not compiled (npm test compiles it first)\n');

const work = mkdtempSync(path.join(tmpdir(), 'qbank-par-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = (name: string): string => sampleProject(path.join(work, name));

function build(dir: string, threads: 'one' | 'two', args: string[] = []) {
  const env = { ...process.env, NO_COLOR: '1', ...(threads === 'one' ? { QBANK_THREADS: '1' } : { QBANK_THREADS: '2', QBANK_PARALLEL_FROM_BYTES: '0' }) };
  return spawnSync(process.execPath, [bin, 'build', '--format', 'all', ...args], { cwd: dir, env, encoding: 'utf8' });
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes('qbank-tmp'));

describe.skipIf(!compiled)('parallel build', () => {
  it('gives the same bytes as one thread, and says it used a second one', { timeout: 120_000 }, () => {
    const one = project('one');
    const two = project('two');
    const r1 = build(one, 'one', ['--verbose']);
    const r2 = build(two, 'two', ['--verbose']);
    expect(r1.status, r1.stderr).toBe(0);
    expect(r2.status, r2.stderr).toBe(0);
    expect(r1.stderr).not.toContain('second thread');
    expect(r2.stderr).toMatch(/a second thread emits \S/);
    expect(snapshot(path.join(two, 'dist'))).toEqual(snapshot(path.join(one, 'dist')));
    expect(readFileSync(path.join(two, 'qbank.lock.json'), 'utf8')).toBe(readFileSync(path.join(one, 'qbank.lock.json'), 'utf8'));
    expect(leftovers(two)).toEqual([]);
  });

  it('writes nothing when lint finds an error, and leaves no temp folder', { timeout: 60_000 }, () => {
    const dir = project('lint-error');
    appendFileSync(path.join(dir, 'sources/atendimento.txt'), '\n\n9\nUma pergunta sem opções?\n');
    const r = build(dir, 'two');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing was written');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes nothing when a target of either thread fails its self-check', { timeout: 120_000 }, () => {
    // one broken override per thread's share would be one test each; breaking every XML item
    // template hits whichever thread emits it
    for (const [target, file, from, to] of [
      ['qti21', 'item.xml.hbs', '</choiceInteraction>', ''],
      ['canvas', 'item.xml.hbs', '</item>', ''],
    ] as const) {
      const dir = project(`broken-${target}`);
      mkdirSync(path.join(dir, 'templates', target), { recursive: true });
      const builtin = readFileSync(path.join(repoRoot, 'templates', target, file), 'utf8');
      expect(builtin).toContain(from);
      writeFileSync(path.join(dir, 'templates', target, file), builtin.replace(from, to));
      const r = build(dir, 'two');
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('failed its self-check');
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    }
  });
});

// README: a build's second thread is skipped when two copies of the bank would not fit in free
// memory and in half of the machine's memory; lint's worker holds only the stems.
describe('second-thread memory rule', () => {
  const GB = 2 ** 30;
  it('allows a 100k-question bank (40 MB) on a 24 GB machine with 20 GB free', () => {
    expect(secondCopyFits(40e6, 20 * GB, 24 * GB)).toBe(true);
  });
  it('refuses a million questions (395 MB) there: two copies would pass half the machine', () => {
    expect(secondCopyFits(395e6, 20 * GB, 24 * GB)).toBe(false);
  });
  it('refuses when free memory is short, however large the machine', () => {
    expect(secondCopyFits(40e6, 1 * GB, 256 * GB)).toBe(false);
  });
  it("allows lint's worker at a million questions: it holds only the stems", () => {
    expect(secondCopyFits(395e6, 20 * GB, 24 * GB, WORKER_BYTES_PER_SOURCE_BYTE)).toBe(true);
  });
});

// Both build threads read the bank; the main thread compares their digests before keeping the
// staged output, so the digest must change with any edit, even one that keeps every id and length.
// The main thread digests the hashes the lock matching computed, the worker (no lock) its own.
describe('build threads agree on the content they read', () => {
  it('a same-length edit of one stem changes the digest, a re-read of the same files does not', async () => {
    const dir = project('digest');
    const { config } = loadConfig(dir);
    const read = async () => {
      const { project, ids } = await loadSources({ cwd: dir, config, inputs: [], ids: { root: dir, partial: false }, validate: false });
      const main = contentDigest(project, ids!.hashes);
      expect(contentDigest(project)).toBe(main); // the worker's way
      return main;
    };
    const before = await read();
    expect(before).not.toBe('');
    expect(await read()).toBe(before);
    const file = path.join(dir, 'sources/atendimento.txt');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('cliente', 'Cliente');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    expect(await read()).not.toBe(before);
  });
});

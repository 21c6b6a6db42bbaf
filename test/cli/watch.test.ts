// A real watcher on a temp project, real file edits, generous waits; nothing asserts speed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDiagnostics, watchBuild } from '../../src/cli/watch.js';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import { messages } from '../../src/lint/rules/missing-answer.js';
import { tempProject } from '../support/cli.js';

async function waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Question 3's stem ends with a space: a lasting (info) finding that must not be reprinted.
const bankText = '1\nO que é ONT?\nUm modem óptico\nUm cabo\nUm roteador\n\n2\nA luz LOS indica\nSinal normal\nPerda de sinal\nFalta de energia\n\n3\nQual protocolo é informado? \nO do atendimento\nO da fatura\nO do contrato\n';

describe('qbank build --watch', () => {
  it('rebuilds after an edit and prints only the findings that appeared or were fixed', async () => {
    const dir = tempProject({ 'sources/a.txt': bankText, 'sources/a.key': '1: A\n2: B\n3: A\n' });
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => ((err += s), true) }, cwd: dir, env: { NO_COLOR: '1' } };
    const ac = new AbortController();
    const done = watchBuild([], { format: ['json'] }, io, { signal: ac.signal, debounceMs: 100 });
    await waitFor(() => err.includes('watching'), 'the first build');
    const lasting = /^sources\/a\.txt:\S+ +\w+ +(.*?) {2}([\w/-]+)$/m.exec(err);
    expect(lasting, err).not.toBeNull();
    expect(err).toContain('qbank: wrote');


    let mark = err.length;
    writeFileSync(path.join(dir, 'sources/a.key'), '1: A\n3: A\n'); // question 2 loses its key
    await waitFor(() => /1 new, 0 fixed/.test(err.slice(mark)), 'the rebuild after breaking the key');
    const broken = err.slice(mark);
    expect(broken).toContain(`sources/a.txt:8:1  error  ${messages.noKey(2)}  missing-answer`);
    expect(broken).not.toContain(lasting![1]!);
    expect(broken).toContain('nothing was written');

    mark = err.length;
    writeFileSync(path.join(dir, 'sources/a.key'), '1: A\n2: B\n3: A\n');
    await waitFor(() => /0 new, 1 fixed/.test(err.slice(mark)), 'the rebuild after fixing the key');
    const fixed = err.slice(mark);
    expect(fixed).toContain(`fixed  sources/a.txt:8:1  ${messages.noKey(2)}  missing-answer\n`);
    expect(fixed).not.toContain(lasting![1]!);
    expect(fixed).toContain('qbank: wrote');

    // that build wrote dist/ and qbank.lock.json inside the watched folder: no rebuild loop
    await sleep(1500);
    expect(err.slice(mark).match(/qbank: wrote/g)).toHaveLength(1);

    ac.abort();
    expect(await done).toBe(0);
  }, 90_000);

  it('keeps watching after a build that throws (a broken config), and recovers', async () => {
    const dir = tempProject({ 'sources/a.txt': bankText, 'sources/a.key': '1: A\n2: B\n3: A\n', 'qbank.config.json': '{}\n' });
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => ((err += s), true) }, cwd: dir, env: { NO_COLOR: '1' } };
    const ac = new AbortController();
    const done = watchBuild([], { format: ['json'] }, io, { signal: ac.signal, debounceMs: 100 });
    await waitFor(() => err.includes('watching'), 'the first build');
    let mark = err.length;
    writeFileSync(path.join(dir, 'qbank.config.json'), '{"sources": 3}\n');
    await waitFor(() => err.slice(mark).includes('Invalid config'), 'the config error');
    mark = err.length;
    writeFileSync(path.join(dir, 'qbank.config.json'), '{}\n');
    await waitFor(() => err.slice(mark).includes('qbank: wrote'), 'the build after the fix');
    ac.abort();
    expect(await done).toBe(0);
  }, 90_000);
});

describe('diffDiagnostics', () => {
  const d = (message: string, line: number): Diagnostic => ({ ruleId: 'r', severity: 'error', message, file: 'a.txt', line, column: 1 });
  it('matches findings by file, rule, question and message, not by line (text above may move)', () => {
    const { added, fixed } = diffDiagnostics([d('x', 3), d('y', 5)], [d('x', 4), d('z', 9)]);
    expect(added.map((a) => a.message)).toEqual(['z']);
    expect(fixed.map((a) => a.message)).toEqual(['y']);
  });
  it('counts repeats', () => {
    const { added, fixed } = diffDiagnostics([d('x', 3)], [d('x', 3), d('x', 8)]);
    expect(added).toHaveLength(1);
    expect(fixed).toHaveLength(0);
  });
});

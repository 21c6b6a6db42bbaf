// `qbank` as a real process (bin/qbank.js on the compiled lib/): bad input ends in exit 1 with
// findings or exit 2 with one line, never a stack trace; a reader that closes the pipe early
// (`qbank lint | head`) is not a crash.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tempProject } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';

const bin = path.join(repoRoot, 'bin/qbank.js');
const built = existsSync(path.join(repoRoot, 'lib/cli/main.js'));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function qbank(files: Record<string, string | Uint8Array>, args: string[]) {
  const cwd = tempProject(files);
  dirs.push(cwd);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const stack = /\n\s+at |node:internal|Unhandled|--debug/;

// deterministic garbage: a xorshift stream, so a failure replays
function garbage(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe.skipIf(!built)('qbank as a process', () => {
  it.each([
    ['binary garbage', { 'sources/lixo.txt': garbage(64 * 1024) }],
    ['garbage with NULs and a BOM', { 'sources/lixo.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), garbage(4096, 3), Buffer.from('\n1\nQual?\n* a\nb\n')]) }],
    ['a bank and a key that are both garbage', { 'sources/lixo.txt': '1\nQual?\na\nb\n', 'sources/lixo.key': garbage(2048, 11) }],
  ])('%s: findings with file and line, exit 1', (_name, files) => {
    for (const cmd of [['lint'], ['build', '--format', 'all']]) {
      const r = qbank(files, cmd);
      expect(r.stderr + r.stdout).not.toMatch(stack);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/sources\/lixo\.(txt|key):\d+:\d+/);
    }
  });

  it('--skip-invalid on garbage: builds what is valid or reports, no crash', () => {
    const r = qbank({ 'sources/lixo.txt': Buffer.concat([garbage(8192, 5), Buffer.from('\n\n1\nQual é a certa?\n* esta\naquela\n')]) }, ['build', '--skip-invalid', '--format', 'all']);
    expect(r.stderr).not.toMatch(stack);
    expect([0, 1]).toContain(r.code);
  });

  it.each([
    ['no sources/', {}, ['build']],
    ['bad config', { 'sources/a.txt': '1\nQ?\n* a\nb\n', 'qbank.config.json': '{"points": "x"}' }, ['build']],
    ['unknown format', { 'sources/a.txt': '1\nQ?\n* a\nb\n' }, ['build', '--format', 'docx']],
    ['--out is the project', { 'sources/a.txt': '1\nQ?\n* a\nb\n' }, ['build', '--out', '.']],
  ])('%s: one line, exit 2', (_name, files, args) => {
    const r = qbank(files as Record<string, string>, args);
    expect(r.stderr).not.toMatch(stack);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
  });

  it('a reader that closes the pipe early (qbank lint | head) is not a crash', async () => {
    let bank = '';
    for (let i = 1; i <= 3000; i++) bank += `${i}\nPergunta ${i}?\na\nb\n\n`;
    const cwd = tempProject({ 'sources/b.txt': bank });
    dirs.push(cwd);
    for (const format of ['text', 'json']) {
      const child = spawn(process.execPath, [bin, 'lint', '--format', format], { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
      expect(code).toBe(1);
    }
  });
});

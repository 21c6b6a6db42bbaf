// Atomic output: whatever goes wrong (a lint error, an emitter or I/O failure, a fault injected
// mid-way, the process killed while writing), the previous dist/ stays exactly as it was and no
// half-written file is left where a user would take it for output. A temp folder left by a kill
// is removed by the next build.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmittedFile } from '../../src/emit/emitter.js';
import { safeJoin, writeAtomically } from '../../src/pipeline/write.js';
import { runCli, tempProject } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';
import { changes, snapshot, tempLeftovers } from './fs-snapshot.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const goodBank = '1\nQuanto é 2 + 2?\n* 4\n5\n\n2\nQual é a capital do Brasil?\nSão Paulo\n* Brasília\n';

/** A project with a previous build in dist/ (old contents that a new build would replace). */
function projectWithDist(files: Record<string, string> = { 'sources/banco.txt': goodBank }): { cwd: string; dist: string } {
  const cwd = tempProject({
    ...files,
    'dist/bank.json': '{"old": true}\n',
    'dist/gift/banco.gift.txt': '// old\n',
    'dist/html/banco/exam-A.html': '<p>old</p>\n',
  });
  dirs.push(cwd);
  return { cwd, dist: path.join(cwd, 'dist') };
}

const files = (n: number): EmittedFile[] => Array.from({ length: n }, (_, i) => ({ path: `d${i % 3}/f${i}.txt`, contents: `file ${i}\n` }));

async function expectUntouched(cwd: string, dist: string, write: () => Promise<unknown>): Promise<unknown> {
  const before = snapshot(cwd);
  let error: unknown;
  try {
    await write();
  } catch (e) {
    error = e;
  }
  expect(error).toBeDefined();
  expect(changes(before, snapshot(cwd))).toEqual([]);
  expect(tempLeftovers(path.dirname(dist))).toEqual([]);
  return error;
}

describe('atomic output', () => {
  it('a fault injected after each file in turn leaves the previous output intact', async () => {
    const { cwd, dist } = projectWithDist();
    for (let failAt = 0; failAt < 5; failAt++) {
      let n = 0;
      await expectUntouched(cwd, dist, () =>
        writeAtomically(dist, files(5), {
          afterFile: () => {
            if (n++ === failAt) throw new Error('injected fault');
          },
        }),
      );
    }
  });

  it('an output whose contents fail while streaming (an emitter error mid-file)', async () => {
    const { cwd, dist } = projectWithDist();
    function* failing() {
      yield 'x'.repeat(3 << 20); // past the 1 MB batch, so part of it is on disk already
      throw new Error('emitter failed mid-file');
    }
    await expectUntouched(cwd, dist, () => writeAtomically(dist, [...files(2), { path: 'big.json', contents: { [Symbol.iterator]: failing } }]));
  });

  it('a real I/O error (a file where a folder must go) and a duplicate path', async () => {
    const { cwd, dist } = projectWithDist();
    const e1 = await expectUntouched(cwd, dist, () => writeAtomically(dist, [{ path: 'a', contents: '1' }, { path: 'a/b.txt', contents: '2' }]));
    expect((e1 as NodeJS.ErrnoException).code).toMatch(/ENOTDIR|EEXIST/);
    await expectUntouched(cwd, dist, () => writeAtomically(dist, [{ path: 'a.txt', contents: '1' }, { path: './a.txt', contents: '2' }]));
  });

  it('an emitted path that leaves the output folder is refused before anything moves', async () => {
    const { cwd, dist } = projectWithDist();
    for (const bad of ['../escape.txt', 'x/../../escape.txt', '/etc/escape', 'C:\\escape.txt', '..', '', 'a\0b']) {
      await expectUntouched(cwd, dist, () => writeAtomically(dist, [{ path: 'ok.txt', contents: '1' }, { path: bad, contents: '2' }]));
    }
    expect(existsSync(path.join(cwd, 'escape.txt'))).toBe(false);
    expect(() => safeJoin('/out', 'a/./b/../c.txt')).not.toThrow();
  });

  it('a build with lint errors writes nothing and exits 1', async () => {
    const { cwd, dist } = projectWithDist({ 'sources/banco.txt': goodBank + '\n3\nSem resposta?\na\nb\n' });
    const before = snapshot(cwd);
    const r = await runCli(['build', '--format', 'json'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(changes(before, snapshot(cwd))).toEqual([]);
    expect(tempLeftovers(path.dirname(dist))).toEqual([]);
  });

  it('a successful build replaces the output as a whole (no stale files from the old one)', async () => {
    const { cwd, dist } = projectWithDist();
    const r = await runCli(['build', '--format', 'json'], cwd);
    expect(r.code).toBe(0);
    expect(readdirSync(dist).sort()).toEqual(['bank.json', 'qbank.schema.json']);
    expect(tempLeftovers(cwd)).toEqual([]);
  });

  it('recovers from a kill between the two renames: the old output comes back, then is replaced', async () => {
    const { cwd, dist } = projectWithDist();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    // what a build killed after `rename(dist, old)` leaves: no dist, the old output beside it
    const prefix = `.dist.qbank-tmp-${dead}-AbC123`;
    const old = path.join(cwd, `${prefix}-old`);
    const before = snapshot(dist);
    spawnSync('mv', [dist, old]);
    mkdirSync(path.join(cwd, prefix));
    writeFileSync(path.join(cwd, prefix, 'half.json'), '{"half');
    // a failing write must still leave the restored previous output
    await expect(writeAtomically(dist, files(3), { afterFile: () => { throw new Error('fault'); } })).rejects.toThrow('fault');
    expect(changes(before, snapshot(dist))).toEqual([]);
    expect(tempLeftovers(cwd)).toEqual([]);
  });

  it('leaves temp folders of builds still running alone', async () => {
    const { cwd, dist } = projectWithDist();
    const busy = path.join(cwd, `.dist.qbank-tmp-${process.ppid}-XyZ789`);
    mkdirSync(busy);
    await writeAtomically(dist, files(2));
    expect(existsSync(busy)).toBe(true);
  });

  describe('killed mid-write (a real process, SIGKILL)', () => {
    const bin = path.join(repoRoot, 'bin/qbank.js');
    const built = existsSync(path.join(repoRoot, 'lib/cli/main.js'));

    it.skipIf(!built)('the previous dist/ survives, and the next build cleans the leftovers', { timeout: 120_000 }, async () => {
      let bank = '';
      for (let i = 1; i <= 40_000; i++) bank += `${i}\nPergunta ${i} sobre o atendimento ao cliente?\n* certa ${i}\nerrada ${i}\n\n`;
      const { cwd, dist } = projectWithDist({ 'sources/banco.txt': bank, 'qbank.config.json': '{"rules": {"key-position-bias": "off"}}' });
      const before = snapshot(dist);
      const child = spawn(process.execPath, [bin, 'build', '--format', 'json', '-q'], { cwd, stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      // wait until the temp folder holds part of bank.json, then kill
      let killedMidWrite = false;
      for (let i = 0; i < 6000 && child.exitCode === null; i++) {
        const tmp = tempLeftovers(cwd).find((n) => !n.endsWith('-old'));
        const partial = tmp && path.join(cwd, tmp, 'bank.json');
        if (partial && existsSync(partial) && statSync(partial).size > 0) {
          child.kill('SIGKILL');
          killedMidWrite = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      await exited;
      expect(killedMidWrite, 'the build finished before it could be killed mid-write').toBe(true);
      expect(changes(before, snapshot(dist))).toEqual([]);
      const left = tempLeftovers(cwd);
      expect(left.length).toBeGreaterThan(0); // a SIGKILL cannot clean up …
      expect(left.every((n) => n.includes(`.qbank-tmp-${child.pid}-`))).toBe(true); // … but it is marked as that build's

      writeFileSync(path.join(cwd, 'sources/banco.txt'), goodBank);
      const r = await runCli(['build', '--format', 'json'], cwd);
      expect(r.code).toBe(0);
      expect(tempLeftovers(cwd)).toEqual([]);
      expect(readdirSync(dist).sort()).toEqual(['bank.json', 'qbank.schema.json']);
    });
  });
});

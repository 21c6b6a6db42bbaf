// Determinism: the same sources give byte-identical outputs for every target, whatever the
// clock, Math.random, time zone, locale or the order in which the file system lists files.
// Checked in-process (with the clock and Math.random faked and fast-glob's answer reversed)
// and as separate processes under other TZ/LANG/LC_ALL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';
import { sampleProject } from '../support/sample-project.js';
import { snapshot, type Snapshot } from './fs-snapshot.js';
import { targetNames } from './outputs.js';

const order = vi.hoisted(() => ({ reverse: false, reversed: 0 }));

// fast-glob answers in directory order, which differs between file systems; the loader must not
// depend on it.
vi.mock('fast-glob', async (importOriginal) => {
  // CommonJS module: its callable is the default export at run time
  const mod = (await importOriginal()) as { default: (...args: unknown[]) => Promise<string[]> };
  const fg = Object.assign(async (...args: unknown[]) => {
    const found = await mod.default(...args);
    if (!order.reverse) return found;
    order.reversed++;
    return [...found].reverse();
  }, mod.default);
  return { ...mod, default: fg };
});

const work = mkdtempSync(path.join(tmpdir(), 'qbank-det-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the sample banks plus the attack corpus (images, every feature), built fresh. */
const project = (name: string): string => sampleProject(path.join(work, name));

const outputs = (dir: string): Snapshot => snapshot(path.join(dir, 'dist'));

let reference: Snapshot;

beforeAll(async () => {
  const dir = project('reference');
  const r = await runCli(['build', '--format', 'all'], dir);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(0);
  reference = outputs(dir);
});

describe('determinism', () => {
  it('the reference build has output from every target', () => {
    expect(reference.size).toBeGreaterThan(targetNames().length);
  });

  it('a second build is byte-identical', async () => {
    const dir = project('again');
    expect((await runCli(['build', '--format', 'all'], dir)).code).toBe(0);
    expect(outputs(dir)).toEqual(reference);
  });

  it('another clock, Math.random, time zone and file order change nothing', async () => {
    const dir = project('perturbed');
    const tz = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2038-01-19T03:14:07Z') });
    const random = vi.spyOn(Math, 'random').mockImplementation(() => 0.999);
    process.env.TZ = 'Pacific/Kiritimati';
    order.reverse = true;
    try {
      expect((await runCli(['build', '--format', 'all'], dir)).code).toBe(0);
    } finally {
      order.reverse = false;
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
      random.mockRestore();
      vi.useRealTimers();
    }
    expect(order.reversed).toBeGreaterThan(0);
    expect(outputs(dir)).toEqual(reference);
  });

  const bin = path.join(repoRoot, 'bin/qbank.js');
  it.skipIf(!existsSync(path.join(repoRoot, 'lib/cli/main.js')))(
    'separate processes under other TZ, LANG and LC_ALL give the same bytes',
    { timeout: 120_000 },
    () => {
      const envs = [
        { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
        { TZ: 'America/Sao_Paulo', LANG: 'C', LC_ALL: 'C' },
      ];
      envs.forEach((env, i) => {
        const dir = project(`process-${i}`);
        const r = spawnSync(process.execPath, [bin, 'build', '--format', 'all', '-q'], { cwd: dir, env: { ...process.env, ...env, NO_COLOR: '1' }, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(outputs(dir)).toEqual(reference);
      });
    },
  );
});

// Plain file inputs skip fast-glob; the answer must be what fast-glob gives for the same inputs.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBankFiles } from '../../src/pipeline/load.js';

describe('findBankFiles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qbank-find-'));
  mkdirSync(path.join(dir, 'sources/sub'), { recursive: true });
  for (const f of ['sources/a.txt', 'sources/a.key', 'sources/sub/b.txt', 'sources/.hidden.txt']) writeFileSync(path.join(dir, f), '1\nQ?\nA\nB\n');
  symlinkSync(path.join(dir, 'sources/a.txt'), path.join(dir, 'sources/link.txt'));

  it('gives the same files for plain paths as the glob path does', async () => {
    const inputs = ['sources/sub/b.txt', 'sources/a.txt', './sources/a.txt', 'sources/a.key'];
    const fast = await findBankFiles({ cwd: dir, inputs, sources: [] });
    // an ignore list forces the fast-glob path
    const globbed = await findBankFiles({ cwd: dir, inputs, sources: [], ignore: ['nothing/**'] });
    expect(fast).toEqual(globbed);
    expect(fast).toEqual([path.join(dir, 'sources/a.txt'), path.join(dir, 'sources/sub/b.txt')]);
  });

  it('leaves dot files, links and patterns to fast-glob', async () => {
    for (const inputs of [['sources/.hidden.txt'], ['sources/link.txt'], ['sources/*.txt']]) {
      const a = await findBankFiles({ cwd: dir, inputs, sources: [] }).catch((e: Error) => e.message);
      const b = await findBankFiles({ cwd: dir, inputs, sources: [], ignore: ['nothing/**'] }).catch((e: Error) => e.message);
      expect(a, inputs[0]).toEqual(b);
    }
  });
});

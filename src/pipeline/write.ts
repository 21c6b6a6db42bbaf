// Atomic output: everything is written into a fresh temp folder next to the output folder, then
// swapped in with renames. A failure at any point leaves the previous output untouched.
// Paths come from emitters; each is checked to stay inside the output folder (no ../, no
// absolute paths), so nothing is ever written elsewhere.
import { mkdir, open, rename, rm, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import type { EmittedFile } from '../emit/emitter.js';

export function safeJoin(root: string, rel: string): string {
  const norm = path.posix.normalize(rel);
  if (rel === '' || path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel) || norm.startsWith('../') || norm === '..' || rel.includes('\0')) {
    throw new Error(`Refusing to write outside the output folder: ${JSON.stringify(rel)}`);
  }
  return path.join(root, ...norm.split('/'));
}


async function writeOne(file: string, contents: EmittedFile['contents']): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const fh = await open(file, 'wx');
  try {
    if (typeof contents === 'string' || contents instanceof Uint8Array) {
      await fh.writeFile(contents);
      return;
    }
    // batch small chunks into ~1 MB writes
    let buf: string[] = [];
    let size = 0;
    for (const part of contents) {
      if (typeof part === 'string') {
        buf.push(part);
        size += part.length;
      } else {
        if (buf.length) await fh.write(buf.join(''));
        buf = [];
        size = 0;
        await fh.write(part);
      }
      if (size > 1 << 20) {
        await fh.write(buf.join(''));
        buf = [];
        size = 0;
      }
    }
    if (buf.length) await fh.write(buf.join(''));
  } finally {
    await fh.close();
  }
}

export interface WriteHooks {
  /** Test hook: called after each file; throwing simulates a failure mid-way. */
  afterFile?: (relPath: string) => void;
}

export async function writeAtomically(outDir: string, files: EmittedFile[], hooks: WriteHooks = {}): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(path.join(parent, `.${path.basename(outDir)}.qbank-tmp-`));
  try {
    const seen = new Set<string>();
    for (const f of files) {
      const target = safeJoin(tmp, f.path);
      if (seen.has(target)) throw new Error(`Two outputs want the same file: ${f.path}`);
      seen.add(target);
      await writeOne(target, f.contents);
      hooks.afterFile?.(f.path);
    }
    const old = `${tmp}-old`;
    let hadOld = false;
    try {
      await rename(outDir, old);
      hadOld = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    try {
      await rename(tmp, outDir);
    } catch (e) {
      if (hadOld) await rename(old, outDir);
      throw e;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

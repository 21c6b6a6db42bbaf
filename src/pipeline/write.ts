// Atomic output: everything is written into a fresh temp folder next to the output folder, then
// swapped in with renames. A failure at any point leaves the previous output untouched.
// Paths come from emitters; each is checked to stay inside the output folder (no ../, no
// absolute paths), so nothing is ever written elsewhere.
// A killed build (SIGKILL, power loss) can leave its temp folder behind; the next build removes
// it, and puts the previous output back if the kill came between the two renames.
import { lstat, mkdir, open, readdir, rename, rm, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import type { EmittedFile } from '../emit/emitter.js';
import { UsageError } from './errors.js';

export function safeJoin(root: string, rel: string): string {
  const norm = path.posix.normalize(rel);
  if (rel === '' || path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel) || norm.startsWith('../') || norm === '..' || rel.includes('\0')) {
    throw new Error(`Refusing to write outside the output folder: ${JSON.stringify(rel)}`);
  }
  return path.join(root, ...norm.split('/'));
}


// Chunks are gathered into ~1 MB writes: a zip of 100k small entries arrives as 300k small
// byte chunks, and one awaited write each was a second of a 100k-question build. Text chunks are
// encoded straight into the batch buffer: joining them into a 1 MB string first cost a copy and
// its garbage (about a third of the writer's CPU).
const BATCH = 1 << 20;

async function writeOne(file: string, contents: EmittedFile['contents']): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const fh = await open(file, 'wx');
  try {
    if (typeof contents === 'string' || contents instanceof Uint8Array) {
      await fh.writeFile(contents);
      return;
    }
    const batch = Buffer.allocUnsafe(BATCH);
    let used = 0;
    const writeAll = async (bytes: Uint8Array, length: number) => {
      for (let done = 0; done < length; ) done += (await fh.write(bytes, done, length - done)).bytesWritten;
    };
    const flush = async () => {
      await writeAll(batch, used);
      used = 0;
    };
    for (const part of contents) {
      if (typeof part === 'string') {
        // UTF-8 takes at most 3 bytes per UTF-16 unit
        if (part.length * 3 > BATCH - used) {
          await flush();
          if (part.length * 3 > BATCH) {
            const bytes = Buffer.from(part);
            await writeAll(bytes, bytes.length);
            continue;
          }
        }
        used += batch.write(part, used);
      } else {
        if (part.length > BATCH - used) {
          await flush();
          if (part.length > BATCH) {
            await writeAll(part, part.length); // big pieces (deflated slices, images) as they are
            continue;
          }
        }
        batch.set(part, used);
        used += part.length;
      }
    }
    await flush();
  } finally {
    await fh.close();
  }
}

export interface WriteHooks {
  /** Test hook: called after each file; throwing simulates a failure mid-way. */
  afterFile?: (relPath: string) => void;
}

/**
 * An output folder being built: files go into a temp folder next to it, and commit() swaps
 * that in with renames. A build writes each target as soon as it is emitted, so no target's
 * output waits in memory for the others.
 */
export interface Staging {
  /** The temp folder; a parallel build's second thread writes its targets here too (writeInto). */
  readonly dir: string;
  write(f: EmittedFile): Promise<void>;
  commit(): Promise<void>;
  /** Removes the temp folder; the previous output stays as it was. */
  abort(): Promise<void>;
}

export async function stageOutput(outDir: string, hooks: WriteHooks = {}): Promise<Staging> {
  outDir = path.resolve(outDir);
  const parent = path.dirname(outDir);
  await mkdir(parent, { recursive: true });
  await recoverInterrupted(outDir);
  await refuseForeignFolder(outDir);
  const tmp = await mkdtemp(path.join(parent, `${tempPrefix(outDir)}${process.pid}-`));
  const seen = new Set<string>();
  let done = false;
  const abort = async () => {
    done = true;
    await rm(tmp, { recursive: true, force: true });
  };
  return {
    dir: tmp,
    async write(f) {
      if (done) throw new Error('This output was already committed or aborted');
      const target = safeJoin(tmp, f.path);
      if (seen.has(target)) throw new Error(`Two outputs want the same file: ${f.path}`);
      seen.add(target);
      await writeOne(target, f.contents);
      hooks.afterFile?.(f.path);
    },
    abort,
    async commit() {
      if (done) throw new Error('This output was already committed or aborted');
      done = true;
      try {
        await swapIn(tmp, outDir);
      } catch (e) {
        await rm(tmp, { recursive: true, force: true });
        throw e;
      }
    },
  };
}

/** Writes one file into a staging folder from another thread; an existing file is an error ('wx'). */
export async function writeInto(dir: string, f: EmittedFile): Promise<void> {
  await writeOne(safeJoin(dir, f.path), f.contents);
}

export async function writeAtomically(outDir: string, files: EmittedFile[], hooks: WriteHooks = {}): Promise<void> {
  const staging = await stageOutput(outDir, hooks);
  try {
    for (const f of files) await staging.write(f);
  } catch (e) {
    await staging.abort();
    throw e;
  }
  await staging.commit();
}

async function swapIn(tmp: string, outDir: string): Promise<void> {
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
}

const tempPrefix = (outDir: string) => `.${path.basename(outDir)}.qbank-tmp-`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Temp folders carry the pid of their build; one whose process is gone was left by a kill.
async function recoverInterrupted(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = tempPrefix(outDir);
  let names: string[];
  try {
    names = (await readdir(parent)).filter((n) => n.startsWith(prefix)).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const stale = path.join(parent, name);
    // killed after moving the old output aside and before moving the new one in
    if (name.endsWith('-old') && !(await exists(outDir))) await rename(stale, outDir);
    else await rm(stale, { recursive: true, force: true });
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

// The output folder is replaced as a whole, so it must be one that only qbank writes: `--out .`
// or `--out sources` would otherwise swap the project away and delete it.
const projectMarkers = ['qbank.config.json', 'qbank.lock.json', 'package.json', '.git', 'sources', 'node_modules'];

async function refuseForeignFolder(outDir: string): Promise<void> {
  const refuse = (why: string) => {
    throw new UsageError(`Refusing to replace ${outDir}: ${why}; choose an output folder that only qbank writes (such as dist)`);
  };
  if (path.dirname(outDir) === outDir) refuse('it is the root of the file system');
  const cwd = path.resolve(process.cwd());
  if (cwd === outDir || cwd.startsWith(outDir + path.sep)) refuse('it holds the working folder');
  let st;
  try {
    st = await lstat(outDir);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) return; // the link is replaced, its target is left alone
  if (!st.isDirectory()) refuse('it is a file, not a folder');
  let seen = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (++seen > 20_000) refuse('it holds more files than any qbank output');
      if (depth === 0 && projectMarkers.includes(e.name)) refuse(`it holds ${e.name}`);
      if (e.isFile() && (/\.key$/i.test(e.name) || (/\.txt$/i.test(e.name) && !/\.gift\.txt$/i.test(e.name)))) refuse(`it holds ${path.relative(outDir, path.join(dir, e.name))}, which looks like a bank source`);
      if (e.isDirectory() && depth < 8) await walk(path.join(dir, e.name), depth + 1);
    }
  };
  await walk(outDir, 0);
}

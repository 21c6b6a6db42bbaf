// The pipeline's use of the lock file: read it, give the parsed project its ids, and say what the
// lock file should now contain. Writing it is the caller's choice (`qbank build` writes,
// `qbank lint` only reads, `qbank lint --frozen-ids` compares).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../ir/schema.js';
import { assignIds, type IdReport } from './assign-ids.js';
import { emptyLock, LOCK_FILE, readLock, writeLock, type Lock } from './lock-file.js';

export interface LockOptions {
  /** The project root: the folder of qbank.config.json (or the working folder without one). */
  root: string;
  /** Folder the bank paths in the project are relative to. */
  cwd: string;
  /**
   * Only some files were loaded (explicit inputs): entries of other files that still exist are
   * carried over untouched instead of being retired.
   */
  partial?: boolean;
  /** Without a lock file, leave the parser's ids alone (they are what a first build would give). */
  onlyIfLocked?: boolean;
}

export interface LockedIds {
  file: string; // absolute path of qbank.lock.json
  existed: boolean;
  lock: Lock; // what the lock file should contain after this build
  report: IdReport;
  /** Each question's content hash, in project order (what the lock records for it). */
  hashes: string[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function applyLock(project: Project, opts: LockOptions): Promise<LockedIds | undefined> {
  const file = path.join(opts.root, LOCK_FILE);
  const old = await readLock(file);
  if (!old && opts.onlyIfLocked) return undefined;
  const lockPath = (bankPath: string) => toPosix(path.relative(opts.root, path.resolve(opts.cwd, bankPath)));
  const loaded = new Set(project.banks.map((b) => lockPath(b.path)));
  const gone = new Map<string, boolean>();
  const inScope = (f: string) => {
    if (!opts.partial || loaded.has(f)) return true;
    let g = gone.get(f);
    if (g === undefined) gone.set(f, (g = !existsSync(path.join(opts.root, f))));
    return g; // a deleted or renamed file's questions may have moved into the loaded ones
  };
  const { lock, report, hashes } = assignIds(project, old ?? emptyLock(), { lockPath, inScope });
  return { file, existed: old !== undefined, lock, report, hashes };
}

/** Whether the lock file on disk is missing or out of date. Formatting alone never counts. */
export function lockStale(ids: LockedIds): boolean {
  return ids.existed ? ids.report.changed : ids.lock.entries.length > 0 || ids.lock.retired.length > 0;
}

/**
 * The ids without the lock's entries when the file already says them (nothing to write): a
 * build keeps its ids until the outputs are written, and a 100k-question lock is ~25 MB of heap.
 */
export function withoutUnchangedLock(ids: LockedIds): LockedIds {
  return lockStale(ids) ? ids : { ...ids, lock: emptyLock() };
}

/** Writes the lock file when it is stale; true when it did. */
export async function saveLock(ids: LockedIds): Promise<boolean> {
  if (!lockStale(ids)) return false;
  await writeLock(ids.file, ids.lock);
  return true;
}

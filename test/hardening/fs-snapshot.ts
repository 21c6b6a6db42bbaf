// File-tree snapshots for "what changed on disk" assertions: path → sha1 of the contents
// (folders and symlinks recorded as such).
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export type Snapshot = Map<string, string>;

export function snapshot(root: string, opts: { skip?: (rel: string) => boolean } = {}): Snapshot {
  const out: Snapshot = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (opts.skip?.(rel)) continue;
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out.set(rel, `link:${readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        out.set(rel + '/', 'dir');
        walk(abs);
      } else out.set(rel, createHash('sha1').update(readFileSync(abs)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

/** Paths added, removed or changed between two snapshots. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(before.has(k) ? `changed ${k}` : `added ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out.sort();
}

export const tempLeftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.qbank-tmp-'));

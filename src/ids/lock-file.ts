// qbank.lock.json: the id given to every question, committed next to sources/, so a question
// keeps its LMS identifier (GIFT [id:], Moodle idnumber, QTI identifier) from build to build,
// through edits and moves. One entry per line, sorted by file
// and number, so diffs and merges stay readable. Retired ids stay listed forever: they are
// never handed to another question.
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { UsageError } from '../pipeline/errors.js';

export const LOCK_FILE = 'qbank.lock.json';

const NCName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// Entries are checked by hand, not by zod: a 100k-question lock would otherwise be copied twice.
// Built on first use: most lints read no lock, and building a zod schema costs a start ~1 ms.
const lockSchema = () =>
  z
    .object({
      lockfileVersion: z.literal(1),
      comment: z.string().optional(),
      files: z.record(z.string(), z.array(z.unknown())),
      retired: z.array(z.unknown()).default([]),
    })
    .strict();

export interface LockEntry {
  file: string; // relative to the lock file's folder, with /
  number: number;
  id: string;
  hash: string;
  sketch: string;
}
export interface RetiredEntry {
  id: string;
  hash: string;
  sketch: string;
}

export interface Lock {
  entries: LockEntry[];
  retired: RetiredEntry[];
}

export const emptyLock = (): Lock => ({ entries: [], retired: [] });

const COMMENT = 'Stable question ids (GIFT [id:], Moodle idnumber, QTI identifier), kept by `qbank build`. Commit this file. Retired ids are never reused.';

export function parseLock(text: string, where = LOCK_FILE): Lock {
  if (/^(<<<<<<<|>>>>>>>) /m.test(text)) {
    throw new UsageError(`${where} has unresolved merge conflict markers; keep both sides' entries (one per line), remove the markers, then run \`qbank build\``);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where} is not valid JSON (${(e as Error).message}); restore it from version control, or delete it to assign fresh ids (moved or edited questions may then get other ids than before)`);
  }
  const r = lockSchema().safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new UsageError(`${where} is not a qbank lock file: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const bad = (at: string, why: string): never => {
    throw new UsageError(`${where} is not a qbank lock file: ${at}: ${why}`);
  };
  const seen = new Set<string>();
  const check = (e: unknown, at: string, withNumber: boolean): Record<string, unknown> => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return bad(at, 'expected an object');
    const o = e as Record<string, unknown>;
    for (const k of Object.keys(o)) if (k !== 'id' && k !== 'hash' && k !== 'sketch' && !(withNumber && k === 'number')) bad(at, `unknown field "${k}"`);
    if (typeof o.id !== 'string' || !NCName.test(o.id)) bad(`${at}.id`, 'not an XML NCName');
    if (typeof o.hash !== 'string') bad(`${at}.hash`, 'expected a string');
    if (typeof o.sketch !== 'string') bad(`${at}.sketch`, 'expected a string');
    if (withNumber && !(Number.isInteger(o.number) && (o.number as number) >= 0)) bad(`${at}.number`, 'expected a whole number');
    const id = o.id as string;
    if (seen.has(id)) throw new UsageError(`${where} lists id "${id}" twice; remove one of the lines (after a merge, keep the one whose file and number match the sources)`);
    seen.add(id);
    return o;
  };
  const entries: LockEntry[] = [];
  for (const [file, list] of Object.entries(r.data.files)) {
    list.forEach((e, i) => {
      const o = check(e, `files.${file}.${i}`, true);
      entries.push({ file, number: o.number as number, id: o.id as string, hash: o.hash as string, sketch: o.sketch as string });
    });
  }
  const retired = r.data.retired.map((e, i) => {
    const o = check(e, `retired.${i}`, false);
    return { id: o.id as string, hash: o.hash as string, sketch: o.sketch as string };
  });
  return { entries, retired };
}

export async function readLock(file: string): Promise<Lock | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  return parseLock(text, path.basename(file));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic text: same lock → same bytes. Yields lines so 100k entries never form one string. */
export function* serializeLock(lock: Lock): Generator<string> {
  const byFile = new Map<string, LockEntry[]>();
  for (const e of lock.entries) {
    let list = byFile.get(e.file);
    if (!list) byFile.set(e.file, (list = []));
    list.push(e);
  }
  yield `{\n  "lockfileVersion": 1,\n  "comment": ${JSON.stringify(COMMENT)},\n  "files": {`;
  const files = [...byFile.keys()].sort(cmp);
  for (let f = 0; f < files.length; f++) {
    const list = byFile.get(files[f]!)!.sort((a, b) => a.number - b.number || cmp(a.id, b.id));
    yield `\n    ${JSON.stringify(files[f])}: [`;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      yield `\n      {"number":${e.number},"id":${JSON.stringify(e.id)},"hash":${JSON.stringify(e.hash)},"sketch":${JSON.stringify(e.sketch)}}${i + 1 < list.length ? ',' : ''}`;
    }
    yield `\n    ]${f + 1 < files.length ? ',' : ''}`;
  }
  yield files.length ? '\n  },\n  "retired": [' : '},\n  "retired": [';
  const retired = [...lock.retired].sort((a, b) => cmp(a.id, b.id));
  for (let i = 0; i < retired.length; i++) {
    const e = retired[i]!;
    yield `\n    {"id":${JSON.stringify(e.id)},"hash":${JSON.stringify(e.hash)},"sketch":${JSON.stringify(e.sketch)}}${i + 1 < retired.length ? ',' : ''}`;
  }
  yield retired.length ? '\n  ]\n}\n' : ']\n}\n';
}

export function lockToString(lock: Lock): string {
  return [...serializeLock(lock)].join('');
}

/** Written to a temp file beside it, then renamed: a crash never leaves half a lock file. */
export async function writeLock(file: string, lock: Lock): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    let buf = '';
    for (const part of serializeLock(lock)) {
      buf += part;
      if (buf.length > 1 << 20) {
        await fh.write(buf);
        buf = '';
      }
    }
    await fh.write(buf);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

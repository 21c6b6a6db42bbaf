// Deterministic zip packages on top of fflate, produced and read as a stream of chunks so a
// package for a huge bank never becomes one buffer. Same entries → same bytes: fixed timestamps,
// entries in code-unit order of their names, fixed compression level, no extra fields.
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { reiterable, type Contents } from './emitter.js';

export interface ZipEntry {
  path: string;
  contents: Contents;
  /** Store instead of deflating (images are already compressed). */
  store?: boolean;
  /** A few kilobytes at most (a QTI item): a small deflate hash table, much cheaper to set up. */
  small?: boolean;
}

// DOS time has no zone: fflate reads local hours, so the constant is built from local fields.
// Noon, because a DST switch at local midnight on 1 January (rare, but it exists) would shift it.
export const zipEpoch = (): Date => new Date(1980, 0, 1, 12, 0, 0);

/** Without ZIP64 (fflate writes none) a zip holds at most 65,535 entries. */
export const maxZipEntries = 65_535;

export class ZipError extends Error {}

/** Throws unless `name` is a safe relative entry name: no absolute path, drive, `..`, `\` or NUL. */
export function safeEntryName(name: string): string {
  const bad =
    name === '' ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    /[\\\0]/.test(name) ||
    name.split('/').some((seg) => seg === '' || seg === '.' || seg === '..');
  if (bad) throw new ZipError(`Unsafe zip entry name ${JSON.stringify(name)}`);
  return name;
}

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The zip as chunks. An array is sorted here; a function must yield its entries already in
 * name order (checked), which lets a caller stream a million entries without listing them first.
 */
export function zipChunks(entries: ZipEntry[] | (() => Iterable<ZipEntry>)): Iterable<Uint8Array> {
  const source = Array.isArray(entries) ? () => [...entries].sort((a, b) => compareNames(a.path, b.path)) : entries;
  return reiterable(() => zipGenerator(source()));
}

const outChunk = 1 << 20; // write-sized output chunks
const inChunk = 1 << 16; // deflate input batching: many tiny pushes compress worse and slower

function* zipGenerator(entries: Iterable<ZipEntry>): Generator<Uint8Array> {
  const pending: Uint8Array[] = [];
  let pendingSize = 0;
  let failure: Error | null = null;
  let done = false;
  const zip = new Zip((err, data, final) => {
    if (err) failure = err;
    else if (data.length) {
      pending.push(data);
      pendingSize += data.length;
    }
    if (final) done = true;
  });
  const drain = function* (force: boolean): Generator<Uint8Array> {
    if (failure) throw failure;
    if (!pendingSize || (!force && pendingSize < outChunk)) return;
    yield concat(pending, pendingSize);
    pending.length = 0;
    pendingSize = 0;
  };
  const enc = new TextEncoder();
  let previous: string | undefined;
  let count = 0;
  for (const entry of entries) {
    const name = safeEntryName(entry.path);
    if (previous !== undefined && compareNames(previous, name) >= 0) {
      throw new ZipError(previous === name ? `Duplicate zip entry ${name}` : `Zip entries out of order: ${name} after ${previous}`);
    }
    previous = name;
    if (++count > maxZipEntries) throw new ZipError(`More than ${maxZipEntries} files in one zip (ZIP64 is not supported)`);
    const file = entry.store ? new ZipPassThrough(name) : new ZipDeflate(name, entry.small ? { level: 6, mem: 2 } : { level: 6 });
    file.mtime = zipEpoch();
    zip.add(file);
    let batch: string[] = [];
    let batchLen = 0;
    const flushBatch = () => {
      if (batchLen) file.push(enc.encode(batch.join('')), false);
      batch = [];
      batchLen = 0;
    };
    for (const part of chunksOf(entry.contents)) {
      if (typeof part === 'string') {
        batch.push(part);
        batchLen += part.length;
        if (batchLen >= inChunk) flushBatch();
      } else {
        flushBatch();
        file.push(part, false);
      }
      yield* drain(false);
    }
    flushBatch();
    file.push(new Uint8Array(0), true);
    yield* drain(false);
  }
  zip.end();
  if (!done && !failure) throw new ZipError('zip stream did not finish');
  yield* drain(true);
}

function chunksOf(c: Contents): Iterable<string | Uint8Array> {
  return typeof c === 'string' || c instanceof Uint8Array ? [c] : c;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface UnzippedFile {
  name: string;
  data: Uint8Array;
}

/** Reads a zip stream back, file by file (for self-checks and tests). Files over `maxSize` bytes come back with `data` empty and `tooLarge` set. */
export function* unzipChunks(contents: Contents, opts: { maxSize?: number } = {}): Generator<UnzippedFile & { size: number; tooLarge?: boolean }> {
  const max = opts.maxSize ?? Infinity;
  const ready: (UnzippedFile & { size: number; tooLarge?: boolean })[] = [];
  let failure: Error | null = null;
  const uz = new Unzip((file) => {
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) {
        failure = err;
        return;
      }
      size += data.length;
      if (size <= max) parts.push(data);
      if (final) ready.push(size <= max ? { name: file.name, data: concat(parts, size), size } : { name: file.name, data: new Uint8Array(0), size, tooLarge: true });
    };
    file.start();
  });
  uz.register(UnzipInflate);
  const enc = new TextEncoder();
  const it = chunksOf(contents)[Symbol.iterator]();
  let next = it.next();
  // fflate's Unzip recurses once per file found in a pushed chunk, so a big chunk holding
  // thousands of small files would overflow the stack: push small slices.
  const slice = 1 << 14;
  while (!next.done) {
    const part = typeof next.value === 'string' ? enc.encode(next.value) : next.value;
    next = it.next();
    for (let at = 0; at < part.length || at === 0; at += slice) {
      const end = Math.min(part.length, at + slice);
      uz.push(part.subarray(at, end), next.done === true && end === part.length);
      if (failure) throw failure;
      yield* ready.splice(0);
    }
  }
}

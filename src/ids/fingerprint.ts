// What the lock file remembers about a question's content, so a later build can recognise it
// after an edit or a move: an exact hash (unchanged text) and a MinHash sketch (similar text).
//
// Similarity is the Jaccard index of the questions' shingle sets. Shingles are word bigrams
// taken inside the stem and inside each option separately (so reordering options changes
// nothing), plus single words for segments too short to have a bigram ("Todas", "Falso").
// Text is compared case-, accent- and punctuation-blind.
//
// The sketch is one-permutation MinHash with densification (Shrivastava 2017): each shingle is
// hashed once into one of 64 bins, so sketching costs O(shingles), not O(shingles × 64); a
// 100k-question first build stays well under a second. Each bin keeps only 8 bits of its
// minimum (b-bit MinHash, Li & König 2010): 64 bytes, 86 base64url characters per question.

import { nodeCrypto } from '../util/builtins.js';

export const SKETCH_BINS = 64;
const EMPTY = 0xffffffff;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface QuestionText {
  stem: string;
  options: readonly string[];
}

// node:crypto on the first hash, not on every start (a text lint never hashes).
// crypto.hash (Node ≥ 20.12) is the one-shot form; older 20.x has only createHash.
let sha1 = (s: string): string => {
  const crypto = nodeCrypto();
  sha1 =
    typeof (crypto as { hash?: unknown }).hash === 'function'
      ? (s) => crypto.hash('sha1', s, 'base64url')
      : (s) => crypto.createHash('sha1').update(s).digest('base64url');
  return sha1(s);
};

/**
 * Exact-content hash (66 bits of SHA-1, base64url): the stem and the options as a set, each
 * trimmed. Native hashing, so every build can recognise unchanged questions cheaply.
 */
export function contentHash(q: QuestionText): string {
  const opts = q.options.length === 1 ? [q.options[0]!.trim()] : q.options.map((o) => o.trim()).sort();
  // \u001f separates the parts, so ["ab", "c"] and ["a", "bc"] differ
  return sha1(`${q.stem.trim()}\u001f${opts.join('\u001f')}`).slice(0, 11);
}

/** SHA-1 of a text (base64url): to compare two long texts through a short string. */
export function textDigest(s: string): string {
  return sha1(s);
}

// Case-, accent- and punctuation-blind folding, one UTF-16 unit at a time: each unit maps to
// the letters and digits of its NFKD lower-case form ("É" → "e", "ª" → "a", "-" → none). A
// table covers ASCII and Latin-1/Extended (the academy's text); other units are folded once and
// cached. No per-string normalize(): the tokenizer allocates nothing on the hot path.
const wordChar = /^[\p{L}\p{N}]$/u;
function foldUnit(c: number): string {
  let out = '';
  for (const ch of String.fromCharCode(c).normalize('NFKD').toLowerCase()) if (wordChar.test(ch)) out += ch;
  return out;
}
const LATIN = 0x250;
// built on the first fold (~2 ms of normalize calls), not when a lint that never folds starts
let foldTable: string[] | undefined;
const foldCache = new Map<number, string>();
function fold(c: number): string {
  if (c < LATIN) return (foldTable ??= Array.from({ length: LATIN }, (_, c) => foldUnit(c)))[c]!;
  let f = foldCache.get(c);
  if (f === undefined) foldCache.set(c, (f = foldUnit(c)));
  return f;
}

const FNV = 0x811c9dc5;

// Shingle hashes of one text segment: word bigrams, or single words when it has fewer than 3.
// Word hashes are FNV-1a over folded units; a word ends at the first unit that folds to nothing.
function segmentShingles(s: string, emit: (x: number) => void): void {
  let h = FNV;
  let inWord = false;
  let count = 0;
  let prev = 0;
  let first = 0;
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 32;
    let f: string | undefined;
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        h = Math.imul(h ^ c, 16777619);
        inWord = true;
        continue;
      }
      if (c >= 65 && c <= 90) {
        h = Math.imul(h ^ (c + 32), 16777619);
        inWord = true;
        continue;
      }
    } else if (c >= 0x300 && c <= 0x36f) {
      continue; // a combining accent never splits a word
    } else {
      f = fold(c);
      if (f.length > 0) {
        for (let j = 0; j < f.length; j++) h = Math.imul(h ^ f.charCodeAt(j), 16777619);
        inWord = true;
        continue;
      }
    }
    if (!inWord) continue;
    const t = h >>> 0;
    if (count === 0) first = t;
    else emit(fmix(Math.imul(prev, 31) + t));
    prev = t;
    count++;
    h = FNV;
    inWord = false;
  }
  if (count > 0 && count < 3) {
    emit(fmix(first ^ 0x5bd1e995));
    if (count === 2) emit(fmix(prev ^ 0x5bd1e995));
  }
}

// Calls `emit` for every shingle hash of a question (duplicates are harmless for MinHash).
function forEachShingle(q: QuestionText, emit: (x: number) => void): void {
  segmentShingles(q.stem, emit);
  for (const o of q.options) segmentShingles(o, emit);
}

export function shingles(q: QuestionText): number[] {
  const out: number[] = [];
  forEachShingle(q, (x) => out.push(x));
  return out;
}

const bins = new Uint32Array(SKETCH_BINS);
// Fixed per-bin direction for densification: empty bins borrow from a neighbour; random
// directions keep neighbouring empty bins from all copying the same value.
const dirs = Array.from({ length: SKETCH_BINS }, (_, i) => (fmix(i + 0x9e37) & 1 ? 1 : SKETCH_BINS - 1));

function addToBins(x: number): void {
  const h = fmix(x ^ 0x27d4eb2f);
  const b = h >>> 26; // 64 bins
  const v = h & 0x3ffffff;
  if (v < bins[b]!) bins[b] = v;
}

export function sketchOf(q: QuestionText): Uint8Array {
  bins.fill(EMPTY);
  forEachShingle(q, addToBins);
  const out = new Uint8Array(SKETCH_BINS);
  for (let i = 0; i < SKETCH_BINS; i++) {
    let v = bins[i]!;
    let k = i;
    let d = 0;
    while (v === EMPTY && d < SKETCH_BINS) {
      k = (k + dirs[i]!) % SKETCH_BINS;
      d++;
      v = bins[k]!;
    }
    // no shingles at all (an empty question): a constant sketch
    out[i] = v === EMPTY ? 0 : fmix(v ^ Math.imul(d, 0x9e3779b1)) & 0xff;
  }
  return out;
}

/** Estimated Jaccard similarity of two sketches, corrected for 8-bit chance collisions. */
export function similarity(a: Uint8Array, b: Uint8Array): number {
  let same = 0;
  for (let i = 0; i < SKETCH_BINS; i++) if (a[i] === b[i]) same++;
  const chance = 1 / 256;
  return Math.max(0, (same / SKETCH_BINS - chance) / (1 - chance));
}

export function encodeSketch(s: Uint8Array): string {
  return Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64url');
}

export function decodeSketch(s: string): Uint8Array | undefined {
  const b = Buffer.from(s, 'base64url');
  return b.length === SKETCH_BINS ? new Uint8Array(b) : undefined;
}

/** Exact Jaccard of two questions' shingle sets: for tests and for measuring the sketch. */
export function exactJaccard(a: QuestionText, b: QuestionText): number {
  const sa = new Set(shingles(a));
  const sb = new Set(shingles(b));
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  const union = sa.size + sb.size - inter;
  return union === 0 ? 1 : inter / union;
}

// The distinct words of many texts as dense integer ids, read straight from each text with the
// fold of ./text.ts (normalizeReference is the definition: the words here are exactly the
// space-separated words of normalizeReference(text)), without building the normalised string.
// At 100k stems, normalising then splitting was a third of near-duplicate's cost.
//
// A word is identified by two independent 32-bit hashes of its folded characters (FNV-1a and a
// multiply-rotate hash), interned in one open-addressing table: two different words would have to
// agree on 64 bits to be taken as one (odds about 1 in 10¹¹ at a million distinct words).
import { FOLD_END, foldTable, normalizeReference, SEP, SLOW } from './text.js';

/** Sets of word ids in compressed rows: set i is ids[offsets[i]] … ids[offsets[i + 1] - 1], in first-seen order. */
export interface WordSets {
  offsets: Int32Array;
  ids: Int32Array;
  /** ids run from 0 to vocabulary - 1 */
  vocabulary: number;
}

const H1 = 0x811c9dc5 | 0;
const H2 = 0x2545f491;
// Both hashes stay in signed 32-bit integers (values past 2³¹ would become doubles in V8).
function step1(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
function step2(h: number, c: number): number {
  h = Math.imul(h + c, 0x5bd1e995);
  return h ^ (h >>> 15);
}

/** The two hashes of one already-normalised word (for tests and reference paths). */
export function wordHash(word: string): [number, number] {
  let h1 = H1;
  let h2 = H2;
  for (let i = 0; i < word.length; i++) {
    h1 = step1(h1, word.charCodeAt(i));
    h2 = step2(h2, word.charCodeAt(i));
  }
  return [h1, h2];
}

/** Collects word sets one text at a time; `sets()` hands them over. */
export class WordSetBuilder {
  // Every array starts small on purpose: it then grows within the first few texts, while add()
  // still runs in the interpreter and records how growing goes. Started big, the first growth
  // came after add() was compiled without it, and each threw the compiled code away (at 100k
  // stems the first 10k took four times as long as any later 10k).
  private offsets = new Int32Array(4);
  private ids = new Int32Array(16);
  private count = 0; // sets so far
  private size = 0; // ids so far
  // interning table: (key1, key2) → id + 1 (0 = empty slot)
  private key1 = new Int32Array(16);
  private key2 = new Int32Array(16);
  private value = new Int32Array(16);
  private words = 0;
  private seen = new Int32Array(8).fill(-1); // word id → last set it was added to

  /**
   * Adds the distinct words of `text` as the next set, or an empty set when it has fewer than
   * `minWords` distinct words. Returns the number of distinct words.
   */
  add(text: string, minWords = 1): number {
    const fold = foldTable();
    const start = this.size;
    let h1 = H1;
    let h2 = H2;
    let inWord = false;
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const f = c < FOLD_END ? fold[c]! : SLOW;
      if (f >= 0) {
        h1 = step1(h1, f);
        h2 = step2(h2, f);
        inWord = true;
      } else if (f === SEP) {
        if (inWord) this.word(h1, h2);
        h1 = H1;
        h2 = H2;
        inWord = false;
      } else break;
    }
    if (i < text.length) {
      // outside the table: read the words of the reference normalisation instead
      this.size = start;
      this.stamp(); // forget what was seen of this text
      const norm = normalizeReference(text);
      h1 = H1;
      h2 = H2;
      inWord = false;
      for (let j = 0; j < norm.length; j++) {
        const c = norm.charCodeAt(j);
        if (c === 32) {
          if (inWord) this.word(h1, h2);
          h1 = H1;
          h2 = H2;
          inWord = false;
        } else {
          h1 = step1(h1, c);
          h2 = step2(h2, c);
          inWord = true;
        }
      }
    }
    if (inWord) this.word(h1, h2);
    const distinct = this.size - start;
    if (distinct < minWords) this.size = start;
    this.stamp();
    if (this.count + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.offsets.length * 2);
    this.offsets[++this.count] = this.size;
    return distinct;
  }

  /** The sets so far: views, not copies (later adds write only past them). */
  sets(): WordSets {
    return { offsets: this.offsets.subarray(0, this.count + 1), ids: this.ids.subarray(0, this.size), vocabulary: this.words };
  }

  // A set's dedupe marks are keyed by set number; a restarted set needs fresh marks, so the
  // restart and the end of each set both bump a generation instead of clearing `seen`.
  private generation = 0;
  private stamp(): void {
    this.generation++;
  }

  private word(h1: number, h2: number): void {
    const id = this.intern(h1, h2);
    if (this.seen[id] === this.generation) return;
    this.seen[id] = this.generation;
    if (this.size === this.ids.length) this.ids = grow(this.ids, this.ids.length * 2);
    this.ids[this.size++] = id;
  }

  private intern(h1: number, h2: number): number {
    let mask = this.key1.length - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    for (;;) {
      const v = this.value[slot]!;
      if (v === 0) break;
      if (this.key1[slot] === h1 && this.key2[slot] === h2) return v - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.words++;
    if (id === this.seen.length) this.seen = grow(this.seen, id * 2, -1);
    if (2 * this.words > this.key1.length) {
      this.rehash();
      mask = this.key1.length - 1;
      slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
      while (this.value[slot] !== 0) slot = (slot + 1) & mask;
    }
    this.key1[slot] = h1;
    this.key2[slot] = h2;
    this.value[slot] = id + 1;
    return id;
  }

  private rehash(): void {
    const [k1, k2, v] = [this.key1, this.key2, this.value];
    const cap = k1.length * 2;
    this.key1 = new Int32Array(cap);
    this.key2 = new Int32Array(cap);
    this.value = new Int32Array(cap);
    const mask = cap - 1;
    for (let s = 0; s < k1.length; s++) {
      if (v[s] === 0) continue;
      let slot = (k1[s]! ^ Math.imul(k2[s]!, 0x9e3779b1)) & mask;
      while (this.value[slot] !== 0) slot = (slot + 1) & mask;
      this.key1[slot] = k1[s]!;
      this.key2[slot] = k2[s]!;
      this.value[slot] = v[s]!;
    }
  }
}

function grow(a: Int32Array, length: number, fill = 0): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

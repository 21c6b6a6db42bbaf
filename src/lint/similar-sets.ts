// Finds, for each set of words (in input order), its most similar earlier set by Jaccard
// similarity, without comparing all pairs: locality-sensitive hashing, then exact verification
// (a reported score is never an estimate).
//
// Why not an exact prefix-filter join (AllPairs/PPJoin): measured on the generated 100k bank, a
// stem's |x| − ceil(0.8·|x|) + 1 rarest words (its prefix) are phrase words occurring in ~1,800
// stems each (the 20k-word vocabulary has median frequency 1, but stems are made of common
// phrases: every stem has fewer words rarer than 128 occurrences than it may differ by), so probing
// the prefixes reads ~10⁹ list entries, and k-wise prefix signatures or pigeonhole partitions
// still give ~10⁸ candidate pairs. The exact join is kept as the reference in the tests.
//
// Each band is one-permutation MinHash with 2^binBits bins: every word gets one random value per
// band, the value's top bits pick its bin, and the band's key is the minimum of every bin (empty
// bins included), so a band costs one lookup per word. Two sets share a band's key with
// probability about J^bins. Bands come in pairs sharing one random value per word (the second
// orders by the value's halves swapped). At threshold 0.8: 32 bands of 8 bins; a pair at Jaccard
// 0.8 shares some key with probability ≈ 0.997, at 0.85 ≈ 0.99996, at 0.5 ≈ 0.12, at 0.3 ≈ 0.002.
// Below 0.75: 16 bands of 2 bins (≈ 0.99 at 0.5). Fixed seeds: the same output on every run.
//
// Bounded work on adversarial input:
// - Identical sets: a set equal to an earlier one is matched to the first of them with score 1
//   and not hashed (k copies cost k, not k²). No finding is lost: a copy scores exactly like
//   its original, and the earlier one wins ties.
// - Each probe reads at most maxBucket (32) of the latest sets with the same key: k near-identical
//   sets cost k·bands·32 verifications, not k². Consequence: with more than 32 earlier sets
//   sharing every key of a set, its reported match is the best among the latest of them.
// Cost: O(bands · (words + sets · verifications per probe)); memory O(sets + words) in typed arrays.
// At 100k stems nearly all of it is the bin minima (82M updates; see the loop below): fewer than
// 1 in 20 probes finds a candidate, and about 150k candidates are verified in all.
import type { WordSets } from './word-sets.js';

export interface SimilarOptions {
  threshold: number; // Jaccard in (0, 1]
  bands?: number;
  binBits?: number;
  maxBucket?: number;
}

export interface Match {
  set: number;
  other: number; // earlier set
  score: number;
}

const EPS = 1e-9;

/** Sets with no words are skipped. */
export function similarEarlier(sets: WordSets, opts: SimilarOptions): Match[] {
  const t = opts.threshold;
  const bands = opts.bands ?? (t < 0.75 ? 16 : 32);
  const binBits = opts.binBits ?? (t < 0.75 ? 1 : 3);
  const maxBucket = opts.maxBucket ?? 32;
  const { offsets, ids: tok, vocabulary } = sets;
  const n = offsets.length - 1;
  const marks = new Int32Array(vocabulary).fill(-1);
  const copyOf = firstCopies(offsets, tok, marks);
  // the sets that get hashed: not empty, not a copy
  let live = 0;
  for (let x = 0; x < n; x++) if (offsets[x + 1]! > offsets[x]! && copyOf[x] === -1) live++;
  const hashed = new Int32Array(live);
  for (let x = 0, k = 0; x < n; x++) if (offsets[x + 1]! > offsets[x]! && copyOf[x] === -1) hashed[k++] = x;

  const best = new BestMatches(sets, marks, t);
  const buckets = new Buckets(live, maxBucket);
  const rand = new Int32Array(vocabulary);
  const keysA = new Int32Array(live);
  const keysB = new Int32Array(live);
  // Bands come in pairs that share one random value per word: band A orders the words by
  // it, band B by its halves swapped (a different primary 16-bit hash).
  for (let pair = 0; 2 * pair < bands; pair++) {
    const seed = mix(pair * 0x9e3779b1 + 1);
    for (let w = 0; w < vocabulary; w++) rand[w] = mix(w ^ seed);
    pairKeys(2 * pair, binBits, rand, offsets, tok, hashed, keysA, keysB);
    buckets.probe(keysA, hashed, best);
    if (2 * pair + 1 < bands) buckets.probe(keysB, hashed, best);
  }
  const out: Match[] = [];
  for (let x = 0; x < n; x++) {
    if (copyOf[x] !== -1) out.push({ set: x, other: copyOf[x]!, score: 1 });
    else if (best.other[x] !== -1) out.push({ set: x, other: best.other[x]!, score: best.score[x]! });
  }
  return out;
}

// One band's buckets. Nearly every key of a band is unique: one bit per key hash (two bitmaps
// that stay in the L2 cache) picks the sets whose key may be shared, and only they go through
// the bucket table, in set order, so each still meets the latest maxBucket earlier sets with
// its key. (A table of every set's key was a cache miss per set and per band.)
class Buckets {
  private bitShift: number;
  private seen: Int32Array;
  private dup: Int32Array;
  private shared: Int32Array;
  private next: Int32Array;
  private table = new Int32Array(0); // open addressing: key and list head side by side

  constructor(
    live: number,
    private maxBucket: number,
  ) {
    let bitsLog = 10;
    while (1 << bitsLog < 8 * live) bitsLog++;
    this.bitShift = 32 - bitsLog;
    this.seen = new Int32Array(1 << (bitsLog - 5));
    this.dup = new Int32Array(this.seen.length);
    this.shared = new Int32Array(live);
    this.next = new Int32Array(live);
  }

  /** Verifies each set hashed[k] against the earlier sets of its bucket, keys[k]. */
  probe(keys: Int32Array, hashed: Int32Array, best: BestMatches): void {
    const { shared, next, maxBucket } = this;
    const m = this.mayBeShared(keys);
    let cap = 16;
    while (cap < 2 * m) cap *= 2;
    if (this.table.length < 2 * cap) this.table = new Int32Array(2 * cap);
    const table = this.table;
    const mask = cap - 1;
    for (let i = 1; i < 2 * cap; i += 2) table[i] = -1;
    for (let j = 0; j < m; j++) {
      const key = keys[shared[j]!]!;
      let slot = key & mask;
      while (table[2 * slot + 1] !== -1 && table[2 * slot] !== key) slot = (slot + 1) & mask;
      const x = hashed[shared[j]!]!;
      let seen = 0;
      for (let i = table[2 * slot + 1]!; i !== -1 && seen < maxBucket; i = next[i]!, seen++) best.verify(x, hashed[shared[i]!]!);
      table[2 * slot] = key;
      next[j] = table[2 * slot + 1]!;
      table[2 * slot + 1] = j;
    }
  }

  // Puts in `shared` the indexes of the keys whose bit another key also has; returns how many.
  private mayBeShared(keys: Int32Array): number {
    const { seen, dup, shared, bitShift } = this;
    seen.fill(0);
    dup.fill(0);
    for (let k = 0; k < keys.length; k++) {
      const h = keys[k]! >>> bitShift;
      const w = h >>> 5;
      dup[w] = dup[w]! | (seen[w]! & (1 << h));
      seen[w] = seen[w]! | (1 << h);
    }
    let m = 0;
    for (let k = 0; k < keys.length; k++) {
      const h = keys[k]! >>> bitShift;
      if ((dup[h >>> 5]! >>> h) & 1) shared[m++] = k;
    }
    return m;
  }
}

// Each set's best earlier match so far, by exact Jaccard at or above the threshold.
class BestMatches {
  readonly other: Int32Array;
  readonly score: Float64Array;
  private offsets: Int32Array;
  private tok: Int32Array;
  private markedFor = -1; // the set whose words `marks` holds

  constructor(
    sets: WordSets,
    private marks: Int32Array, // word → a set that has it
    private t: number,
  ) {
    this.offsets = sets.offsets;
    this.tok = sets.ids;
    const n = sets.offsets.length - 1;
    this.other = new Int32Array(n).fill(-1);
    this.score = new Float64Array(n);
  }

  verify(x: number, y: number): void {
    const { offsets, tok, marks, t } = this;
    const s = offsets[x]!;
    const lx = offsets[x + 1]! - s;
    const sy = offsets[y]!;
    const ly = offsets[y + 1]! - sy;
    if (ly < t * lx - EPS || lx < t * ly - EPS) return;
    const need = Math.ceil((t * (lx + ly)) / (1 + t) - EPS);
    if (this.markedFor !== x) {
      for (let i = s; i < s + lx; i++) marks[tok[i]!] = x;
      this.markedFor = x;
    }
    const inter = overlap(tok, marks, x, sy, ly, need);
    if (inter < need) return;
    const score = inter / (lx + ly - inter);
    // the best over all bands, whatever order they come in
    if (score > this.score[x]! || (score === this.score[x]! && y < this.other[x]!)) {
      this.other[x] = y;
      this.score[x] = score;
    }
  }
}

// The keys of bands `band` (into keysA) and band + 1 (keysB) of every hashed set, from the
// words' random values `rand`.
// Each bin starts at the largest value it can hold, so a value and its bin's minimum share
// their top bits and their difference cannot overflow: the minimum is taken without a branch
// (a mispredicted compare per word was half the cost). Empty bins still key as 0x7fffffff.
function pairKeys(band: number, binBits: number, rand: Int32Array, offsets: Int32Array, tok: Int32Array, hashed: Int32Array, keysA: Int32Array, keysB: Int32Array): void {
  const bins = 1 << binBits;
  const shift = 32 - binBits;
  const low = ~(-1 << shift);
  const minsA = new Int32Array(bins);
  const minsB = new Int32Array(bins);
  for (let k = 0; k < hashed.length; k++) {
    const x = hashed[k]!;
    const e = offsets[x + 1]!;
    for (let b = 0; b < bins; b++) minsA[b] = minsB[b] = (b << shift) | low;
    let usedA = 0;
    let usedB = 0;
    for (let i = offsets[x]!; i < e; i++) {
      const v = rand[tok[i]!]!;
      const a = v >>> shift;
      const ma = minsA[a]!;
      const da = v - ma;
      minsA[a] = ma + (da & (da >> 31));
      usedA |= 1 << a;
      const u = (v << 16) | (v >>> 16);
      const b = u >>> shift;
      const mb = minsB[b]!;
      const db = u - mb;
      minsB[b] = mb + (db & (db >> 31));
      usedB |= 1 << b;
    }
    let ka = band;
    let kb = band + 1;
    for (let b = 0; b < bins; b++) {
      ka = Math.imul(ka ^ ((usedA >>> b) & 1 ? minsA[b]! : 0x7fffffff), 0x01000193);
      kb = Math.imul(kb ^ ((usedB >>> b) & 1 ? minsB[b]! : 0x7fffffff), 0x01000193);
    }
    keysA[k] = mix(ka);
    keysB[k] = mix(kb);
  }
}

// All hashing stays in signed 32-bit integers: values past 2³¹ would become doubles in V8.
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

// copyOf[x] = the first set equal to set x, or -1 when x is the first of its kind (or empty).
// Sets are compared as sets: the hash ignores word order, equality uses `marks` (word → set).
function firstCopies(offsets: Int32Array, tok: Int32Array, marks: Int32Array): Int32Array {
  const n = offsets.length - 1;
  const copyOf = new Int32Array(n).fill(-1);
  let cap = 1024;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  for (let x = 0; x < n; x++) {
    const s = offsets[x]!;
    const e = offsets[x + 1]!;
    if (e === s) continue;
    let h = e - s;
    for (let i = s; i < e; i++) h = (h + mix(tok[i]!)) | 0;
    let slot = (h ^ (h >>> 15)) & mask;
    let marked = false;
    for (;;) {
      const y = table[slot]!;
      if (y === -1) {
        table[slot] = x;
        break;
      }
      const sy = offsets[y]!;
      const ly = offsets[y + 1]! - sy;
      if (ly === e - s) {
        if (!marked) for (let i = s; i < e; i++) marks[tok[i]!] = x;
        marked = true;
        if (overlap(tok, marks, x, sy, ly, ly) === ly) {
          copyOf[x] = y;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
  }
  return copyOf;
}

// |x ∩ y| for the set x whose words are marked x in `marks` and the run tok[j … j + lj),
// or any value below `need` once `need` is out of reach.
function overlap(tok: Int32Array, marks: Int32Array, x: number, j: number, lj: number, need: number): number {
  let inter = 0;
  for (let k = 0; k < lj; k++) {
    if (marks[tok[j + k]!] === x) inter++;
    else if (inter + lj - k - 1 < need) return inter;
  }
  return inter;
}

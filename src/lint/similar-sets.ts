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
  const { offsets, vocabulary } = sets;
  const n = offsets.length - 1;
  const tok = sortedRows(sets);
  const copyOf = firstCopies(offsets, tok);

  const best = new Int32Array(n).fill(-1);
  const bestScore = new Float64Array(n);
  const bins = 1 << binBits;
  const shift = 32 - binBits;
  const minsA = new Int32Array(bins);
  const minsB = new Int32Array(bins);
  const keys = new Int32Array(2);
  const rand = new Int32Array(vocabulary);
  let cap = 1024;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  // open addressing, key and list head side by side: one cache line per probe
  const table = new Int32Array(2 * cap);
  const next = new Int32Array(n);
  const pairKeys = new Int32Array(n);
  // Bands come in pairs that share one random value per word: band A orders the words by
  // it, band B by its halves swapped (a different primary 16-bit hash).
  for (let pair = 0; 2 * pair < bands; pair++) {
    const seed = mix(pair * 0x9e3779b1 + 1);
    for (let w = 0; w < vocabulary; w++) rand[w] = mix(w ^ seed);
    for (let half = 0; half < 2; half++) {
      const band = 2 * pair + half;
      if (band >= bands) break;
      for (let i = 1; i < table.length; i += 2) table[i] = -1;
      for (let x = 0; x < n; x++) {
        const s = offsets[x]!;
        const e = offsets[x + 1]!;
        if (e === s || copyOf[x] !== -1) continue;
        if (half === 0) {
          // both keys of the pair in one pass over the words
          minsA.fill(0x7fffffff);
          minsB.fill(0x7fffffff);
          for (let i = s; i < e; i++) {
            const v = rand[tok[i]!]!;
            const a = v >>> shift;
            if (v < minsA[a]!) minsA[a] = v;
            const u = (v << 16) | (v >>> 16);
            const b = u >>> shift;
            if (u < minsB[b]!) minsB[b] = u;
          }
          let ka = band;
          let kb = band + 1;
          for (let b = 0; b < bins; b++) {
            ka = Math.imul(ka ^ minsA[b]!, 0x01000193);
            kb = Math.imul(kb ^ minsB[b]!, 0x01000193);
          }
          keys[0] = mix(ka);
          keys[1] = mix(kb);
          pairKeys[x] = keys[1]!;
        } else keys[0] = pairKeys[x]!;
        const key = keys[0]!;
        let slot = key & mask;
        while (table[2 * slot + 1] !== -1 && table[2 * slot] !== key) slot = (slot + 1) & mask;
        const lx = e - s;
        let seen = 0;
        for (let y = table[2 * slot + 1]!; y !== -1 && seen < maxBucket; y = next[y]!, seen++) {
          const sy = offsets[y]!;
          const ly = offsets[y + 1]! - sy;
          if (ly < t * lx - EPS || lx < t * ly - EPS) continue;
          const need = Math.ceil((t * (lx + ly)) / (1 + t) - EPS);
          const inter = overlap(tok, s, lx, sy, ly, need);
          if (inter < need) continue;
          const score = inter / (lx + ly - inter);
          // the best over all bands, whatever order they come in
          if (score > bestScore[x]! || (score === bestScore[x]! && y < best[x]!)) {
            best[x] = y;
            bestScore[x] = score;
          }
        }
        table[2 * slot] = key;
        next[x] = table[2 * slot + 1]!;
        table[2 * slot + 1] = x;
      }
    }
  }
  const out: Match[] = [];
  for (let x = 0; x < n; x++) {
    if (copyOf[x] !== -1) out.push({ set: x, other: copyOf[x]!, score: 1 });
    else if (best[x] !== -1) out.push({ set: x, other: best[x]!, score: bestScore[x]! });
  }
  return out;
}

// All hashing stays in signed 32-bit integers: values past 2³¹ would become doubles in V8.
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

// The word ids of every set, each set sorted ascending.
function sortedRows({ offsets, ids }: WordSets): Int32Array {
  const tok = ids.slice();
  const n = offsets.length - 1;
  for (let x = 0; x < n; x++) {
    const s = offsets[x]!;
    const e = offsets[x + 1]!;
    if (e - s > 48) {
      tok.subarray(s, e).sort();
      continue;
    }
    for (let i = s + 1; i < e; i++) {
      const v = tok[i]!;
      let j = i - 1;
      while (j >= s && tok[j]! > v) {
        tok[j + 1] = tok[j]!;
        j--;
      }
      tok[j + 1] = v;
    }
  }
  return tok;
}

// copyOf[x] = the first set equal to set x, or -1 when x is the first of its kind (or empty).
function firstCopies(offsets: Int32Array, tok: Int32Array): Int32Array {
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
    for (let i = s; i < e; i++) h = Math.imul(h ^ tok[i]!, 0x01000193);
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const y = table[slot]!;
      if (y === -1) {
        table[slot] = x;
        break;
      }
      if (equal(tok, offsets[y]!, offsets[y + 1]!, s, e)) {
        copyOf[x] = y;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return copyOf;
}

function equal(tok: Int32Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (; a < aEnd; a++, b++) if (tok[a] !== tok[b]) return false;
  return true;
}

// |x ∩ y| of two sorted runs, or any value below `need` once `need` is out of reach.
function overlap(tok: Int32Array, i: number, li: number, j: number, lj: number, need: number): number {
  const iEnd = i + li;
  const jEnd = j + lj;
  let inter = 0;
  while (i < iEnd && j < jEnd) {
    const d = tok[i]! - tok[j]!;
    if (d === 0) {
      inter++;
      i++;
      j++;
    } else {
      if (inter + Math.min(iEnd - i, jEnd - j) <= need - 1) return inter;
      if (d < 0) i++;
      else j++;
    }
  }
  return inter;
}

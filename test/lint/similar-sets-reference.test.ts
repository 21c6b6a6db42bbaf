// similarEarlier's fast paths (branch-free bin minima, the bitmap that skips unshared keys,
// verification against marked words) must give exactly what the plain definition gives: the
// same keys, buckets, bucket bounds, pairs and scores. The definition, written plainly here:
// per band, every set's key from its bin minima, a bucket per key, each set verified against
// the latest maxBucket earlier sets of its bucket, the best score kept (ties to the earlier set).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/emit/html/random.js';
import { similarEarlier, type Match, type SimilarOptions } from '../../src/lint/similar-sets.js';
import type { WordSets } from '../../src/lint/word-sets.js';

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

function reference(sets: WordSets, opts: SimilarOptions): Match[] {
  const t = opts.threshold;
  const bands = opts.bands ?? (t < 0.75 ? 16 : 32);
  const binBits = opts.binBits ?? (t < 0.75 ? 1 : 3);
  const maxBucket = opts.maxBucket ?? 32;
  const rows = Array.from({ length: sets.offsets.length - 1 }, (_, x) => [...sets.ids.subarray(sets.offsets[x]!, sets.offsets[x + 1]!)]);
  const firstOf = new Map<string, number>();
  const copyOf = rows.map((row, x) => {
    if (row.length === 0) return -1;
    const id = [...row].sort((a, b) => a - b).join(',');
    const first = firstOf.get(id);
    if (first === undefined) firstOf.set(id, x);
    return first ?? -1;
  });
  const best: (Match | undefined)[] = [];
  for (let band = 0; band < bands; band++) {
    const seed = mix((band >> 1) * 0x9e3779b1 + 1);
    const buckets = new Map<number, number[]>();
    rows.forEach((row, x) => {
      if (row.length === 0 || copyOf[x] !== -1) return;
      const mins = new Array<number>(1 << binBits).fill(0x7fffffff);
      for (const w of row) {
        const r = mix(w ^ seed);
        const v = band % 2 === 0 ? r : (r << 16) | (r >>> 16);
        const bin = v >>> (32 - binBits);
        mins[bin] = Math.min(mins[bin]!, v);
      }
      let key = band;
      for (const m of mins) key = Math.imul(key ^ m, 0x01000193);
      key = mix(key);
      const bucket = buckets.get(key) ?? [];
      for (const y of bucket.slice(-maxBucket)) {
        const lx = row.length;
        const ly = rows[y]!.length;
        if (ly < t * lx - 1e-9 || lx < t * ly - 1e-9) continue;
        const inter = rows[y]!.filter((w) => row.includes(w)).length;
        if (inter < Math.ceil((t * (lx + ly)) / (1 + t) - 1e-9)) continue;
        const score = inter / (lx + ly - inter);
        const b = best[x];
        if (!b || score > b.score || (score === b.score && y < b.other)) best[x] = { set: x, other: y, score };
      }
      bucket.push(x);
      buckets.set(key, bucket);
    });
  }
  return rows.flatMap((_, x) => (copyOf[x] !== -1 ? [{ set: x, other: copyOf[x]!, score: 1 }] : best[x] ? [best[x]] : []));
}

function wordSets(rows: number[][]): WordSets {
  const offsets = [0];
  const ids: number[] = [];
  for (const row of rows) {
    ids.push(...new Set(row));
    offsets.push(ids.length);
  }
  return { offsets: Int32Array.from(offsets), ids: Int32Array.from(ids), vocabulary: Math.max(0, ...ids) + 1 };
}

// stems drawn from a small vocabulary, with edited copies and exact copies in shuffled order
function crowd(n: number, vocabulary: number, seed: number): number[][] {
  const r = seededRandom('similar-sets-reference', seed);
  const int = (k: number) => Math.floor(r() * k);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && r() < 0.6) {
      const row = [...rows[int(i)]!];
      if (r() < 0.8) for (let e = int(3); e >= 0; e--) row[int(row.length + 1)] = int(vocabulary);
      rows.push(r() < 0.5 ? row.reverse() : row);
    } else rows.push(Array.from({ length: int(30) }, () => int(vocabulary)));
  }
  return rows;
}

describe('similarEarlier against the plain definition', () => {
  const cases: [string, SimilarOptions][] = [
    ['defaults at 0.8', { threshold: 0.8 }],
    ['defaults at 0.6', { threshold: 0.6 }],
    ['small buckets', { threshold: 0.7, maxBucket: 2 }],
    ['an odd number of bands, 16 bins', { threshold: 0.5, bands: 5, binBits: 4 }],
    ['one bin bit at a high threshold', { threshold: 0.9, binBits: 1, bands: 8, maxBucket: 3 }],
  ];
  for (const [name, opts] of cases)
    it(`gives the same matches: ${name}`, () => {
      for (const [n, vocabulary] of [
        [2000, 400],
        [600, 40],
      ] as const) {
        const sets = wordSets(crowd(n, vocabulary, n + vocabulary));
        const got = similarEarlier(sets, opts);
        expect(got.length).toBeGreaterThan(n / 10);
        expect(got).toEqual(reference(sets, opts));
      }
    });

  it('gives the same matches on fuzzed small sets', () => {
    const row = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 9 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom(0.34, 0.5, 0.8, 1), fc.integer({ min: 1, max: 4 }), (rows, threshold, maxBucket) => {
        const sets = wordSets(rows);
        const opts = { threshold, maxBucket };
        expect(similarEarlier(sets, opts)).toEqual(reference(sets, opts));
      }),
      { numRuns: 500 },
    );
  });
});

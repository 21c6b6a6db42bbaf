// Finds, for each record (a set of word ids, in input order), its most similar earlier record
// by Jaccard similarity, without comparing all pairs.
//
// Prefix filtering (the AllPairs / PPJoin family): order every word by rarity; two sets with
// Jaccard ≥ t must share a word among the first |x| − ⌈t·|x|⌉ + 1 rarest words of each. Each
// record probes an inverted index over those short prefixes, which are made of rare words, so
// posting lists stay short and the work grows about linearly. A record whose best match is
// near-identical (≥ absorb) is represented by that match and not indexed itself, so a cluster
// of k copies costs k probes into one entry, not k². Hard caps on a posting list and on the
// candidates verified per record bound the worst case (thousands of template questions that
// share all their rare words) at the price of possibly missing a match there.

export interface SimilarOptions {
  threshold: number; // Jaccard in (0, 1]
  absorb?: number; // default (1 + threshold) / 2
  maxPostings?: number; // per word
  maxCandidates?: number; // verified per record
}

export interface Match {
  record: number;
  other: number; // earlier record
  score: number;
}

/** records[i] = distinct word ids of record i (any order), or undefined to skip it. */
export function similarEarlier(records: (Int32Array | undefined)[], vocabulary: number, opts: SimilarOptions): Match[] {
  const t = opts.threshold;
  const absorb = opts.absorb ?? (1 + t) / 2;
  const maxPostings = opts.maxPostings ?? 256;
  const maxCandidates = opts.maxCandidates ?? 64;
  const n = records.length;

  // global order: rarest word first (ties by id, so the order is deterministic)
  const df = new Int32Array(vocabulary);
  for (const r of records) if (r) for (let i = 0; i < r.length; i++) df[r[i]!]!++;
  const byRarity = new Int32Array(vocabulary);
  for (let i = 0; i < vocabulary; i++) byRarity[i] = i;
  byRarity.sort((a, b) => df[a]! - df[b]! || a - b);
  const rank = new Int32Array(vocabulary);
  for (let i = 0; i < vocabulary; i++) rank[byRarity[i]!] = i;
  const sets: (Int32Array | undefined)[] = records.map((r) => {
    if (!r) return undefined;
    const s = new Int32Array(r.length);
    for (let i = 0; i < r.length; i++) s[i] = rank[r[i]!]!;
    return s.sort();
  });

  const postings: number[][] = new Array(vocabulary);
  const count = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const out: Match[] = [];
  const cand: number[] = [];

  for (let x = 0; x < n; x++) {
    const sx = sets[x];
    if (!sx || sx.length === 0) continue;
    const len = sx.length;
    const prefix = len - Math.ceil(t * len - 1e-9) + 1;
    const minLen = t * len - 1e-9;
    const maxLen = len / t + 1e-9;
    cand.length = 0;
    for (let i = 0; i < prefix; i++) {
      const list = postings[sx[i]!];
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const y = list[k]!;
        const ly = sets[y]!.length;
        if (ly < minLen || ly > maxLen) continue;
        if (stamp[y] !== x) {
          stamp[y] = x;
          count[y] = 0;
          cand.push(y);
        }
        count[y]!++;
      }
    }
    if (cand.length > maxCandidates) {
      cand.sort((a, b) => count[b]! - count[a]! || a - b);
      cand.length = maxCandidates;
    }
    let best = -1;
    let bestScore = 0;
    for (const y of cand) {
      const score = jaccard(sx, sets[y]!);
      if (score >= t - 1e-9 && (score > bestScore || (score === bestScore && y < best))) {
        best = y;
        bestScore = score;
      }
    }
    if (best >= 0) out.push({ record: x, other: best, score: bestScore });
    if (best >= 0 && bestScore >= absorb) continue;
    for (let i = 0; i < prefix; i++) {
      const w = sx[i]!;
      const list = (postings[w] ??= []);
      if (list.length < maxPostings) list.push(x);
    }
  }
  return out;
}

function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const d = a[i]! - b[j]!;
    if (d === 0) {
      inter++;
      i++;
      j++;
    } else if (d < 0) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

// similarEarlier against brute force on 3,000 seeded synthetic stems with planted near-copies at
// Jaccard 0.75–1 (some right at the 0.8 threshold): every reported score is exact, every
// reported match is the true best earlier one (or ties it), and misses are limited to pairs just
// above the threshold, as the LSH design promises. Plus the adversarial bounds.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/emit/html/random.js';
import { similarEarlier, type Match } from '../../src/lint/similar-sets.js';
import { WordSetBuilder } from '../../src/lint/word-sets.js';

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const v of a) if (b.has(v)) inter++;
  return inter / (a.size + b.size - inter);
}

function bruteForce(sets: Set<number>[], t: number): (Match | undefined)[] {
  return sets.map((x, i) => {
    let best: Match | undefined;
    if (x.size === 0) return undefined;
    for (let j = 0; j < i; j++) {
      if (sets[j]!.size === 0) continue;
      const s = jaccard(x, sets[j]!);
      if (s >= t - 1e-9 && (!best || s > best.score)) best = { set: i, other: j, score: s };
    }
    return best;
  });
}

function synthetic(n: number) {
  const r = seededRandom('similar-sets', n);
  const int = (k: number) => Math.floor(r() * k);
  // Zipf-like: common function words and phrase words, a long tail of rare ones
  const vocab = Array.from({ length: 3000 }, (_, i) => `p${i.toString(36)}`);
  const word = () => vocab[Math.floor(vocab.length * r() ** 3)]!;
  const stems: string[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 10 && r() < 0.08) {
      // a near-copy of an earlier stem: k words replaced or added
      const words = [...stems[int(i)]!];
      const k = 1 + int(4);
      for (let e = 0; e < k; e++) {
        if (r() < 0.5) words[int(words.length)] = `novo${i}x${e}`;
        else words.push(`extra${i}x${e}`);
      }
      stems.push(words);
    } else stems.push(Array.from({ length: 8 + int(20) }, word));
  }
  return stems;
}

function build(stems: string[][]) {
  const b = new WordSetBuilder();
  for (const s of stems) b.add(s.join(' '), 6);
  const ws = b.sets();
  const sets = stems.map((_, i) => new Set(ws.ids.subarray(ws.offsets[i]!, ws.offsets[i + 1]!)));
  return { ws, sets };
}

describe('similarEarlier', () => {
  for (const t of [0.8, 0.6]) {
    it(`agrees with brute force on 3,000 stems at threshold ${t}`, () => {
      const { ws, sets } = build(synthetic(3000));
      const expected = bruteForce(sets, t);
      const got = new Map(similarEarlier(ws, { threshold: t }).map((m) => [m.set, m]));
      let missed = 0;
      for (const m of got.values()) {
        expect(m.other).toBeLessThan(m.set);
        expect(m.score).toBe(jaccard(sets[m.set]!, sets[m.other]!)); // exact, never an estimate
        expect(expected[m.set]).toBeDefined();
        expect(m.score).toBeGreaterThanOrEqual(t - 1e-9);
      }
      const found = expected.filter((e) => e !== undefined);
      expect(found.length).toBeGreaterThan(100);
      for (const e of found) {
        const m = got.get(e.set);
        if (!m) {
          missed++;
          // only pairs close to the threshold may slip through
          expect(e.score).toBeLessThan(t + 0.06);
          continue;
        }
        // the best earlier match, or an equally good one
        expect(m.score).toBe(e.score);
      }
      expect(missed).toBeLessThanOrEqual(Math.ceil(found.length * 0.01));
    });
  }

  it('matches identical sets to the first copy, whatever lies between', () => {
    const base = 'alfa beta gama delta épsilon zeta eta teta';
    const stems = [base, 'outra pergunta sem relação com nada disso aqui', ...Array.from({ length: 3000 }, (_, i) => (i % 2 ? base.split(' ').reverse().join(' ') : `${base}.`))];
    const b = new WordSetBuilder();
    for (const s of stems) b.add(s, 6);
    const matches = similarEarlier(b.sets(), { threshold: 0.8 });
    expect(matches).toHaveLength(3000);
    expect(matches.every((m) => m.other === 0 && m.score === 1)).toBe(true);
  });

  it('bounds near-identical crowds and still reports each member against a close earlier one', () => {
    // 2,000 variants of one stem, each with one word of its own (pairwise Jaccard 10/12)
    const base = 'o cliente liga para informar que a internet caiu ontem';
    const stems = Array.from({ length: 2000 }, (_, i) => `${base} variante${i}`);
    const { ws, sets } = build(stems.map((s) => s.split(' ')));
    const matches = similarEarlier(ws, { threshold: 0.8 });
    expect(matches.length).toBeGreaterThan(1990);
    for (const m of matches) {
      expect(m.other).toBeLessThan(m.set);
      expect(m.score).toBe(jaccard(sets[m.set]!, sets[m.other]!));
      expect(m.score).toBeCloseTo(10 / 12, 9);
    }
  });

  it('skips empty sets and finds nothing among unrelated stems', () => {
    const b = new WordSetBuilder();
    b.add('curta', 6);
    b.add('uma pergunta sobre a fatura do mês passado', 6);
    b.add('curta', 6);
    b.add('o técnico não compareceu à visita agendada ontem', 6);
    expect(similarEarlier(b.sets(), { threshold: 0.8 })).toEqual([]);
  });
});

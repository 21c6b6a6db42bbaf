import { describe, expect, it } from 'vitest';
import { contentHash, decodeSketch, encodeSketch, exactJaccard, similarity, sketchOf, type QuestionText } from '../../src/ids/fingerprint.js';
import { seedQuestions as Q } from './support.js';

const t = (q: string[]): QuestionText => ({ stem: q[0]!, options: q.slice(1) });

// Deterministic word edits: replace every k-th word of the stem and of the first option.
function edit(q: string[], every: number): string[] {
  const swap = (s: string) => s.split(' ').map((w, i) => (i % every === every - 1 ? `troca${i}` : w)).join(' ');
  return [swap(q[0]!), swap(q[1]!), ...q.slice(2)];
}

describe('content hash', () => {
  it('ignores option order and surrounding spaces, nothing else', () => {
    const q = t(Q[0]!);
    expect(contentHash({ stem: ` ${q.stem} `, options: [...q.options].reverse() })).toBe(contentHash(q));
    expect(contentHash({ stem: q.stem + '!', options: q.options })).not.toBe(contentHash(q));
    expect(contentHash({ stem: 'ab', options: ['c'] })).not.toBe(contentHash({ stem: 'a', options: ['bc'] }));
  });
});

describe('sketch', () => {
  it('is blind to case, accents, punctuation and option order', () => {
    const q = t(Q[1]!);
    const loud = { stem: q.stem.toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[?,.]/g, ' '), options: [...q.options].reverse() };
    expect(similarity(sketchOf(q), sketchOf(loud))).toBe(1);
  });

  it('round-trips through its base64url text', () => {
    const s = sketchOf(t(Q[2]!));
    expect(encodeSketch(s)).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(decodeSketch(encodeSketch(s))).toEqual(s);
    expect(decodeSketch('short')).toBeUndefined();
  });

  it('estimates the Jaccard similarity of edited questions within ±0.2 (mean error < 0.07)', () => {
    const errors: number[] = [];
    for (const q of Q) {
      for (const every of [2, 3, 4, 6, 10]) {
        const a = t(q);
        const b = t(edit(q, every));
        errors.push(Math.abs(similarity(sketchOf(a), sketchOf(b)) - exactJaccard(a, b)));
      }
    }
    expect(Math.max(...errors)).toBeLessThan(0.2);
    expect(errors.reduce((s, e) => s + e, 0) / errors.length).toBeLessThan(0.07);
  });

  it('keeps different questions of the same bank far below the match threshold', () => {
    for (let i = 0; i < Q.length; i++) {
      for (let j = i + 1; j < Q.length; j++) expect(similarity(sketchOf(t(Q[i]!)), sketchOf(t(Q[j]!)))).toBeLessThan(0.3);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { answerWeights, formatWeight, isMoodleGrade, positiveSplit, wrongPenalty } from '../../../src/emit/gift/moodle-grades.js';

const sum = (ws: number[]) => Math.round(ws.reduce((s, w) => s + w, 0) * 100) / 100;

describe('Moodle grade weights', () => {
  it('splits 100 % among 1–20 correct options using listed grades only', () => {
    for (let n = 1; n <= 20; n++) {
      const split = positiveSplit(n)!;
      expect(split, `n=${n}`).toHaveLength(n);
      expect(split.every(isMoodleGrade), `n=${n}`).toBe(true);
      // Moodle's form rounds the total to 2 decimals and wants exactly 1
      expect(sum(split), `n=${n}`).toBe(100);
    }
    expect(positiveSplit(3)).toEqual([33.33333, 33.33333, 33.33333]);
    expect(positiveSplit(7)).toEqual(Array(7).fill(14.28571));
    expect(positiveSplit(11)).toEqual([...Array(9).fill(10), 5, 5]);
  });

  it('cannot split among more than 20', () => {
    expect(positiveSplit(21)).toBeUndefined();
    expect(answerWeights({ type: 'multiple', key: [...Array(21).keys()], options: Array(22).fill({}) })).toBeUndefined();
  });

  it('penalises wrong options so that ticking everything scores at most 0', () => {
    for (let w = 1; w <= 30; w++) {
      const p = wrongPenalty(w);
      expect(isMoodleGrade(p), `w=${w}`).toBe(true);
      expect(p * w, `w=${w}`).toBeLessThanOrEqual(-99.9999);
    }
    expect([1, 2, 3, 7, 11].map(wrongPenalty)).toEqual([-100, -50, -33.33333, -14.28571, -10]);
  });

  it('weights single answers 100/0 and keeps option order', () => {
    expect(answerWeights({ type: 'single', key: [2], options: Array(4).fill({}) })).toEqual({ weights: [0, 0, 100, 0], multiple: false });
    expect(answerWeights({ type: 'multiple', key: [0, 3], options: Array(4).fill({}) })).toEqual({ weights: [50, -50, -50, 50], multiple: true });
  });

  it('spells weights as Moodle does', () => {
    expect([33.33333, 12.5, -100, 14.28571, 0].map(formatWeight)).toEqual(['33.33333', '12.5', '-100', '14.28571', '0']);
  });
});

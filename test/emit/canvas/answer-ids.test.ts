// answerIds hashes the question id by code points; the ids are written into every Canvas package
// and keep answers stable across re-imports, so they must not change with the implementation.
import { describe, expect, it } from 'vitest';
import { answerIds } from '../../../src/emit/canvas/index.js';

// The definition: FNV-1a over the code points of `${questionId}#${i}`, then made unique.
function reference(questionId: string, count: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (const ch of `${questionId}#${i}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
    let id = (h % 900_000_000) + 100_000_000;
    while (ids.includes(id)) id++;
    ids.push(id);
  }
  return ids;
}

describe('answerIds', () => {
  it('is FNV-1a of id#index by code points, for pairs and lone surrogates too', () => {
    for (const id of ['bank-q1', 'q', '', 'ação-7', 'x📞y', '\uD800', 'a\uDC00b', '\uD83D\uDCDE\uD83D', 'bank-q99999'])
      expect(answerIds(id, 12), JSON.stringify(id)).toEqual(reference(id, 12));
  });

  it('gives the numbers earlier packages hold', () => {
    expect(answerIds('bank-q1', 2)).toMatchInlineSnapshot(`
      [
        386365503,
        369587884,
      ]
    `);
  });
});

// projectFolds answers the rules' questions about normalised option and stem texts from bytes,
// without making strings; each answer must equal the plain definition on normalizeReference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Project } from '../../src/ir/schema.js';
import { ProjectFolds } from '../../src/lint/project-folds.js';
import { normalizeReference } from '../../src/lint/text.js';

// few letters and words, so that equal and contained options are common; accents, punctuation,
// texts that fold to several characters (ß, ¼) and outside Latin-1 (Σ, 😀) take the slow paths
const piece = fc.constantFrom('a', 'b', 'ab', 'Á', 'b.', ' ', '  ', '-', 'ç', 'ß', '¼', 'Σ', '😀', 'e\u0301', '', 'Sim', 'não', '1');
const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
const question = fc.record({ stem: text, options: fc.array(text, { maxLength: 6 }) });
const projectOf = (banks: { stem: string; options: string[] }[][]): Project =>
  ({ banks: banks.map((qs) => ({ questions: qs.map((q) => ({ stem: { markdown: q.stem }, options: q.options.map((o) => ({ text: { markdown: o } })) })) })) }) as unknown as Project;

describe('ProjectFolds', () => {
  it('agrees with the definition on lengths, equality, containment and stems', () => {
    fc.assert(
      fc.property(fc.array(fc.array(question, { maxLength: 4 }), { maxLength: 3 }), (banks) => {
        const folds = new ProjectFolds(projectOf(banks));
        const qs = banks.flat();
        expect(folds.questions.length).toBe(qs.length);
        qs.forEach((q, qi) => {
          const norm = q.options.map(normalizeReference);
          expect(folds.stemLength(qi)).toBe(normalizeReference(q.stem).length);
          norm.forEach((a, i) => {
            const ka = folds.option(qi, i);
            expect(folds.text(ka)).toBe(a);
            expect(folds.length(ka)).toBe(a.length);
            norm.forEach((b, j) => {
              const kb = folds.option(qi, j);
              expect(folds.same(ka, kb)).toBe(a === b);
              expect(folds.containsWords(ka, kb)).toBe(` ${a} `.includes(` ${b} `));
            });
          });
          qs.forEach((p, pi) => {
            if (normalizeReference(p.stem) === normalizeReference(q.stem)) expect(folds.stemHash(pi)).toBe(folds.stemHash(qi));
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('hashes stems apart after a long stem grew the scratch buffer (odd sizes included)', () => {
    for (const size of [5001, 9999, 12_345]) {
      new ProjectFolds(projectOf([[{ stem: 'x'.repeat(size), options: [] }]]));
      const stems = ['Q1?', 'q2', 'Q3', 'Q1 ?'];
      const folds = new ProjectFolds(projectOf([stems.map((stem) => ({ stem, options: [] }))]));
      // one-word stems of one length: the hash is a bijection of the word, so these must differ
      expect(new Set([0, 1, 2].map((qi) => folds.stemHash(qi))).size).toBe(3);
      expect(folds.stemHash(3)).toBe(folds.stemHash(0));
    }
  });

  it('keeps texts longer than its scratch buffers', () => {
    const long = 'Ação, múltipla '.repeat(2000);
    const folds = new ProjectFolds(projectOf([[{ stem: long, options: [long, `${long} x`] }]]));
    expect(folds.text(folds.option(0, 0))).toBe(normalizeReference(long));
    expect(folds.stemLength(0)).toBe(normalizeReference(long).length);
    expect(folds.containsWords(folds.option(0, 1), folds.option(0, 0))).toBe(true);
  });
});

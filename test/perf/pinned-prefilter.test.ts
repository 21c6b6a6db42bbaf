// isPositional skips normalisation when an option's first word rules it out; that shortcut must
// never change the answer of the definition (isPositionalReference).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPositional, isPositionalReference } from '../../src/parse/pinned.js';

const words = ['Todas', 'TODAS', 'tôdas', 'Nenhuma', 'nénhuma', 'Ninguna', 'das', 'anteriores', 'as', 'As', 'alternativas', 'A', 'b', 'C', 'e', 'E', 'y', 'and',
  'All', 'of', 'the', 'above', 'None', 'Both', 'Ambas', 'ámbas', 'Apenas', 'Somente', 'estão', 'corretas', 'acima', 'delas', 'Consulta', 'Verifica', 'Ａll', 'ﬁ',
  '*Todas*', '**Nenhuma**', '`A`', '_b_', 'todas.', 'Todas!', '¨todas', 'todas¨', 'a)', '(a)', 'Ação', 'ñ', 'respostas', 'opções', 'las', 'son', 'de'];

describe('isPositional prefilter', () => {
  it('agrees with the definition on known positional options and on ordinary ones', () => {
    for (const s of ['Todas', 'Todas as anteriores', 'Nenhuma das alternativas acima', 'A e B', 'a y c', 'All of the above.', '**None of the above**', 'Ambas estão corretas', 'As alternativas A e C estão corretas', 'Ninguna de las anteriores', ' todas ', 'Consulta o sistema', 'Todas, exceto a primeira']) {
      expect(isPositional(s), s).toBe(isPositionalReference(s));
    }
    expect(isPositional('Todas as anteriores')).toBe(true);
    expect(isPositional('Consulta o sistema')).toBe(false);
  });

  it('agrees with the definition on generated options', () => {
    const sep = fc.constantFrom(' ', '  ', '\t', '\u00a0', ', ', '. ', '');
    const option = fc.array(fc.tuple(fc.constantFrom(...words), sep), { minLength: 1, maxLength: 7 }).map((a) => a.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(option, (s) => isPositional(s) === isPositionalReference(s)), { numRuns: 20000 });
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => isPositional(s) === isPositionalReference(s)), { numRuns: 5000 });
  });
});

// The parser decides the usual lines without its regexes (number lines, key-block headers,
// lettered options are asked of every line); each shortcut must give the regex's answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyBlockLine, matchNumber, matchNumberLine, mayOpenKeyBlock } from '../../src/parse/blocks.js';
import { letterRe, mayBeLettered } from '../../src/parse/options.js';

// Short strings from the characters these grammars care about, so that matches are frequent.
const unit = fc.constantFrom('0', '1', '7', '9', '.', ')', '(', ' ', '\t', '\u00a0', '-', '–', ':', 'a', 'B', 'z', 'Q', 'q', 'p', 'P', 'uestão', 'ergunta', 'Gabarito', 'answers', 'ç', '١', '５');
const line = fc.array(unit, { maxLength: 12 }).map((a) => a.join(''));

describe('number lines', () => {
  it('agrees with the regex on tricky numbers', () => {
    for (const t of ['1', '1.', '1)', '0001', '0', '123456789', '1234567890', '12345678.', '1..', '1).', '1 .', '1\t)', '1a', '1.5', 'Questão 7', 'questao7', 'QUESTION 12.', 'Pergunta 3)', 'pregunta 4', 'P 1', '١', '５', '', '.', ' 1', '1 ']) {
      expect(matchNumber(t), JSON.stringify(t)).toEqual(matchNumberLine(t));
    }
    expect(matchNumber('0001')).toEqual({ n: 1, strong: false });
    expect(matchNumber('7)')).toEqual({ n: 7, strong: false });
  });

  it('agrees with the regex on generated lines', () => {
    let numbers = 0;
    fc.assert(
      fc.property(line, (t) => {
        const m = matchNumber(t);
        if (m) numbers++;
        expect(m).toEqual(matchNumberLine(t));
      }),
      { numRuns: 20000, seed: 11 },
    );
    expect(numbers).toBeGreaterThan(200);
  });
});

describe('regex prefilters', () => {
  it('a line they turn away never matches the regex', () => {
    const fixed = ['Gabarito:', 'gabarito: 1-A', 'Answers:', 'answer key:', 'Respostas:', 'respuestas :', 'Chave de respostas:', 'a) x', '(b) y', 'C. z', 'D - w', 'e\t– v', 'A.', 'Ab) x'];
    fc.assert(
      fc.property(fc.oneof(line, fc.constantFrom(...fixed)), (t) => {
        if (!mayOpenKeyBlock(t)) expect(keyBlockLine.test(t)).toBe(false);
        if (!mayBeLettered(t)) expect(letterRe.test(t)).toBe(false);
      }),
      { numRuns: 20000, seed: 12 },
    );
    for (const t of fixed.slice(0, 7)) expect(mayOpenKeyBlock(t) && keyBlockLine.test(t), t).toBe(true);
    for (const t of fixed.slice(7, 12)) expect(mayBeLettered(t) && letterRe.test(t), t).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText, stems, options } from '../support/parse.js';
import { repoRoot } from '../support/validators.js';

const seed = readFileSync(path.join(repoRoot, 'test/fixtures/seed/no-key/atendimento.txt'));

describe('the seed bank', () => {
  it('parses to 8 questions with option counts 4,3,3,3,3,3,3,2', () => {
    const { bank, diagnostics } = parseText(seed, { id: 'atendimento' });
    expect(diagnostics).toEqual([]);
    expect(bank.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bank.questions.map((q) => q.options.length)).toEqual([4, 3, 3, 3, 3, 3, 3, 2]);
  });

  it('keeps the text exactly, including the last line with no final newline', () => {
    const { bank } = parseText(seed, { id: 'atendimento' });
    const q8 = bank.questions[7]!;
    expect(q8.options[1]!.text.markdown).toBe('Marcar técnico por SLA > Encaminhar checklist de caso crítico para supervisão');
    expect(q8.options[1]!.text.span).toMatchObject({ line: 40, column: 1 });
    expect(bank.questions[0]!.stem.markdown).toBe('José entrou em contato para informar que está sem navegação. O que deve ser feito?');
    expect(bank.questions[0]!.stem.span).toMatchObject({ file: 'sources/atendimento.txt', line: 2, column: 1 });
  });

  it('pins "Todas" in question 1 and stops that question from shuffling', () => {
    const { bank } = parseText(seed, { id: 'atendimento' });
    expect(bank.questions[0]!.options[1]!.fixed).toBe(true);
    expect(bank.questions[0]!.shuffle).toBe(false);
    expect(bank.questions.slice(1).every((q) => q.shuffle)).toBe(true);
  });

  it('gives ids from bank path and number, stable under text edits', () => {
    const a = parseText(seed, { id: 'atendimento' }).bank.questions.map((q) => q.id);
    const edited = parseText(seed.toString().replace('José', 'Joséfina'), { id: 'atendimento' }).bank.questions.map((q) => q.id);
    expect(a[0]).toBe('atendimento-q1');
    expect(edited).toEqual(a);
  });
});

describe('line endings and BOM', () => {
  const lf = '1\nStem?\nA\nB\n2\nOther?\nC\nD\n';
  it('CRLF, CR and a BOM parse the same as LF', () => {
    const base = options(lf);
    expect(options(lf.replace(/\n/g, '\r\n'))).toEqual(base);
    expect(options(lf.replace(/\n/g, '\r'))).toEqual(base);
    expect(options('\uFEFF' + lf)).toEqual(base);
    expect(parseText('\uFEFF' + lf).bank.bom).toBe(true);
    expect(parseText(lf.replace(/\n/g, '\r\n')).bank.lineEndings).toEqual({ lf: 0, crlf: 8, cr: 0 });
  });
  it('no final newline keeps the last option', () => {
    expect(options(lf.trimEnd())).toEqual(options(lf));
  });
  it('U+0085 and U+2028 are text, not line breaks', () => {
    expect(options('1\nStem\nA\u0085B\nC\u2028D\n')).toEqual([['A\u0085B', 'C\u2028D']]);
  });
});

describe('question numbers', () => {
  it.each([
    ['7', 7],
    ['7.', 7],
    ['7)', 7],
    ['Questão 7', 7],
    ['Question 7', 7],
    ['questao 7', 7],
  ])('accepts %j', (line, n) => {
    const { bank } = parseText(`${line}\nStem?\nA\nB\n`);
    expect(bank.questions.map((q) => q.number)).toEqual([n]);
  });

  it('a number that is not the next one is an option ("4" answers "2 + 2?")', () => {
    const src = '1\nQuanto é 2 + 2?\n3\n4\n5\n2\nQuanto é 1 + 1?\n2\n3\n';
    const { bank } = parseText(src);
    expect(bank.questions.map((q) => q.options.map((o) => o.text.markdown))).toEqual([
      ['3', '4', '5'],
      ['2', '3'],
    ]);
  });

  it('the expected number right after the stem is an option, not a question', () => {
    expect(options('1\nQuanto é 1 + 1?\n2\n3\n')).toEqual([['2', '3']]);
  });

  it('a skipped number after a blank line starts a new block', () => {
    const { bank } = parseText('1\nStem one?\nA\nB\n\n3\nStem three?\nC\nD\n');
    expect(bank.questions.map((q) => q.number)).toEqual([1, 3]);
  });

  it('a skipped number without a blank line is read as an option', () => {
    const { bank } = parseText('1\nStem one?\nA\nB\n3\nStem three?\nC\nD\n');
    expect(bank.questions).toHaveLength(1);
    expect(bank.questions[0]!.options.map((o) => o.text.markdown)).toEqual(['A', 'B', '3', 'Stem three?', 'C', 'D']);
  });
});

describe('stems', () => {
  it('without a blank line, the first line is the stem', () => {
    expect(stems('1\nStem?\nA\nB\n')).toEqual(['Stem?']);
  });
  it('a blank line inside the block ends a multi-line stem', () => {
    const src = '1\nLeia o caso.\nO cliente liga.\nO que fazer?\n\nA\nB\n';
    expect(stems(src)).toEqual(['Leia o caso.\nO cliente liga.\nO que fazer?']);
    expect(options(src)).toEqual([['A', 'B']]);
  });
  it('blank lines around every line keep a one-line stem', () => {
    const src = '1\n\nStem?\n\nA\n\nB\n\n2\n\nOther?\n\nC\n\nD\n';
    expect(stems(src)).toEqual(['Stem?', 'Other?']);
    expect(options(src)).toEqual([['A', 'B'], ['C', 'D']]);
  });
  it('a number followed by nothing has an empty stem', () => {
    const { bank } = parseText('1\nStem?\nA\nB\n2\n');
    expect(bank.questions).toHaveLength(1); // "2" at end of file has no stem: read as an option
    expect(bank.questions[0]!.options.map((o) => o.text.markdown)).toEqual(['A', 'B', '2']);
  });
});

describe('option letters', () => {
  it.each([
    ['a) ', 'b) ', 'c) '],
    ['A. ', 'B. ', 'C. '],
    ['(a) ', '(b) ', '(c) '],
    ['A - ', 'B - ', 'C - '],
  ])('strips %j style letters', (a, b, c) => {
    const { bank, diagnostics } = parseText(`1\nStem?\n${a}One\n${b}Two\n${c}Three\n`);
    expect(bank.questions[0]!.options.map((o) => o.text.markdown)).toEqual(['One', 'Two', 'Three']);
    expect(bank.questions[0]!.options[0]!.text.span.column).toBe(a.length + 1);
    expect(diagnostics).toEqual([]);
  });
  it('warns when lettering is inconsistent', () => {
    const { bank, diagnostics } = parseText('1\nStem?\na) One\nb) Two\nd) Three\n');
    expect(bank.questions[0]!.options.map((o) => o.text.markdown)).toEqual(['One', 'Two', 'Three']);
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['inconsistent-lettering', 5]]);
  });
  it('one lettered-looking option among plain ones is content', () => {
    expect(options('1\nWho?\nA. Lincoln\nWashington\nJefferson\n')).toEqual([['A. Lincoln', 'Washington', 'Jefferson']]);
  });
});

describe('answer keys', () => {
  const src = '1\nStem one?\nA\nB\nC\n2\nStem two?\nA\nB\nC\n3\nStem three?\nA\nB\nC\n';
  const keys = (s: string, key?: string) => parseText(s, { key }).bank.questions.map((q) => q.key);

  it.each(['1: B\n2: A\n3: A,C', '1-B\n2-a\n3-A C', '1 B\n2 A\n3 A, C', '1) B\n2) A\n3) a/c', '1. b\n2. a\n3. A;C', '1-B 2-A 3-A,C', '# comment\n\n1: B\r\n2: A\r\n3: A,C', '1: B  # the capital\n2: A // why\n3: A,C#x'])(
    'sidecar %j',
    (key) => {
      expect(keys(src, key)).toEqual([[1], [0], [0, 2]]);
    },
  );

  it('trailing Gabarito: block, several entries per line', () => {
    expect(keys(src + '\nGabarito:\n1-B 2-A\n3: A,C\n')).toEqual([[1], [0], [0, 2]]);
    expect(keys(src + 'Answers: 1-B 2-A 3-A,C\n')).toEqual([[1], [0], [0, 2]]);
  });

  it('inline marks, and Markdown emphasis is not a mark', () => {
    const { bank } = parseText('1\nStem?\n*Não* é isso\n* Certo\n**Negrito**\n2\nOutra?\n*A) Um\nB) Dois\n');
    expect(bank.questions.map((q) => q.key)).toEqual([[1], [0]]);
    expect(bank.questions[0]!.options.map((o) => o.text.markdown)).toEqual(['*Não* é isso', 'Certo', '**Negrito**']);
    expect(bank.questions[1]!.options.map((o) => o.text.markdown)).toEqual(['Um', 'Dois']);
  });

  it('keeps every source in keyEntries so disagreement can be reported', () => {
    const { bank } = parseText('1\nStem?\n* A\nB\n', { key: '1: B' });
    expect(bank.questions[0]!.keyEntries.map((e) => [e.source, e.letters])).toEqual([
      ['inline', ['A']],
      ['sidecar', ['B']],
    ]);
  });

  it('reports unreadable entries and keys for unknown questions with file and line', () => {
    const { diagnostics } = parseText(src, { key: '1: B\n2: Todas\n9: A' });
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['parse/key-syntax', 'sources/bank.key', 2],
      ['parse/key-unknown-question', 'sources/bank.key', 3],
    ]);
  });

  it('a stem starting with "Gabarito:" stays a stem', () => {
    expect(stems('1\nGabarito: o que significa?\nA\nB\n')).toEqual(['Gabarito: o que significa?']);
  });
});

describe('types', () => {
  it('infers multiple from the key and truefalse from the options', () => {
    const { bank } = parseText('1\nS?\nA\nB\nC\n2\nS2?\nVerdadeiro\nFalso\n3\nS3?\nTrue\nFalse\n', { key: '1: A,B\n2: A\n3: B' });
    expect(bank.questions.map((q) => q.type)).toEqual(['multiple', 'truefalse', 'truefalse']);
  });
});

describe('header and comments', () => {
  it('reads header fields and ignores comment lines', () => {
    const { bank, diagnostics } = parseText('<!-- a comment -->\ntitle: Meu banco\ncategory: A/B\npoints: 2\ntags: x, y\nshuffle: false\nlang: en\n\n1\nS?\nA\n<!-- between options -->\nB\n');
    expect(diagnostics).toEqual([]);
    expect(bank).toMatchObject({ title: 'Meu banco', category: 'A/B', points: 2, tags: ['x', 'y'], shuffle: false, lang: 'en' });
    expect(bank.questions[0]).toMatchObject({ points: 2, category: 'A/B', tags: ['x', 'y'], shuffle: false });
    expect(bank.questions[0]!.options).toHaveLength(2);
    expect(bank.comments.map((c) => [c.text, c.span.line])).toEqual([
      ['a comment', 1],
      ['between options', 12],
    ]);
  });
  it('defaults: title from the file name, category from the path', () => {
    const { bank } = parseText('1\nS?\nA\nB\n', { id: 'telecom/atendimento' });
    expect(bank).toMatchObject({ title: 'atendimento', category: 'telecom/atendimento' });
  });
  it('text before the first question is an error, not silently dropped', () => {
    const { diagnostics } = parseText('Prova de julho\n1\nS?\nA\nB\n');
    expect(diagnostics).toMatchObject([{ ruleId: 'parse/stray-text', severity: 'error', line: 1 }]);
  });
  it('a file in another format gives one clear error, not one per line', () => {
    const { diagnostics } = parseText('1. Qual é a capital?\nA) Rio\nB) Brasília\nANSWER: B\n');
    expect(diagnostics).toMatchObject([{ ruleId: 'parse/no-questions', severity: 'error', line: 1 }]);
    expect(diagnostics[0]!.message).toContain('4 lines of text');
  });
  it('a Windows-1252 file gives one invalid-encoding error naming the first lines, and loses no text', () => {
    const cp = Uint8Array.from([...'1\nN'].map((c) => c.charCodeAt(0)).concat([0xe3, 0x6f, 0x3f, 0x0a, 0x53, 0x69, 0x6d, 0x0a, 0x4e, 0xe3, 0x6f, 0x0a]));
    const { bank, diagnostics } = parseText(cp);
    expect(diagnostics).toMatchObject([{ ruleId: 'invalid-encoding', severity: 'error', line: 2, column: 2 }]);
    expect(diagnostics[0]!.message).toContain('2 lines are not valid UTF-8 (lines 2, 4)');
    expect(bank.questions[0]!.stem.markdown).toBe('Não?');
    expect(bank.questions[0]!.options[1]!.text.markdown).toBe('Não');
  });
});

describe('key comments', () => {
  it('a trailing comment is not a syntax error', () => {
    const { bank, diagnostics } = parseText('1\nS?\nA\nB\nC\n', { key: '1: A,C # both\n' });
    expect(diagnostics).toEqual([]);
    expect(bank.questions[0]!.key).toEqual([0, 2]);
  });
});

describe('large banks', () => {
  it('question numbers up to 9 digits start questions (a million-question bank)', () => {
    const { bank } = parseText('999999\nS?\nA\nB\n1000000\nT?\nC\nD\n');
    expect(bank.questions.map((q) => q.number)).toEqual([999999, 1000000]);
  });
});

// 20,000 generated questions with 200 planted near-duplicates (one word changed, one added, or
// words reordered, sometimes in another file): near-duplicate must find every planted pair and
// report little else. No timing here; bench/ measures time.
import { describe, expect, it } from 'vitest';
import type { Bank, Project, Question } from '../../src/ir/schema.js';
import rule from '../../src/lint/rules/near-duplicate.js';
import { lintProject } from '../../src/lint/run-lint.js';
import { seededRandom } from '../../src/emit/html/random.js';

const span = (file: string, line: number) => ({ file, line, column: 1, endLine: line, endColumn: 2 });

function makeProject(n: number, planted: number) {
  const r = seededRandom(42);
  const int = (k: number) => Math.floor(r() * k);
  // Zipf-like vocabulary: a few very common words, a long tail of rare ones
  const vocab = Array.from({ length: 6000 }, (_, i) => `pal${i.toString(36)}`);
  const word = () => vocab[Math.floor(vocab.length * r() ** 3)]!;
  const stems: string[] = [];
  for (let i = 0; i < n; i++) stems.push(Array.from({ length: 12 + int(14) }, word).join(' ') + '?');
  const pairs: [number, number][] = [];
  const used = new Set<number>();
  while (pairs.length < planted) {
    const a = int(n / 2);
    const b = n / 2 + int(n / 2);
    if (used.has(a) || used.has(b)) continue;
    used.add(a).add(b);
    const words = stems[a]!.slice(0, -1).split(' ');
    const kind = pairs.length % 3;
    if (kind === 0) words[int(words.length)] = 'trocada';
    else if (kind === 1) words.splice(int(words.length), 0, 'inserida');
    else words.reverse();
    stems[b] = words.join(' ') + '?';
    pairs.push([a, b]);
  }
  const files = ['sources/a.txt', 'sources/b.txt'];
  const banks: Bank[] = files.map((file, f) => ({
    id: file.slice(8, -4), path: file, title: file, category: 'c', lang: 'pt-BR', points: 1, tags: [], shuffle: true,
    encoding: 'utf-8', bom: false, lineEndings: { lf: 0, crlf: 0, cr: 0 }, comments: [], questions: [] as Question[],
  }));
  const at: { bank: number; number: number }[] = [];
  stems.forEach((stem, i) => {
    const b = i < n / 2 ? 0 : 1;
    const bank = banks[b]!;
    const number = bank.questions.length + 1;
    const line = number * 5;
    at.push({ bank: b, number });
    bank.questions.push({
      id: `${bank.id}-q${number}`, number, bank: bank.id, span: span(bank.path, line),
      stem: { markdown: stem, span: span(bank.path, line + 1) },
      options: [0, 1, 2].map((k) => ({ text: { markdown: `opção ${i}-${k}`, span: span(bank.path, line + 2 + k) } })),
      key: [0], keyEntries: [], type: 'single', points: 1, category: 'c', tags: [], shuffle: true,
    });
  });
  const project: Project = { schemaVersion: 1, banks };
  return { project, pairs, at };
}

describe('near-duplicate at 20,000 questions', () => {
  it('finds every planted near-duplicate and little else', () => {
    const { project, pairs, at } = makeProject(20_000, 200);
    const found = lintProject(project, [], { rules: [rule] });
    const reported = new Set(found.map((d) => d.questionId));
    const missed = pairs.filter(([, b]) => !reported.has(`b-q${at[b]!.number}`));
    expect(missed).toEqual([]);
    // each planted copy points back at its original
    for (const [a, b] of pairs.slice(0, 20)) {
      const d = found.find((x) => x.questionId === `b-q${at[b]!.number}`)!;
      expect(d.related![0]!.span.file).toBe('sources/a.txt');
      expect(d.related![0]!.span.line).toBe(at[a]!.number * 5 + 1);
    }
    expect(found.length).toBeLessThan(pairs.length * 1.1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bank, Project, Question } from '../../../src/ir/schema.js';
import { defaultPrintOptions, type PrintOptions } from '../../../src/emit/html/options.js';
import { letterFor, optionOrder, planExams } from '../../../src/emit/html/plan.js';
import { pickIndexes, seededRandom, shuffleInPlace } from '../../../src/emit/html/random.js';
import { parseText } from '../../support/parse.js';

const span = { file: 'sources/b.txt', line: 1, column: 1, endLine: 1, endColumn: 2 };

// A random bank: any number of options, any key, pinned options anywhere, shuffle on or off.
const questionArb = fc
  .record({
    n: fc.integer({ min: 2, max: 7 }),
    keyBits: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    fixedBits: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    shuffle: fc.boolean(),
    type: fc.constantFrom('single', 'multiple', 'truefalse'),
    category: fc.constantFrom('Redes', 'Redes/Wi-Fi', 'Cobrança'),
    tags: fc.subarray(['fibra', 'sla', 'token']),
  });

type QuestionSpec = { n: number; keyBits: boolean[]; fixedBits: boolean[]; shuffle: boolean; type: string; category: string; tags: string[] };

function makeBank(qs: Question[]): Bank {
  return { id: 'b', path: 'sources/b.txt', title: 'B', category: 'Geral', lang: 'pt-BR', points: 1, tags: [], shuffle: true, encoding: 'utf-8', bom: false, lineEndings: { lf: 1, crlf: 0, cr: 0 }, comments: [], questions: qs };
}

function toQuestions(rs: QuestionSpec[]): Question[] {
  return rs.map((r, i) => {
    const key = r.keyBits.slice(0, r.n).flatMap((b, k) => (b ? [k] : []));
    return {
      id: `b-q${i + 1}`,
      number: i + 1,
      bank: 'b',
      span,
      stem: { markdown: `Pergunta ${i + 1}`, span },
      options: Array.from({ length: r.n }, (_, k) => ({ text: { markdown: `q${i + 1} opção ${k}`, span }, ...(r.fixedBits[k] ? { fixed: true } : {}) })),
      key: key.length ? key : [0],
      keyEntries: [],
      type: r.type as Question['type'],
      points: 1,
      category: r.category,
      tags: r.tags,
      shuffle: r.shuffle,
    };
  });
}

const projectArb = fc.array(questionArb, { minLength: 1, maxLength: 25 }).map((rs) => ({ schemaVersion: 1 as const, banks: [makeBank(toQuestions(rs))] }));
const opts = (o: Partial<PrintOptions>): PrintOptions => ({ ...defaultPrintOptions, ...o });

describe('planExams', () => {
  it('property: in every version the key letter points at the option that is correct in the source', () => {
    fc.assert(
      fc.property(projectArb, fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 6 }), (project: Project, seed, versions) => {
        const [exam] = planExams(project, opts({ seed, versions }));
        const source = project.banks[0]!.questions;
        expect(exam!.versions.map((v) => v.letter)).toEqual(Array.from({ length: versions }, (_, i) => letterFor(i)));
        for (const v of exam!.versions) {
          // the same questions, each once, numbered 1..n
          expect(v.questions.map((q) => q.question.id).sort()).toEqual(source.map((q) => q.id).sort());
          expect(v.questions.map((q) => q.number)).toEqual(source.map((_, i) => i + 1));
          for (const vq of v.questions) {
            const q = vq.question;
            expect([...vq.order].sort((a, b) => a - b)).toEqual(q.options.map((_, i) => i));
            // printed letter → printed position → source option: correct exactly when keyed
            const printedCorrect = vq.key.map((pos) => vq.order[pos]!).sort((a, b) => a - b);
            expect(printedCorrect).toEqual(q.key);
            q.options.forEach((o, i) => {
              if (o.fixed) expect(vq.order[i]).toBe(i);
            });
            if (!q.shuffle || q.type === 'truefalse') expect(vq.order).toEqual(q.options.map((_, i) => i));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: same seed, same versions; version A does not depend on how many versions are asked for', () => {
    fc.assert(
      fc.property(projectArb, fc.integer(), (project, seed) => {
        const one = planExams(project, opts({ seed: String(seed), versions: 1 }));
        const three = planExams(project, opts({ seed: String(seed), versions: 3 }));
        const again = planExams(project, opts({ seed: String(seed), versions: 3 }));
        expect(strip(three)).toEqual(strip(again));
        expect(strip(one)[0]!.versions[0]).toEqual(strip(three)[0]!.versions[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('shuffles question and option order, and the seed changes them', () => {
    const { bank } = parseText(Array.from({ length: 12 }, (_, i) => `${i + 1}\nPergunta ${i + 1}?\nUm\nDois\nTrês\nQuatro\n`).join('\n'), { key: Array.from({ length: 12 }, (_, i) => `${i + 1}: A`).join('\n') });
    const project: Project = { schemaVersion: 1, banks: [bank] };
    const order = (seed: string, letter = 0) => planExams(project, opts({ seed, versions: 3 }))[0]!.versions[letter]!.questions.map((q) => `${q.question.number}:${q.order.join('')}`);
    expect(order('1')).not.toEqual(bank.questions.map((q) => `${q.number}:0123`));
    expect(order('1', 0)).not.toEqual(order('1', 1));
    expect(order('1')).not.toEqual(order('2'));
    // with shuffling off, everything is in authored order
    const plain = planExams(project, opts({ shuffle: false, versions: 2 }))[0]!;
    for (const v of plain.versions) expect(v.questions.map((q) => `${q.question.number}:${q.order.join('')}`)).toEqual(bank.questions.map((q) => `${q.number}:0123`));
  });

  it('keeps "Todas" in place and the rest of that question in authored order (parser marks it)', () => {
    const { bank } = parseText('1\nO que fazer?\nConsultar\nTodas\nConvidar\nVerificar\n2\nE agora?\nA\nB\nC\nD\n', { key: '1: B\n2: A\n' });
    const project: Project = { schemaVersion: 1, banks: [bank] };
    for (let s = 0; s < 20; s++) {
      for (const v of planExams(project, opts({ seed: String(s), versions: 3 }))[0]!.versions) {
        const q1 = v.questions.find((q) => q.question.number === 1)!;
        expect(q1.order).toEqual([0, 1, 2, 3]);
        expect(q1.key).toEqual([1]);
      }
    }
  });

  it('picks n questions (seeded) from the pool selected by category and tag; every version has the same ones', () => {
    const project = fc.sample(projectArb.filter((p) => p.banks[0]!.questions.filter((q) => q.category.startsWith('Redes')).length >= 5 && p.banks[0]!.questions.some((q) => q.category === 'Cobrança')), { numRuns: 1, seed: 7 })[0]!;
    const all = project.banks[0]!.questions;
    const [exam] = planExams(project, opts({ pick: 3, seed: 's', versions: 3, categories: ['redes'] }));
    expect(exam!.questions).toHaveLength(3);
    for (const { question } of exam!.questions) expect(question.category.startsWith('Redes')).toBe(true);
    const ids = exam!.questions.map((q) => q.question.id).sort();
    for (const v of exam!.versions) expect(v.questions.map((q) => q.question.id).sort()).toEqual(ids);
    expect(planExams(project, opts({ pick: 3, seed: 's', categories: ['Redes'] }))[0]!.questions).toEqual(exam!.questions);

    const tagged = planExams(project, opts({ tags: ['SLA'] }));
    const withTag = all.filter((q) => q.tags.includes('sla'));
    expect(tagged.flatMap((e) => e.questions.map((q) => q.question.id))).toEqual(withTag.map((q) => q.id));
  });

  it('explains a pick larger than the pool and an empty selection', () => {
    const { bank } = parseText('1\nA?\nSim\nNão\n2\nB?\nSim\nNão\n', { key: '1: A\n2: B\n' });
    const project: Project = { schemaVersion: 1, banks: [bank] };
    expect(() => planExams(project, opts({ pick: 5 }))).toThrow(/--pick 5: sources\/bank.txt has only 2 matching questions/);
    expect(() => planExams(project, opts({ tags: ['nada'] }))).toThrow(/No question to print with tag "nada"/);
    expect(planExams({ schemaVersion: 1, banks: [] }, opts({}))).toEqual([]);
    expect(() => planExams({ schemaVersion: 1, banks: [] }, opts({ pick: 1 }))).toThrow(/No question to print/);
  });

  it('--exam pools every bank into one exam, named by its title', () => {
    const a = parseText('1\nA?\nSim\nNão\n', { key: '1: A\n', id: 'a' }).bank;
    const b = parseText('1\nB?\nSim\nNão\n', { key: '1: B\n', id: 'sub/b' }).bank;
    const exams = planExams({ schemaVersion: 1, banks: [a, b] }, opts({ exam: 'Prova Final – Módulo 2', pick: 2 }));
    expect(exams).toHaveLength(1);
    expect(exams[0]!.id).toBe('prova-final-modulo-2');
    expect(exams[0]!.questions.map((q) => q.bank.id)).toEqual(['a', 'sub/b']);
  });
});

describe('random', () => {
  it('is a pure function of its seed parts', () => {
    const a = seededRandom('42', 'x');
    const b = seededRandom('42', 'x');
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom('43', 'x')()).not.toBe(xs[0]);
  });
  it('shuffles to a permutation and picks distinct ascending indexes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.string(), (n, seed) => {
        const s = shuffleInPlace(Array.from({ length: n }, (_, i) => i), seededRandom(seed));
        expect([...s].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
        const k = Math.floor(n / 2);
        const p = pickIndexes(n, k, seededRandom(seed));
        expect(new Set(p).size).toBe(k);
        expect([...p].sort((x, y) => x - y)).toEqual(p);
      }),
    );
  });
  it('spreads options roughly evenly (no position bias)', () => {
    const q = toQuestions([{ n: 4, keyBits: [true, false, false, false, false, false, false], fixedBits: Array(7).fill(false), shuffle: true, type: 'single', category: 'x', tags: [] }])[0]!;
    const counts = [0, 0, 0, 0];
    for (let s = 0; s < 4000; s++) counts[optionOrder(q, seededRandom(String(s))).indexOf(0)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});

function strip(exams: ReturnType<typeof planExams>) {
  return exams.map((e) => ({ id: e.id, versions: e.versions.map((v) => ({ letter: v.letter, q: v.questions.map((q) => [q.question.id, q.order, q.key]) })) }));
}

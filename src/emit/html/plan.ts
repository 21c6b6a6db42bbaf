// Which questions each printed exam holds and, per version, their order, their option order
// and where the key letters land. Pure data: rendering happens in view.ts.
//
// Shuffles are seeded per (seed, exam, version) for question order and per (seed, exam,
// version, question id) for option order, so version A is the same whether 1 or 5 versions
// are asked for, and adding a question does not reshuffle the options of the others.
import type { Bank, Question } from '../../ir/schema.js';
import type { Project } from '../../ir/schema.js';
import { UsageError } from '../../pipeline/errors.js';
import type { PrintOptions } from './options.js';
import { pickIndexes, seededRandom, shuffleInPlace } from './random.js';

export interface SourceQuestion {
  bank: Bank;
  question: Question;
}

export interface VersionQuestion extends SourceQuestion {
  /** 1-based number printed in this version. */
  number: number;
  /** order[i] = index in question.options of the option printed at position i. */
  order: number[];
  /** Printed positions of the correct options, ascending. */
  key: number[];
}

export interface ExamVersion {
  letter: string;
  questions: VersionQuestion[];
}

export interface Exam {
  /** Folder inside the output, e.g. `atendimento` or `recursos/exemplo`. */
  id: string;
  title: string;
  lang: string;
  banks: Bank[];
  questions: SourceQuestion[]; // the selection, in source order
  versions: ExamVersion[];
}

export function letterFor(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

export function planExams(project: Project, o: PrintOptions): Exam[] {
  const pools: { id: string; title: string; lang: string; banks: Bank[]; questions: SourceQuestion[] }[] = [];
  const selected = (bank: Bank) => bank.questions.filter((q) => matches(q, o)).map((question) => ({ bank, question }));
  if (o.exam !== undefined) {
    const banks = project.banks.filter((b) => b.questions.some((q) => matches(q, o)));
    pools.push({ id: slugify(o.exam), title: o.exam, lang: o.lang ?? banks[0]?.lang ?? 'pt-BR', banks, questions: banks.flatMap(selected) });
  } else {
    for (const bank of project.banks) {
      const questions = selected(bank);
      if (questions.length) pools.push({ id: bank.id, title: bank.title, lang: o.lang ?? bank.lang, banks: [bank], questions });
    }
  }
  if (pools.every((p) => p.questions.length === 0)) {
    // nothing selected on purpose is a mistake to report; an empty project (e.g. every question
    // skipped by --skip-invalid in a `build` of all targets) simply prints nothing
    if (o.categories.length || o.tags.length || o.pick !== undefined || o.exam !== undefined) throw new UsageError(`No question to print${describeFilter(o)}`);
    return [];
  }

  return pools.map((pool) => {
    let questions = pool.questions;
    if (o.pick !== undefined) {
      if (o.pick > questions.length) {
        const where = pool.banks.length === 1 ? pool.banks[0]!.path : `the ${pool.banks.length} selected banks`;
        throw new UsageError(`--pick ${o.pick}: ${where} has only ${questions.length} matching question${questions.length === 1 ? '' : 's'}${describeFilter(o)} (pick fewer${o.exam === undefined ? ', or pool banks with --exam' : ''})`);
      }
      questions = pickIndexes(questions.length, o.pick, seededRandom(o.seed, pool.id, 'pick')).map((i) => questions[i]!);
    }
    const versions = Array.from({ length: o.versions }, (_, v) => makeVersion(questions, letterFor(v), pool.id, o));
    return { ...pool, questions, versions };
  });
}

export function makeVersion(questions: SourceQuestion[], letter: string, examId: string, o: Pick<PrintOptions, 'seed' | 'shuffle'>): ExamVersion {
  const ordered = o.shuffle ? shuffleInPlace([...questions], seededRandom(o.seed, examId, letter)) : questions;
  return {
    letter,
    questions: ordered.map((sq, i) => {
      const order = o.shuffle ? optionOrder(sq.question, seededRandom(o.seed, examId, letter, sq.question.id)) : identity(sq.question.options.length);
      const position = new Map(order.map((src, pos) => [src, pos]));
      const key = sq.question.key.filter((k) => position.has(k)).map((k) => position.get(k)!).sort((a, b) => a - b);
      return { ...sq, number: i + 1, order, key };
    }),
  };
}

// Options move only among the non-fixed positions; a question marked not to shuffle ("Todas
// as anteriores" …) and a true/false question (Verdadeiro before Falso reads naturally) keep
// the authored order.
export function optionOrder(q: Question, random: () => number): number[] {
  const order = identity(q.options.length);
  if (!q.shuffle || q.type === 'truefalse') return order;
  const movable = order.filter((i) => !q.options[i]!.fixed);
  const shuffled = shuffleInPlace([...movable], random);
  movable.forEach((pos, k) => (order[pos] = shuffled[k]!));
  return order;
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function matches(q: Question, o: PrintOptions): boolean {
  if (o.categories.length) {
    const cat = q.category.toLowerCase();
    if (!o.categories.some((c) => cat === c.toLowerCase() || cat.startsWith(c.toLowerCase().replace(/\/+$/, '') + '/'))) return false;
  }
  if (o.tags.length) {
    const tags = new Set(q.tags.map((t) => t.toLowerCase()));
    if (!o.tags.some((t) => tags.has(t.toLowerCase()))) return false;
  }
  return true;
}

function describeFilter(o: PrintOptions): string {
  const parts = [o.categories.map((c) => `category "${c}"`).join(' or '), o.tags.map((t) => `tag "${t}"`).join(' or ')].filter(Boolean);
  return parts.length ? ` with ${parts.join(' and ')}` : '';
}

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'exam';
}

// Moodle GIFT: gift/<bank>.gift.txt, one file per bank. Texts are [html] rendered from the
// Markdown (the same HTML every other target shows), GIFT-escaped in the view so templates
// (which users may override) only arrange values. check() re-reads each file the way Moodle's
// importer does and compares it with the IR, naming the template when they disagree.
import path from 'node:path';
import type { Diagnostic } from '../../ir/diagnostic.js';
import type { Bank, Project } from '../../ir/schema.js';
import { renderHtml } from '../../markdown/render.js';
import { reiterable, type EmittedFile, type Emitter } from '../emitter.js';
import type { TemplateSet } from '../templates.js';
import { escapeGift, protectFormatMarker } from './escape.js';
import { formatWeight } from './moodle-grades.js';
import { numberWidth, toMoodleQuestion, type MoodleQuestion } from './moodle-question.js';
import { compareGift, limitsOutsideSample, type GiftExpected } from './check-gift.js';
import { builtinOnly, questionShapeKey, sampleIndexes } from '../self-check.js';

export const giftTemplateNames = ['header.hbs', 'category.hbs', 'question.hbs'] as const;

export function giftPath(bank: Bank): string {
  return `gift/${bank.id}.gift.txt`;
}

// A comment line ends at the newline; nothing else in it is read (ids and tags aside).
const commentSafe = (s: string) => s.replace(/[\r\n]+/g, ' ');

// Moodle reads `$CATEGORY:` text raw (no unescaping), split at `/`; only a newline can hurt.
export const giftCategory = (c: string) => commentSafe(c).trim();

// Tag tokens end at `]`; Moodle reads `\]` inside one as a bracket.
const tagSafe = (t: string) => t.replace(/]/g, '\\]');

export function giftView(m: MoodleQuestion): Record<string, unknown> {
  const tf = m.kind === 'truefalse';
  const text = (html: string) => escapeGift(protectFormatMarker(html));
  return {
    id: m.question.id,
    number: m.question.number,
    tags: m.tags.map(tagSafe),
    name: escapeGift(m.name),
    stem: '[html]' + escapeGift(m.stemHtml),
    trueFalse: tf ? (m.truth ? 'TRUE' : 'FALSE') : '',
    trueFalseFeedback: tf && (m.trueFeedbackHtml !== '' || m.falseFeedbackHtml !== ''),
    // Moodle: {TRUE#shown when wrong#shown when right}
    wrongFeedback: text(m.truth ? m.falseFeedbackHtml : m.trueFeedbackHtml),
    rightFeedback: text(m.truth ? m.trueFeedbackHtml : m.falseFeedbackHtml),
    answers: m.answers.map((a) => ({
      prefix: m.multiple ? `~%${formatWeight(a.weight)}%` : a.weight === 100 ? '=' : '~',
      text: text(a.html),
      feedback: text(a.feedbackHtml),
    })),
    generalFeedback: text(m.generalFeedbackHtml),
    points: m.question.points,
    shuffle: m.shuffle,
  };
}

interface Rendered {
  header: string;
  category: string;
  question: string;
}

// Expected blocks of a bank's file, in order: a category whenever it changes, then the question.
export function* expectedGift(bank: Bank, width = numberWidth(bank)): Generator<GiftExpected> {
  let category: string | undefined;
  for (const q of bank.questions) {
    if (q.category !== category) {
      category = q.category;
      yield { kind: 'category', category: giftCategory(category) };
    }
    yield { kind: 'question', model: toMoodleQuestion(q, width, renderHtml) };
  }
}

function* giftChunks(bank: Bank, templates: TemplateSet, width = numberWidth(bank)): Generator<string> {
  const header = templates.get('gift', 'header.hbs');
  const category = templates.get('gift', 'category.hbs');
  const template = templates.get('gift', 'question.hbs');
  const question = (m: MoodleQuestion) => template(giftView(m));
  yield header({ title: commentSafe(bank.title), source: commentSafe(bank.path), count: bank.questions.length });
  // the blocks of expectedGift, without an object per block
  let current: string | undefined;
  for (const q of bank.questions) {
    if (q.category !== current) {
      current = q.category;
      yield category({ category: giftCategory(current) });
    }
    yield question(toMoodleQuestion(q, width, renderHtml));
  }
}

const origins = new WeakMap<EmittedFile, { bank: Bank; set: TemplateSet; templates: Rendered }>();

export const gift: Emitter = {
  target: 'gift',
  description: 'Moodle GIFT, one gift/<bank>.gift.txt per bank (HTML texts, ids and tags as comments)',
  emit(project, options) {
    // a file with no questions is an import error in Moodle ("no questions in the import file")
    return project.banks.filter((b) => b.questions.length > 0).map((bank) => {
      const file: EmittedFile = { path: giftPath(bank), contents: reiterable(() => giftChunks(bank, options.templates)) };
      const get = (n: string) => options.templates.get('gift', n).origin;
      origins.set(file, { bank, set: options.templates, templates: { header: get('header.hbs'), category: get('category.hbs'), question: get('question.hbs') } });
      return file;
    });
  },
  check(files: EmittedFile[], _project: Project): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const file of files) {
      const o = origins.get(file);
      if (!o || typeof file.contents === 'string' || file.contents instanceof Uint8Array) continue;
      const rel = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/');
      const names = { header: rel(o.templates.header), category: rel(o.templates.category), question: rel(o.templates.question) };
      const full = !builtinOnly(Object.values(o.templates));
      const picked = sampleIndexes(o.bank.questions, (q) => questionShapeKey(q), full);
      if (picked.length === o.bank.questions.length) {
        out.push(...compareGift(file.contents, o.bank, expectedGift(o.bank), names));
        continue;
      }
      // Built-in templates, big bank: re-read a sample rendered on its own (see self-check.ts).
      const width = numberWidth(o.bank);
      const sample: Bank = { ...o.bank, questions: picked.map((i) => o.bank.questions[i]!) };
      out.push(...compareGift(giftChunks(sample, o.set, width), sample, expectedGift(sample, width), names));
      out.push(...limitsOutsideSample(o.bank, picked, width, renderHtml));
    }
    return out;
  },
};

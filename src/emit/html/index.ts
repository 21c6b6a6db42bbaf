// Printable paper exams: per exam (one per bank, or one pooled with --exam) and per version an
// exam and an answer key, plus one answer sheet, as self-styled HTML ready to print or to turn
// into PDF (pdf.ts, a separate impure step). Each document template receives its repeated
// part (questions, key rows, sheet rows) as one pre-rendered block: the block is streamed in
// chunks, so even a huge bank never becomes one giant string.
import type { Project } from '../../ir/schema.js';
import { reiterable, type EmitOptions, type EmittedFile, type Emitter } from '../emitter.js';
import type { Render, TemplateSet } from '../templates.js';
import { labelsFor } from './labels.js';
import { readPrintOptions, type PrintOptions } from './options.js';
import { letterFor, planExams, type Exam } from './plan.js';
import { answerRowContext, collectImages, cssContext, docContext, keyRowContext, questionContext, safe, type DocContext } from './view.js';

// Where a document template's repeated block goes; escaped text can never contain `<`.
const SLOT = '<!--qbank:block-->';

export const templateNames = ['exam.hbs', 'question.hbs', 'option.hbs', 'key.hbs', 'key-row.hbs', 'answer-sheet.hbs', 'answer-row.hbs', 'print.css'] as const;

export const html: Emitter = {
  target: 'html',
  description: 'Printable exams: shuffled versions, answer keys and an answer sheet per exam (HTML; PDF with `qbank print --pdf`)',
  emit(project: Project, options: EmitOptions): EmittedFile[] {
    const o = readPrintOptions(options);
    const files: EmittedFile[] = [];
    for (const exam of planExams(project, o)) files.push(...emitExam(exam, o, options));
    return files;
  },
};

function emitExam(exam: Exam, o: PrintOptions, options: EmitOptions): EmittedFile[] {
  const t = templatesFor(options.templates);
  const { lang, labels } = labelsFor(exam.lang);
  const doc = docContext(exam, o.paper, lang, labels);
  const images = collectImages(exam, options.asset);
  const dir = `${o.prefix}${exam.id}/`;
  const files: EmittedFile[] = [];
  for (const version of exam.versions) {
    const v = { letter: version.letter };
    files.push({
      path: `${dir}exam-${version.letter}.html`,
      contents: document(t.exam, { ...doc, kind: 'exam', version: v, css: css(t, doc, 'exam', version.letter), questions: safe(SLOT) }, () =>
        lazyMap(version.questions, (vq) => t.question(questionContext(vq, doc, version, images, t.option))),
      ),
    });
    files.push({
      path: `${dir}key-${version.letter}.html`,
      contents: document(t.key, { ...doc, kind: 'key', version: v, css: css(t, doc, 'key', version.letter), rows: safe(SLOT) }, () =>
        lazyMap(version.questions, (vq) => t.keyRow(keyRowContext(vq, doc, images))),
      ),
    });
  }
  const maxOptions = exam.questions.reduce((m, q) => Math.max(m, q.question.options.length), 0);
  const letters = Array.from({ length: maxOptions }, (_, i) => letterFor(i));
  const count = exam.questions.length;
  files.push({
    path: `${dir}answer-sheet.html`,
    contents: document(
      t.answerSheet,
      { ...doc, kind: 'answer-sheet', letters, columns: count <= 15 ? 1 : count <= 40 ? 2 : 3, css: css(t, doc, 'answer-sheet'), rows: safe(SLOT) },
      () => lazyMap(exam.questions, (_, i) => t.answerRow(answerRowContext(i + 1, letters, doc))),
    ),
  });
  for (const a of images.assets) files.push({ path: `${dir}assets/${a.name}`, contents: a.data });
  return files;
}

interface Templates {
  exam: Render;
  question: Render;
  option: Render;
  key: Render;
  keyRow: Render;
  answerSheet: Render;
  answerRow: Render;
  css: Render;
}

function templatesFor(set: TemplateSet): Templates {
  const get = (name: (typeof templateNames)[number]) => set.get('html', name, { escape: true });
  return {
    exam: get('exam.hbs'),
    question: get('question.hbs'),
    option: get('option.hbs'),
    key: get('key.hbs'),
    keyRow: get('key-row.hbs'),
    answerSheet: get('answer-sheet.hbs'),
    answerRow: get('answer-row.hbs'),
    // CSS is not HTML: its values arrive CSS-escaped from the view
    css: set.get('html', 'print.css', { escape: false }),
  };
}

function css(t: Templates, doc: DocContext, kind: 'exam' | 'key' | 'answer-sheet', version?: string) {
  return safe(t.css(cssContext(doc, kind, version)));
}

// The shell is rendered once, then split at the slot; the block is produced lazily in
// chunks of a few hundred items so the writer can stream it.
function document(shell: Render, context: object, block: () => Iterable<string>): Iterable<string> {
  const parts = shell(context).split(SLOT);
  return reiterable(function* () {
    yield parts[0]!;
    for (let i = 1; i < parts.length; i++) {
      let chunk: string[] = [];
      for (const item of block()) {
        chunk.push(item);
        if (chunk.length >= 256) {
          yield chunk.join('');
          chunk = [];
        }
      }
      if (chunk.length) yield chunk.join('');
      yield parts[i]!;
    }
  });
}

function* lazyMap<T>(items: readonly T[], fn: (item: T, index: number) => string): Generator<string> {
  for (let i = 0; i < items.length; i++) yield fn(items[i]!, i);
}

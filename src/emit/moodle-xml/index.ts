// Moodle XML: moodle-xml/<bank>.moodle.xml, one file per bank. Unlike GIFT it carries what the
// IR knows: points (defaultgrade), shuffle per question, answer numbering, id, tags, combined
// feedback and images (embedded as base64 <file> with @@PLUGINFILE@@ links). Values are escaped
// in the view (entities, or CDATA for HTML); check() re-parses every chunk and compares it
// with the IR, naming the template when they disagree.
import path from 'node:path';
import type { Diagnostic } from '../../ir/diagnostic.js';
import type { Bank, Project } from '../../ir/schema.js';
import type { Asset, AssetLookup } from '../../pipeline/assets.js';
import { reiterable, type EmittedFile, type Emitter } from '../emitter.js';
import type { TemplateSet } from '../templates.js';
import { formatWeight } from '../gift/moodle-grades.js';
import { numberWidth, toMoodleQuestion, type MoodleQuestion } from '../gift/moodle-question.js';
import { cdata, escapeXml, xmlComment } from './xml-text.js';
import { fileRenderer, type FileRenderer } from './html-files.js';
import { compareMoodleXml, type XmlExpected } from './check-moodle-xml.js';
import { limitsOutsideSample } from '../gift/check-gift.js';
import { builtinOnly, mentionsImage, questionShapeKey, sampleIndexes } from '../self-check.js';

export const moodleXmlTemplateNames = ['header.hbs', 'category.hbs', 'question.hbs', 'footer.hbs'] as const;

export function moodleXmlPath(bank: Bank): string {
  return `moodle-xml/${bank.id}.moodle.xml`;
}

// An image as Moodle XML's <file>: base64 once per image, however many questions show it.
const base64 = new WeakMap<Uint8Array, string>();
function fileView(a: Asset): { name: string; data: string } {
  let data = base64.get(a.data);
  if (data === undefined) {
    data = Buffer.from(a.data).toString('base64');
    base64.set(a.data, data);
  }
  return { name: escapeXml(a.name), data };
}

// The <file> views of a text: the same empty list for every text without images (nearly all).
const noFileViews: { name: string; data: string }[] = [];
function fileViews(files: FileRenderer, html: string): { name: string; data: string }[] {
  const list = files.filesIn(html);
  return list.length === 0 ? noFileViews : list.map(fileView);
}

const emptyCdata = cdata('');

export function moodleXmlView(m: MoodleQuestion, files: FileRenderer): Record<string, unknown> {
  const q = m.question;
  const tf = m.kind === 'truefalse';
  const answers = tf
    ? [
        { fraction: m.truth ? '100' : '0', format: 'moodle_auto_format', text: 'true', files: [], feedback: cdata(m.trueFeedbackHtml), feedbackFiles: fileViews(files, m.trueFeedbackHtml) },
        { fraction: m.truth ? '0' : '100', format: 'moodle_auto_format', text: 'false', files: [], feedback: cdata(m.falseFeedbackHtml), feedbackFiles: fileViews(files, m.falseFeedbackHtml) },
      ]
    : m.answers.map((a) => ({
        fraction: formatWeight(a.weight),
        format: 'html',
        text: cdata(a.html),
        files: fileViews(files, a.html),
        feedback: cdata(a.feedbackHtml),
        feedbackFiles: fileViews(files, a.feedbackHtml),
      }));
  return {
    type: m.kind,
    multichoice: !tf,
    id: escapeXml(q.id),
    number: q.number,
    name: cdata(m.name),
    questionText: cdata(m.stemHtml),
    questionFiles: fileViews(files, m.stemHtml),
    generalFeedback: cdata(m.generalFeedbackHtml),
    generalFeedbackFiles: fileViews(files, m.generalFeedbackHtml),
    defaultGrade: formatWeight(q.points),
    penalty: tf ? '1' : '0.3333333',
    idnumber: escapeXml(q.id),
    single: m.multiple ? 'false' : 'true',
    shuffle: m.shuffle ? '1' : '0',
    numbering: m.numbering,
    correctFeedback: cdata(m.correctFeedbackHtml),
    partiallyCorrectFeedback: emptyCdata,
    incorrectFeedback: cdata(m.incorrectFeedbackHtml),
    shownumcorrect: m.multiple,
    answers,
    tags: m.tags.map(cdata),
  };
}

// Expected items of a bank's file: a category pseudo-question whenever it changes, then the question.
export function* expectedMoodleXml(bank: Bank, files: FileRenderer, width = numberWidth(bank)): Generator<XmlExpected> {
  let category: string | undefined;
  for (const q of bank.questions) {
    if (q.category !== category) {
      category = q.category;
      yield { kind: 'category', category };
    }
    yield { kind: 'question', model: toMoodleQuestion(q, width, files.html) };
  }
}

// One chunk per question (and per category, header, footer): check() reads them back one by one.
function* xmlChunks(bank: Bank, templates: TemplateSet, asset: AssetLookup, width = numberWidth(bank)): Generator<string> {
  const t = (name: string) => templates.get('moodle-xml', name);
  const files = fileRenderer(bank.id, asset);
  const category = t('category.hbs');
  const template = t('question.hbs');
  const question = (m: MoodleQuestion, f: FileRenderer) => template(moodleXmlView(m, f));
  yield t('header.hbs')({ source: xmlComment(bank.path), title: xmlComment(bank.title), count: bank.questions.length });
  // the items of expectedMoodleXml, without an object per item
  let current: string | undefined;
  for (const q of bank.questions) {
    if (q.category !== current) {
      current = q.category;
      yield category({ category: cdata(current) });
    }
    yield question(toMoodleQuestion(q, width, files.html), files);
  }
  yield t('footer.hbs')({});
}

const origins = new WeakMap<EmittedFile, { bank: Bank; asset: AssetLookup; set: TemplateSet; templates: Record<string, string> }>();

export const moodleXml: Emitter = {
  target: 'moodle-xml',
  description: 'Moodle XML, one moodle-xml/<bank>.moodle.xml per bank (images embedded, shuffle, points, ids, tags)',
  emit(project, options) {
    // a file with no questions is an import error in Moodle ("no questions in the import file")
    return project.banks.filter((b) => b.questions.length > 0).map((bank) => {
      const file: EmittedFile = { path: moodleXmlPath(bank), contents: reiterable(() => xmlChunks(bank, options.templates, options.asset)) };
      const templates = Object.fromEntries(moodleXmlTemplateNames.map((n) => [n, options.templates.get('moodle-xml', n).origin]));
      origins.set(file, { bank, asset: options.asset, set: options.templates, templates });
      return file;
    });
  },
  check(files: EmittedFile[], _project: Project): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const file of files) {
      const o = origins.get(file);
      if (!o || typeof file.contents === 'string' || file.contents instanceof Uint8Array) continue;
      const rel = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/');
      const t = Object.fromEntries(Object.entries(o.templates).map(([k, v]) => [k, rel(v)]));
      const files = fileRenderer(o.bank.id, o.asset);
      const full = !builtinOnly(Object.values(o.templates));
      const picked = sampleIndexes(o.bank.questions, (q) => questionShapeKey(q, mentionsImage(q)), full);
      if (picked.length === o.bank.questions.length) {
        out.push(...compareMoodleXml(file.contents, o.bank, expectedMoodleXml(o.bank, files), files, t));
        continue;
      }
      // Built-in templates, big bank: re-read a sample rendered on its own (see self-check.ts).
      const width = numberWidth(o.bank);
      const sample: Bank = { ...o.bank, questions: picked.map((i) => o.bank.questions[i]!) };
      out.push(...compareMoodleXml(xmlChunks(sample, o.set, o.asset, width), sample, expectedMoodleXml(sample, files, width), files, t));
      out.push(...limitsOutsideSample(o.bank, picked, width, files.html));
    }
    return out;
  },
};

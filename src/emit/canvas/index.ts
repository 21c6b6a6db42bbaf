// Canvas "QTI .zip" package (canvas.zip) for Canvas Classic Quizzes: one quiz per bank, in the
// layout Canvas itself exports and its importer expects (read from instructure/canvas-lms
// gems/plugins/qti_exporter and lib/cc/importer/canvas/quiz_metadata_converter.rb, and
// instructure/QTIMigrationTool lib/imsqtiv1.py; the same layout text2qti uses):
//   imsmanifest.xml               resource <ident> (imsqti_xmlv1p2) → <ident>/<ident>.xml, depends
//                                 on <ident>-meta (…learning-application-resource) → assessment_meta.xml
//   <ident>/<ident>.xml           questestinterop, assessment ident="<ident>"
//   <ident>/assessment_meta.xml   quiz identifier="<ident>" (title, points, settings)
//   images/<hash>-<name>          webcontent resources, src="%24IMS-CC-FILEBASE%24/images/…"
// Canvas finds assessment_meta.xml only at <quiz ident>/assessment_meta.xml, so the folder name,
// the assessment ident, the manifest resource and the quiz identifier are one string.
import type { Diagnostic } from '../../ir/diagnostic.js';
import type { Bank, Project, Question } from '../../ir/schema.js';
import { imageUrls, renderPlain } from '../../markdown/render.js';
import type { Asset, AssetLookup } from '../../pipeline/assets.js';
import { slug } from '../../parse/ids.js';
import type { EmitOptions, EmittedFile, Emitter } from '../emitter.js';
import { escapeXml, IdAllocator, toNCName } from '../xml.js';
import { zipChunks, type ZipEntry } from '../zip.js';
import { rememberTemplates, renderAround, Templates, type PackageTemplates } from '../qti21/layout.js';
import { richText } from '../qti21/rich-text.js';
import { literalText } from '../text.js';
import { formatNumber, xmlTextRepeated, xmlTitleOf } from '../qti21/view.js';
import { checkCanvasPackage } from './check.js';
import type { CheckedEntry } from '../qti21/check.js';
import { builtinOnly, mentionsImage, questionShapeKey, sampleIndexes } from '../self-check.js';

export const packageName = 'canvas.zip';
const imagesDir = 'images';
// Canvas's own exports write the web-content token; its importer maps it to the package's files.
const imageSrc = (a: Asset) => `%24IMS-CC-FILEBASE%24/${imagesDir}/${a.name}`;

export interface CanvasQuiz {
  bank: Bank;
  ident: string;
  metaIdent: string;
  assignmentIdent: string;
  items: { q: Question; ident: string; answerIds: number[] }[];
  assets: Asset[];
}

export interface CanvasPlan {
  manifestId: string;
  quizzes: CanvasQuiz[];
  images: { asset: Asset; identifier: string; href: string }[];
}

/**
 * Answer ids: Canvas keeps numeric original_answer_ids (it replaces 0 or anything with letters by
 * random ones), so stable numbers keep answers stable across re-imports. FNV-1a of question id
 * and option position, made unique within the question.
 */
export function answerIds(questionId: string, count: number): number[] {
  const ids: number[] = [];
  // FNV-1a over the code points of `${questionId}#${i}`: the id's part is hashed once.
  let base = 0x811c9dc5;
  for (let k = 0; k < questionId.length; ) {
    const cp = questionId.codePointAt(k)!;
    base = Math.imul(base ^ cp, 0x01000193) >>> 0;
    k += cp > 0xffff ? 2 : 1;
  }
  base = Math.imul(base ^ 0x23, 0x01000193) >>> 0; // '#'
  for (let i = 0; i < count; i++) {
    let h = base;
    const digits = String(i);
    for (let k = 0; k < digits.length; k++) h = Math.imul(h ^ digits.charCodeAt(k), 0x01000193) >>> 0;
    let id = (h % 900_000_000) + 100_000_000;
    while (ids.includes(id)) id++;
    ids.push(id);
  }
  return ids;
}

/** true_false_question only when Canvas will keep it: two answers reading True and False (its rule). */
export function canvasType(q: Question): string {
  if (q.type === 'multiple') return 'multiple_answers_question';
  if (q.options.length === 2) {
    const texts = q.options.map((o) => renderPlain(o.text.markdown));
    const t = texts.findIndex((s) => /true/i.test(s));
    if (t >= 0 && /false/i.test(texts[1 - t]!)) return 'true_false_question';
  }
  return 'multiple_choice_question';
}

export function planCanvas(project: Project, asset: AssetLookup): CanvasPlan {
  const ids = new IdAllocator();
  const quizzes: CanvasQuiz[] = [];
  const images = new Map<string, Asset>();
  const banks = project.banks.filter((b) => b.questions.length > 0);
  // Question idents first: they are the stable ones.
  const itemIdents = banks.map((b) => b.questions.map((q) => ids.take(toNCName(q.id, 'q'))));
  banks.forEach((bank, bi) => {
    const ident = ids.take(`quiz-${toNCName(slug(bank.id), 'bank')}`);
    const assets: Asset[] = [];
    for (const q of bank.questions) {
      if (!mentionsImage(q)) continue;
      for (const md of [q.stem.markdown, ...q.options.map((o) => o.text.markdown)]) {
        for (const url of imageUrls(md)) {
          const a = asset(bank.id, url);
          if (a && !assets.includes(a)) assets.push(a);
        }
      }
    }
    for (const a of assets) images.set(a.name, a);
    quizzes.push({
      bank,
      ident,
      metaIdent: ids.take(`${ident}-meta`),
      assignmentIdent: ids.take(`${ident}-assignment`),
      items: bank.questions.map((q, qi) => ({ q, ident: itemIdents[bi]![qi]!, answerIds: answerIds(q.id, q.options.length) })),
      assets,
    });
  });
  const imageList = [...images.values()].map((a) => ({ asset: a, identifier: ids.take(toNCName(`image-${a.name}`)), href: `${imagesDir}/${a.name}` }));
  return { manifestId: ids.take('qbank-canvas-manifest'), quizzes, images: imageList };
}

const layout: PackageTemplates = [
  { match: (p) => p === 'imsmanifest.xml', templates: ['manifest.xml.hbs'] },
  { match: (p) => p.endsWith('/assessment_meta.xml'), templates: ['assessment-meta.xml.hbs'] },
  { match: () => true, templates: ['assessment.xml.hbs', 'item.xml.hbs'] },
];

// mattext holds HTML as escaped text (texttype="text/html"): XHTML first, then escaped once more.
// A literal text (see literalText) is its own XHTML and needs no escaping: most stems and options.
function html(md: string, bank: Bank, asset: AssetLookup): string {
  return literalText(md) ? md : escapeXml(richText(md, bank.id, asset, imageSrc).xhtml);
}

function itemContext(it: CanvasQuiz['items'][number], bank: Bank, asset: AssetLookup) {
  const q = it.q;
  const key = q.key;
  const ids = it.answerIds;
  const options = q.options;
  const stem = q.stem.markdown;
  const literalStem = literalText(stem);
  const choices = new Array<{ ident: string; fixed: boolean; correct: boolean; text: string }>(options.length);
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    choices[i] = { ident: String(ids[i]), fixed: o.fixed === true, correct: key.includes(i), text: html(o.text.markdown, bank, asset) };
  }
  return {
    ident: it.ident,
    title: xmlTitleOf(q, literalStem),
    questionType: canvasType(q),
    points: formatNumber(q.points),
    originalAnswerIds: ids.join(','),
    stem: literalStem ? stem : html(stem, bank, asset),
    rcardinality: q.type === 'multiple' ? 'Multiple' : 'Single',
    // Classic Quizzes shuffle per quiz (assessment_meta shuffle_answers); this is for other QTI 1.2 readers.
    shuffle: q.shuffle ? 'Yes' : 'No',
    multiple: q.type === 'multiple',
    choices,
    number: q.number,
    category: xmlTextRepeated(q.category),
  };
}

function* assessmentXml(t: Templates, quiz: CanvasQuiz, asset: AssetLookup): Generator<string> {
  const [head, tail, hasSlot] = renderAround(t.get('assessment.xml.hbs'), { ident: quiz.ident, title: escapeXml(quiz.bank.title) }, 'items');
  yield head;
  const item = t.get('item.xml.hbs');
  if (hasSlot)
    for (const it of quiz.items) yield item(itemContext(it, quiz.bank, asset));
  yield tail;
}

function metaXml(t: Templates, quiz: CanvasQuiz, position: number): string {
  const points = quiz.items.reduce((n, it) => n + it.q.points, 0);
  return t.get('assessment-meta.xml.hbs')({
    ident: quiz.ident,
    assignmentIdent: quiz.assignmentIdent,
    title: escapeXml(quiz.bank.title),
    description: '',
    // Classic Quizzes shuffle answers per quiz, not per question: one pinned question keeps the
    // authored order for the whole quiz rather than let "Todas as anteriores" move.
    shuffleAnswers: quiz.items.every((it) => it.q.shuffle) ? 'true' : 'false',
    points: formatNumber(points),
    position,
  });
}

function manifestXml(t: Templates, plan: CanvasPlan): string {
  const imageIdent = new Map(plan.images.map((i) => [i.asset.name, i.identifier]));
  return t.get('manifest.xml.hbs')({
    identifier: plan.manifestId,
    title: escapeXml(`qbank: ${plan.quizzes.map((q) => q.bank.title).join(', ')}`),
    quizzes: plan.quizzes.map((q) => ({
      ident: q.ident,
      metaIdent: q.metaIdent,
      assessmentHref: `${q.ident}/${q.ident}.xml`,
      metaHref: `${q.ident}/assessment_meta.xml`,
      imageIdents: q.assets.map((a) => imageIdent.get(a.name)!),
    })),
    images: plan.images.map((i) => ({ identifier: i.identifier, href: i.href })),
  });
}

const plans = new WeakMap<EmittedFile, { plan: CanvasPlan; t: Templates; asset: AssetLookup }>();

// The files of a plan whose quizzes hold only the sampled items, rendered by the package's code.
function* sampleEntries(t: Templates, plan: CanvasPlan, asset: AssetLookup): Generator<CheckedEntry> {
  const enc = new TextEncoder();
  const entry = (name: string, text: string): CheckedEntry => {
    const data = enc.encode(text);
    return { name, data, size: data.length };
  };
  yield entry('imsmanifest.xml', manifestXml(t, plan));
  for (const [i, quiz] of plan.quizzes.entries()) {
    yield entry(`${quiz.ident}/${quiz.ident}.xml`, [...assessmentXml(t, quiz, asset)].join(''));
    yield entry(`${quiz.ident}/assessment_meta.xml`, metaXml(t, quiz, i + 1));
  }
  for (const i of plan.images) yield { name: i.href, data: new Uint8Array(0), size: i.asset.data.length };
}

export const canvas: Emitter = {
  target: 'canvas',
  description: 'Canvas Classic Quizzes QTI 1.2 package (canvas.zip): one quiz per bank',
  emit(project, options: EmitOptions) {
    const plan = planCanvas(project, options.asset);
    const t = new Templates(options.templates, 'canvas');
    for (const l of layout) for (const name of l.templates) t.get(name);
    const entries: ZipEntry[] = [
      { path: 'imsmanifest.xml', contents: { [Symbol.iterator]: () => [manifestXml(t, plan)][Symbol.iterator]() } },
      ...plan.quizzes.flatMap((quiz, i) => [
        { path: `${quiz.ident}/${quiz.ident}.xml`, contents: { [Symbol.iterator]: () => assessmentXml(t, quiz, options.asset) } },
        { path: `${quiz.ident}/assessment_meta.xml`, contents: { [Symbol.iterator]: () => [metaXml(t, quiz, i + 1)][Symbol.iterator]() } },
      ]),
      ...plan.images.map((i) => ({ path: i.href, contents: i.asset.data, store: true })),
    ];
    const file: EmittedFile = { path: packageName, contents: zipChunks(entries) };
    rememberTemplates(file, t, layout);
    plans.set(file, { plan, t, asset: options.asset });
    return [file];
  },
  check(files, _project): Diagnostic[] {
    const file = files.find((f) => f.path === packageName);
    const p = file && plans.get(file);
    if (!file || !p) return [];
    const full = !builtinOnly([...p.t.used.values()].map((o) => o.file));
    const all = p.plan.quizzes.flatMap((quiz) => quiz.items.map((it) => ({ quiz, it })));
    // Canvas's question type is part of the shape only where it can vary: two options.
    const picked = sampleIndexes(all, ({ quiz, it }) => questionShapeKey(it.q, quiz.assets.length > 0 && mentionsImage(it.q), it.q.options.length === 2 && canvasType(it.q) === 'true_false_question'), full);
    if (picked.length === all.length) return checkCanvasPackage(file, p.plan);
    const keep = new Set(picked.map((i) => all[i]!.it));
    const sample: CanvasPlan = { ...p.plan, quizzes: p.plan.quizzes.map((quiz) => ({ ...quiz, items: quiz.items.filter((it) => keep.has(it)) })) };
    return checkCanvasPackage(file, sample, sampleEntries(p.t, sample, p.asset));
  },
};

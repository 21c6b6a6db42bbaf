// Plan → template contexts. Every value reaching an HTML template is either plain text (which
// Handlebars escapes) or a SafeString holding sanitized HTML from markdown/render.ts, or a
// block already rendered from our own templates. CSS gets values escaped for CSS strings here,
// because the stylesheet is a template too and Handlebars' HTML escaping means nothing in CSS.
import Handlebars from 'handlebars';
import type { Bank, Question } from '../../ir/schema.js';
import { imageUrls, renderHtml, renderPlain } from '../../markdown/render.js';
import type { Asset, AssetLookup } from '../../pipeline/assets.js';
import type { Labels } from './labels.js';
import type { Paper } from './options.js';
import { letterFor, type Exam, type ExamVersion, type VersionQuestion } from './plan.js';

export type Safe = Handlebars.SafeString;
const safe = (html: string): Safe => new Handlebars.SafeString(html);

export interface ImageMap {
  /** bank id → decoded URL → path relative to the exam folder */
  src(bankId: string, url: string): string | undefined;
  assets: Asset[];
}

// Images are copied next to the exam (assets/<hash>-<name>) so every HTML file, and the PDF
// made from it, finds them with a relative URL.
export function collectImages(exam: Exam, asset: AssetLookup): ImageMap {
  const byName = new Map<string, Asset>();
  const src = new Map<string, string>();
  for (const { bank, question } of exam.questions) {
    for (const t of [question.stem, ...question.options.map((o) => o.text)]) {
      for (const url of imageUrls(t.markdown)) {
        const a = asset(bank.id, url);
        if (!a) continue;
        byName.set(a.name, a);
        src.set(`${bank.id}\0${decodeUrl(url)}`, `assets/${a.name}`);
      }
    }
  }
  return { src: (bankId, url) => src.get(`${bankId}\0${decodeUrl(url)}`), assets: [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

function decodeUrl(u: string): string {
  try {
    return decodeURI(u);
  } catch {
    return u;
  }
}

// renderHtml's output is rehype-stringify's: `<img src="…" alt="…">`, attribute values
// double-quoted with & escaped, URL percent-encoded. Only src values we know are replaced.
function markdownHtml(md: string, bank: Bank, images: ImageMap): Safe {
  let html = renderHtml(md);
  if (html.includes('<img')) {
    html = html.replace(/(<img\b[^>]*?\bsrc=")([^"]*)(")/g, (all, pre: string, src: string, post: string) => {
      const local = images.src(bank.id, src.replace(/&amp;/g, '&'));
      return local ? pre + local + post : all;
    });
  }
  return safe(html);
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function formatNumber(n: number, lang: string): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === 'pt-BR' ? s.replace('.', ',') : s;
}

function pointsText(n: number, labels: Labels, lang: string): string {
  return `${formatNumber(n, lang)} ${n === 1 ? labels.point : labels.points}`;
}

// CSS string literal: quotes, backslashes, newlines and `<` (no `</style>`) as CSS escapes.
export function cssString(s: string): string {
  return `"${s.replace(/[\\"\n\r\f<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

export interface DocContext {
  lang: string;
  labels: Labels;
  paper: { name: string; size: string; width: string };
  exam: {
    id: string;
    title: string;
    questionCount: number;
    totalPoints: string;
    versionCount: number;
    versions: string[];
    showPoints: boolean;
    sources: { path: string; title: string }[];
  };
}

export function docContext(exam: Exam, paper: Paper, lang: string, labels: Labels): DocContext {
  const total = exam.questions.reduce((s, q) => s + q.question.points, 0);
  const first = exam.questions[0]?.question.points;
  return {
    lang,
    labels,
    paper: paper === 'letter' ? { name: 'Letter', size: 'letter', width: '215.9mm' } : { name: 'A4', size: 'A4', width: '210mm' },
    exam: {
      id: exam.id,
      title: exam.title,
      questionCount: exam.questions.length,
      totalPoints: pointsText(total, labels, lang),
      versionCount: exam.versions.length,
      versions: exam.versions.map((v) => v.letter),
      showPoints: exam.questions.some((q) => q.question.points !== first),
      sources: exam.banks.map((b) => ({ path: b.path, title: b.title })),
    },
  };
}

export function cssContext(doc: DocContext, kind: 'exam' | 'key' | 'answer-sheet', version?: string) {
  const name = kind === 'exam' ? doc.labels.exam : kind === 'key' ? doc.labels.key : doc.labels.answerSheet;
  const parts = [doc.exam.title, name, version ? `${doc.labels.version} ${version}` : ''].filter(Boolean);
  return {
    kind,
    paper: doc.paper,
    footerLeft: cssString(parts.join(' · ')),
    page: cssString(doc.labels.page),
    of: cssString(doc.labels.of),
  };
}

export function sourceOf(bank: Bank, q: Question) {
  return { bank: bank.id, path: bank.path, title: bank.title, number: q.number, id: q.id };
}

export function questionContext(vq: VersionQuestion, doc: DocContext, version: ExamVersion, images: ImageMap, renderOption: (ctx: unknown) => string) {
  const q = vq.question;
  const multiple = q.type === 'multiple';
  const options = vq.order
    .map((src, pos) =>
      renderOption({
        letter: letterFor(pos),
        position: pos + 1,
        text: markdownHtml(q.options[src]!.text.markdown, vq.bank, images),
        fixed: q.options[src]!.fixed === true,
        multiple,
        questionNumber: vq.number,
      }),
    )
    .join('');
  return {
    lang: doc.lang,
    labels: doc.labels,
    version: version.letter,
    number: vq.number,
    type: q.type,
    multiple,
    // "(marque todas as corretas)" unless the author already wrote it
    markAll: multiple && !fold(renderPlain(q.stem.markdown)).includes(fold(doc.labels.markAll)),
    truefalse: q.type === 'truefalse',
    points: q.points,
    pointsText: pointsText(q.points, doc.labels, doc.lang),
    showPoints: doc.exam.showPoints,
    stem: markdownHtml(q.stem.markdown, vq.bank, images),
    options: safe(options),
    optionCount: q.options.length,
    source: sourceOf(vq.bank, q),
  };
}

export function keyRowContext(vq: VersionQuestion, doc: DocContext, images: ImageMap) {
  const q = vq.question;
  const answers = vq.key.map((pos) => ({ letter: letterFor(pos), text: markdownHtml(q.options[vq.order[pos]!]!.text.markdown, vq.bank, images) }));
  return {
    lang: doc.lang,
    labels: doc.labels,
    number: vq.number,
    answer: answers.length ? answers.map((a) => a.letter).join(', ') : '—',
    answers,
    multiple: q.type === 'multiple',
    type: q.type,
    points: q.points,
    pointsText: pointsText(q.points, doc.labels, doc.lang),
    source: sourceOf(vq.bank, q),
  };
}

export function answerRowContext(number: number, letters: string[], doc: DocContext) {
  return { lang: doc.lang, labels: doc.labels, number, bubbles: letters.map((letter) => ({ letter })) };
}

export { safe };

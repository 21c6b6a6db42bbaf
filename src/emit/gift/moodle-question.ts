// What a question becomes in Moodle, before any GIFT or XML escaping: name, HTML texts,
// weights, feedback, shuffle. Both Moodle emitters build their views from this, and both
// self-checks compare what they re-read against it.
import type { Bank, Question, Text } from '../../ir/schema.js';
import { renderPlain } from '../../markdown/render.js';
import { answerWeights } from './moodle-grades.js';
import { afterCodePoints, collapseSpace } from '../text.js';

export interface MoodleAnswer {
  html: string;
  weight: number;
  feedbackHtml: string;
}

export interface MoodleQuestion {
  question: Question;
  kind: 'multichoice' | 'truefalse';
  name: string;
  stemHtml: string;
  generalFeedbackHtml: string;
  correctFeedbackHtml: string;
  incorrectFeedbackHtml: string;
  /** multichoice: one per option, in authored order. */
  answers: MoodleAnswer[];
  multiple: boolean;
  /** false when the question or any option is pinned (question.shuffle / option.fixed). */
  shuffle: boolean;
  numbering: 'abc' | 'ABCD';
  /** truefalse: whether "true" is the right answer, and the feedback shown for each choice. */
  truth: boolean;
  trueFeedbackHtml: string;
  falseFeedbackHtml: string;
  tags: string[];
  /** Set when Moodle's grade list cannot express the key (more than 20 correct options). */
  unweighable: boolean;
}

export type HtmlRenderer = (md: string) => string;

const trueWords = /^(verdadeiro|verdadero|true|certo|vrai|v|t)$/i;
const falseWords = /^(falso|false|errado|faux|f)$/i;

// Index of the "true" option when the two options are a true/false pair, else undefined.
function trueIndex(q: Question): number | undefined {
  if (q.options.length !== 2) return undefined;
  const [a, b] = q.options.map((o) => o.text.markdown.trim().replace(/[.!]$/, ''));
  if (trueWords.test(a!) && falseWords.test(b!)) return 0;
  if (falseWords.test(a!) && trueWords.test(b!)) return 1;
  return undefined;
}

// Moodle stores tags through PARAM_TAG: control characters and < > ` removed, whitespace
// collapsed, 50 characters at most. Doing the same here makes the emitted tag the stored one.
const tagCache = new Map<string, string>();
export function moodleTag(tag: string): string {
  let t = tagCache.get(tag);
  if (t === undefined) {
    t = [...tag.replace(/[\p{Cc}<>`]/gu, '').replace(/\s+/gu, ' ').trim()].slice(0, 50).join('');
    if (tagCache.size > 10_000) tagCache.clear();
    tagCache.set(tag, t);
  }
  return t;
}

// "007 Qual é a capital do Brasil?": the number keeps Moodle's name-sorted list in bank order,
// the stem's first words make it readable. Moodle strips anything tag-like from names
// (PARAM_TEXT), so angle brackets become look-alikes instead of disappearing.
export function questionName(q: Question, width: number): string {
  let plain = collapseSpace(renderPlain(q.stem.markdown));
  if (afterCodePoints(plain, 80) !== undefined) {
    const cut = plain.slice(0, afterCodePoints(plain, 79));
    const space = cut.lastIndexOf(' ');
    plain = (space > 40 ? cut.slice(0, space) : cut) + '…';
  }
  if (angleOrAmp.test(plain)) plain = plain.replace(/</g, '‹').replace(/>/g, '›').replace(/&&+/g, '&');
  const n = String(q.number).padStart(width, '0');
  return plain === '' ? n : `${n} ${plain}`;
}

const angleOrAmp = /[<>]|&&/;

export function numberWidth(bank: Bank): number {
  let max = 0;
  for (const q of bank.questions) if (q.number > max) max = q.number;
  return Math.max(2, String(max).length);
}

const noFeedback = (): string => '';

// One object literal of a fixed shape per question (no spreads or per-call closures): this runs
// for every question of both Moodle targets, twice when the self-check re-reads it.
export function toMoodleQuestion(q: Question, width: number, html: HtmlRenderer): MoodleQuestion {
  const fb = q.feedback;
  const text = (t: Text | null | undefined): string => (t ? html(t.markdown).trim() : '');
  const options = q.options;
  const ti = q.type === 'truefalse' && q.key.length === 1 ? trueIndex(q) : undefined;
  const w = answerWeights(q);
  const correctFeedbackHtml = fb?.correct ? text(fb.correct) : '';
  const incorrectFeedbackHtml = fb?.incorrect ? text(fb.incorrect) : '';
  const optionFeedback = fb?.options ? (i: number) => text(fb.options![i]) : noFeedback;
  let shuffle = q.shuffle;
  let upper = options.length > 0;
  for (const o of options) {
    if (o.fixed) shuffle = false;
    const l = o.letter;
    if (upper && (l === undefined || l.length !== 1 || l < 'A' || l > 'Z')) upper = false;
  }
  const m: MoodleQuestion = {
    question: q,
    kind: 'multichoice',
    name: questionName(q, width),
    stemHtml: text(q.stem),
    generalFeedbackHtml: fb?.general ? text(fb.general) : '',
    correctFeedbackHtml,
    incorrectFeedbackHtml,
    answers: [],
    multiple: w?.multiple ?? true,
    shuffle,
    numbering: upper ? 'ABCD' : 'abc',
    truth: false,
    trueFeedbackHtml: '',
    falseFeedbackHtml: '',
    tags: moodleTags(q.tags),
    unweighable: w === undefined,
  };
  if (ti !== undefined) {
    const truth = q.key[0] === ti;
    const right = truth ? ti : 1 - ti;
    const feedbackFor = (i: number) => optionFeedback(i) || (i === right ? correctFeedbackHtml : incorrectFeedbackHtml);
    m.kind = 'truefalse';
    m.multiple = false;
    m.truth = truth;
    m.trueFeedbackHtml = feedbackFor(ti);
    m.falseFeedbackHtml = feedbackFor(1 - ti);
    return m;
  }
  const weights = w?.weights;
  const answers: MoodleAnswer[] = new Array(options.length);
  for (let i = 0; i < options.length; i++) answers[i] = { html: text(options[i]!.text), weight: weights ? weights[i]! : 0, feedbackHtml: optionFeedback(i) };
  m.answers = answers;
  return m;
}

function moodleTags(tags: string[]): string[] {
  if (tags.length === 0) return [];
  return [...new Set(tags.map(moodleTag).filter((t) => t !== ''))];
}

// The GIFT self-check: re-read an emitted file as Moodle would (read-gift.ts) and compare every
// block with what the IR says it should be. A difference means a template (usually a user's
// override) produced GIFT that Moodle would import wrongly, so the error names the template.
import { atSpan, type Diagnostic } from '../../ir/diagnostic.js';
import type { Bank, Question } from '../../ir/schema.js';
import { protectFormatMarker } from './escape.js';
import { answerWeights, isMoodleGrade } from './moodle-grades.js';
import { toMoodleQuestion, type HtmlRenderer, type MoodleQuestion } from './moodle-question.js';
import { readGift, type GiftBlock, type GiftText } from './read-gift.js';

export type GiftExpected = { kind: 'category'; category: string } | { kind: 'question'; model: MoodleQuestion };

export interface GiftTemplates {
  header: string;
  category: string;
  question: string;
}

const maxPerFile = 20;

export function clip(s: string): string {
  const one = JSON.stringify(s);
  return one.length > 70 ? `${one.slice(0, 67)}…"` : one;
}

// Problems that come from the IR itself, whatever the template: these are about Moodle, not GIFT.
// (Images in GIFT are the unsupported-image lint rule's job.)
export function moodleLimits(m: MoodleQuestion): string[] {
  const q = m.question;
  const problems: string[] = [];
  if (m.unweighable) problems.push(`Question ${q.number} has ${q.key.length} correct options; Moodle's grade list cannot give each a positive share of 100 %`);
  if (m.kind === 'multichoice') {
    if (m.answers.length < 2) problems.push(`Question ${q.number} has ${m.answers.length} option(s); Moodle needs at least 2`);
    m.answers.forEach((a, i) => {
      if (a.html === '') problems.push(`Question ${q.number} option ${i + 1} has no text; Moodle rejects an empty choice`);
      if (!isMoodleGrade(a.weight)) problems.push(`Question ${q.number} option ${i + 1} weighs ${a.weight} %, which is not in Moodle's grade list`);
    });
  }
  if (m.stemHtml === '') problems.push(`Question ${q.number} has no text`);
  return problems;
}

/**
 * Moodle's limits for the questions of `bank` a sampled self-check did not re-read (`picked`:
 * ascending indexes of those it did): the limits are about the bank, not the template, so every
 * question is still checked.
 */
export function limitsOutsideSample(bank: Bank, picked: readonly number[], width: number, html: HtmlRenderer): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inSample = new Set(picked);
  bank.questions.forEach((q, i) => {
    if (inSample.has(i)) return;
    for (const p of questionLimits(q, width, html)) out.push({ ruleId: 'emit/moodle-limits', severity: 'error', message: p, ...atSpan(q.span), questionId: q.id });
  });
  return out;
}

// moodleLimits of one question, rendering it only when one of the limits could apply: a text
// with a letter or digit (and not just a link definition) always renders to non-empty HTML.
function questionLimits(q: Question, width: number, html: HtmlRenderer): string[] {
  const w = answerWeights(q);
  // single-answer weights are 100 and 0, always listed grades
  if (w && q.options.length >= 2 && (!w.multiple || w.weights.every(isMoodleGrade)) && visible(q.stem.markdown) && q.options.every((o) => visible(o.text.markdown))) return [];
  return moodleLimits(toMoodleQuestion(q, width, html));
}

const letterOrDigit = /[\p{L}\p{N}]/u;
const linkDefinition = /^ {0,3}\[[^\]]*\]:/m;
// A multi-line regex is tried at every position of the text: look for its `]:` first.
const visible = (md: string) => letterOrDigit.test(md) && !(md.includes(']:') && linkDefinition.test(md));

function sameText(got: GiftText, want: string): boolean {
  return got.format === 'html' && got.text === want;
}

// The first difference between a re-read question and its model, or undefined.
function questionDiff(b: Extract<GiftBlock, { kind: 'question' }>, m: MoodleQuestion): string | undefined {
  const q = m.question;
  if (b.idnumber !== q.id) return `id comment reads ${clip(b.idnumber)}, expected ${clip(q.id)}`;
  if (b.name !== m.name) return `name reads ${clip(b.name ?? '')}, expected ${clip(m.name)}`;
  if (b.tags.join('\n') !== m.tags.join('\n')) return `tags read ${clip(b.tags.join(', '))}, expected ${clip(m.tags.join(', '))}`;
  if (!sameText(b.stem, m.stemHtml)) return `text reads ${clip(`[${b.stem.format}]${b.stem.text}`)}, expected ${clip(`[html]${m.stemHtml}`)}`;
  if (m.generalFeedbackHtml !== b.generalFeedback.text) return `general feedback reads ${clip(b.generalFeedback.text)}, expected ${clip(m.generalFeedbackHtml)}`;
  if (b.qtype !== m.kind) return `reads as ${b.qtype}, expected ${m.kind}`;
  if (m.kind === 'truefalse') {
    if (b.truth !== m.truth) return `reads as ${b.truth ? 'true' : 'false'}, expected ${m.truth ? 'true' : 'false'}`;
    if (b.trueFeedback.text !== m.trueFeedbackHtml || b.falseFeedback.text !== m.falseFeedbackHtml) return 'true/false feedback differs';
    return undefined;
  }
  if (b.single === m.multiple) return `reads as ${b.single ? 'single' : 'multiple'}-answer, expected ${m.multiple ? 'multiple' : 'single'}-answer`;
  if (b.answers.length !== m.answers.length) return `has ${b.answers.length} options, expected ${m.answers.length}`;
  for (let i = 0; i < m.answers.length; i++) {
    const got = b.answers[i]!;
    const want = m.answers[i]!;
    if (!sameText(got.text, protectFormatMarker(want.html))) return `option ${i + 1} reads ${clip(got.text.text)}, expected ${clip(want.html)}`;
    if (Math.abs(got.fraction * 100 - want.weight) > 1e-6) return `option ${i + 1} weighs ${got.fraction * 100} %, expected ${want.weight} %`;
    if (got.feedback.text !== protectFormatMarker(want.feedbackHtml)) return `option ${i + 1} feedback reads ${clip(got.feedback.text)}, expected ${clip(want.feedbackHtml)}`;
  }
  return undefined;
}

export function compareGift(chunks: Iterable<string | Uint8Array>, bank: Bank, expected: Iterable<GiftExpected>, templates: GiftTemplates): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bankAt = { file: bank.path, line: 1, column: 1 };
  const fail = (at: Pick<Diagnostic, 'file' | 'line' | 'column'>, template: string, message: string, questionId?: string) => {
    out.push({
      ruleId: 'emit/gift-self-check',
      severity: 'error',
      message: `${message} (GIFT from template ${template})`,
      hint: `Moodle would import this differently from the bank; fix or remove the override ${template}`,
      ...at,
      ...(questionId ? { questionId } : {}),
    });
  };
  const want = expected[Symbol.iterator]();
  let read: Iterator<GiftBlock>;
  try {
    read = readGift(chunks)[Symbol.iterator]();
    for (;;) {
      if (out.length >= maxPerFile) break;
      const e = want.next();
      const b = read.next();
      if (e.done && b.done) break;
      if (e.done) {
        fail(bankAt, `${templates.header}, ${templates.question}`, `${bank.path}: the GIFT has a block at line ${b.value!.line} that matches no question`);
        break;
      }
      const exp = e.value;
      const where = exp.kind === 'question' ? atSpan(exp.model.question.span) : bankAt;
      if (exp.kind === 'question') {
        for (const p of moodleLimits(exp.model)) out.push({ ruleId: 'emit/moodle-limits', severity: 'error', message: p, ...where, questionId: exp.model.question.id });
      }
      if (b.done) {
        fail(where, exp.kind === 'category' ? templates.category : templates.question, `${bank.path}: the GIFT ends before ${exp.kind === 'category' ? `category ${clip(exp.category)}` : `question ${exp.model.question.number}`}`);
        break;
      }
      const blk = b.value;
      if (blk.kind === 'error') {
        fail(where, exp.kind === 'category' ? templates.category : templates.question, `GIFT line ${blk.line}: ${blk.message}`, exp.kind === 'question' ? exp.model.question.id : undefined);
        break;
      }
      if (exp.kind === 'category') {
        if (blk.kind !== 'category' || blk.category !== exp.category) {
          fail(where, templates.category, `GIFT line ${blk.line} should set category ${clip(exp.category)}`);
          break;
        }
        continue;
      }
      const q = exp.model.question;
      if (blk.kind !== 'question') {
        fail(where, templates.question, `GIFT line ${blk.line} should be question ${q.number}`, q.id);
        break;
      }
      const diff = questionDiff(blk, exp.model);
      if (diff) fail(where, templates.question, `Question ${q.number} (GIFT line ${blk.line}) ${diff}`, q.id);
    }
  } catch (err) {
    // strict templates throw on a missing field while the file is being produced
    fail(bankAt, `${templates.header}, ${templates.category}, ${templates.question}`, `${bank.path}: a GIFT template failed: ${(err as Error).message.split('\n')[0]}`);
  }
  return out;
}

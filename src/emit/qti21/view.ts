// Question → the values the QTI 2.1 item template sees, all already escaped for XML.
import type { Bank, Question } from '../../ir/schema.js';
import { renderPlain } from '../../markdown/render.js';
import type { Asset, AssetLookup } from '../../pipeline/assets.js';
import { escapeXml } from '../xml.js';
import { richText } from './rich-text.js';
import { afterCodePoints, collapseSpace, collapseSpaces, literalText } from '../text.js';

export const matchCorrect = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct';
export const mapResponse = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response';

/** Choice identifiers: position-based, so they stay put however the LMS shuffles the display. */
export const choiceId = (index: number): string => choiceIds[index] ?? `choice-${index + 1}`;
const choiceIds = Array.from({ length: 26 }, (_, i) => `choice-${i + 1}`);

// The last few values escaped, for the ones every question of a bank repeats (its language,
// its file, its categories).
const recent = new Map<string, string>();
export function xmlTextRepeated(s: string): string {
  let e = recent.get(s);
  if (e === undefined) {
    if (recent.size > 64) recent.clear();
    recent.set(s, (e = escapeXml(s)));
  }
  return e;
}

/**
 * Per-choice value of a multiple-response mapping: each keyed choice +1/k, each other −1/k, the
 * total clamped to [0, 1] (the partial credit Canvas and Moodle give). Written with 7 decimals,
 * rounded up unless 1/k is exact in binary, so choosing all k keyed options reaches the upper
 * bound instead of 0.9999999.
 */
export function choiceWeight(k: number): string {
  const exact = (k & (k - 1)) === 0 && k <= 128;
  const v = exact ? 1 / k : Math.ceil(1e7 / k) / 1e7;
  return formatNumber(v);
}

/** A number as xs:float/xs:double text, never in exponent form. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(7).replace(/0+$/, '').replace(/\.$/, '');
}

export function titleOf(q: Question): string {
  return cutTitle(q.number, collapseSpace(renderPlain(q.stem.markdown)));
}

/** escapeXml(titleOf(q)); a stem that is literal text (see literalText) is neither rendered nor escaped. */
export function xmlTitleOf(q: Question, literalStem = literalText(q.stem.markdown)): string {
  return literalStem ? cutTitle(q.number, collapseSpaces(q.stem.markdown)) : escapeXml(titleOf(q));
}

// "12. " and the text, cut to 79 code points and an ellipsis when longer than 80.
function cutTitle(n: number, plain: string): string {
  const after80 = afterCodePoints(plain, 80);
  let short = plain;
  if (after80 !== undefined) {
    const lowAt = after80 - 1;
    const pair = lowAt > 0 && isLow(plain.charCodeAt(lowAt)) && isHigh(plain.charCodeAt(lowAt - 1));
    short = `${plain.slice(0, pair ? lowAt - 1 : lowAt)}…`;
  }
  return short ? `${n}. ${short}` : String(n);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export interface ItemView {
  identifier: string;
  title: string;
  lang: string;
  cardinality: 'single' | 'multiple';
  maxChoices: number;
  shuffle: 'true' | 'false';
  correct: string[];
  mapping: { key: string; value: string }[];
  responseProcessing: string;
  stem: string;
  choices: { identifier: string; fixed: boolean; text: string }[];
  points: string;
  category: string;
  number: number;
  source: string;
}

// One view per item, without closures; a literal text (see literalText) goes straight in.
export function itemView(q: Question, bank: Bank, identifier: string, lookup: AssetLookup, place: (a: Asset) => string): ItemView {
  const multiple = q.type === 'multiple';
  const key = q.key;
  const stem = q.stem.markdown;
  const literalStem = literalText(stem);
  const options = q.options;
  const choices: ItemView['choices'] = new Array(options.length);
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    // fixed="true" stays on a pinned option even when the whole question is not shuffled, so it
    // is still pinned if an LMS or a delivery setting turns shuffling back on.
    choices[i] = { identifier: choiceId(i), fixed: o.fixed === true, text: xhtml(o.text.markdown, bank, lookup, place) };
  }
  let mapping: ItemView['mapping'] = [];
  if (multiple) {
    const weight = choiceWeight(Math.max(1, new Set(key).size));
    mapping = new Array(options.length);
    for (let i = 0; i < options.length; i++) mapping[i] = { key: choiceId(i), value: key.includes(i) ? weight : `-${weight}` };
  }
  return {
    identifier,
    title: xmlTitleOf(q, literalStem),
    lang: xmlTextRepeated(bank.lang),
    cardinality: multiple ? 'multiple' : 'single',
    // 0 = no limit: a candidate may tick any number of boxes in a multiple-response item.
    maxChoices: multiple ? 0 : 1,
    shuffle: q.shuffle ? 'true' : 'false',
    correct: key.map(choiceId),
    mapping,
    responseProcessing: multiple ? mapResponse : matchCorrect,
    stem: literalStem ? stem : richText(stem, bank.id, lookup, place).xhtml,
    choices,
    points: formatNumber(q.points),
    category: xmlTextRepeated(q.category),
    number: q.number,
    source: `${xmlTextRepeated(q.span.file)}:${q.span.line}`,
  };
}

function xhtml(md: string, bank: Bank, lookup: AssetLookup, place: (a: Asset) => string): string {
  return literalText(md) ? md : richText(md, bank.id, lookup, place).xhtml;
}

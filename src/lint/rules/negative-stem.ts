// "Qual alternativa NÃO …": a negative question read too fast is answered backwards. The
// negative word should stand out (capitals or bold) so the item tests content, not reading speed.
import { parseMarkdown } from '../../markdown/render.js';
import type { Question } from '../../ir/schema.js';
import { defineRule, type Report } from '../define-rule.js';
import { stemsOf, type Stems } from '../stems.js';
import { normalizeReference, normalizeText } from '../text.js';

export const messages = {
  plain: (n: number, word: string) => `Question ${n} asks a negative question ("${word}") without emphasis`,
};

// Words that make a question negative wherever they appear (pt-BR, es, en; accents removed) …
// (exported for tests)
export const strong = new Set(['exceto', 'excepto', 'except', 'incorreta', 'incorreto', 'incorretas', 'incorretos', 'incorrecta', 'incorrecto', 'incorrectas', 'incorrectos', 'incorrect', 'falsa', 'falso', 'falsas', 'falsos', 'false', 'errada', 'errado', 'erradas', 'errados', 'wrong', 'erronea', 'erroneo']);
// … and words that do so only in the sentence that asks (elsewhere they tell the story:
// "o técnico não compareceu. O que deve ser feito?" is not a negative question).
// Per language: Portuguese "no" means "in the".
const weakByLang: Record<string, Set<string>> = {
  pt: new Set(['nao', 'nunca', 'jamais']),
  es: new Set(['no', 'nunca', 'jamas']),
  en: new Set(['not', 'never', 'cannot']),
};
const weakAny = new Set(['nao', 'nunca', 'jamais', 'jamas', 'not', 'never', 'cannot']);
const weakFor = (lang: string) => weakByLang[lang.slice(0, 2).toLowerCase()] ?? weakAny;

const word = /[\p{L}\p{N}]+/gu;

// The negative words as they may be written in Latin script: each letter stands for every
// character of U+0000–U+024F that normalises to it ("N", "ñ", "Ñ" for n; "ã", "Ã", "â" … for a),
// so one regex pass over the raw stem finds exactly the words whose normalised form is on the
// lists, with their positions, and no stem needs splitting into words (that was 0.6 s at 100k
// questions). A stem with other characters takes the word-by-word path.
// The regex only runs on such stems, so it needs no `u` flag: "letter or digit" is spelled out
// over the same range. The words go in as a trie (one alternative per letter, not per word) and
// a word start is matched as the start of the text or a consumed non-letter, not a lookbehind
// at every position: 100k stems took 110–150 ms with the plain form, 50–60 ms with this one.
// Every letter of a class is itself a letter, so only a whole word can match, whatever order the
// alternatives take.
let latin: { classes: Map<string, string>; letterOrDigit: string } | undefined;
function latinChars(): { classes: Map<string, string>; letterOrDigit: string } {
  if (!latin) {
    latin = { classes: new Map(), letterOrDigit: '' };
    for (let c = 0; c < 0x250; c++) {
      const s = String.fromCharCode(c);
      // literal characters: with \uXXXX escapes the same regex ran three times slower
      const literal = s.replace(/[\\\]\[^-]/g, '\\$&');
      if (/[\p{L}\p{N}]/u.test(s)) latin.letterOrDigit += literal;
      const n = normalizeReference(s);
      if (n.length === 1) latin.classes.set(n, (latin.classes.get(n) ?? '') + literal);
    }
  }
  return latin;
}
const latinOnly = /^[\u0000-\u024f]*$/;
const finderCache = new Map<Set<string>, RegExp>();
/** The regex that finds the negative words of a Latin-only stem: the word is group 1. Exported for tests. */
export function finder(weak: Set<string>): RegExp {
  let re = finderCache.get(weak);
  if (!re) {
    const { letterOrDigit } = latinChars();
    const words = trie([...new Set([...strong, ...weak])]);
    re = new RegExp(`(?:^|[^${letterOrDigit}])(${words})(?![${letterOrDigit}])`, 'g');
    finderCache.set(weak, re);
  }
  return re;
}

// "no|not|nunca" → n(?:o(?:t)?|unca): one pass over the letters, however many words share them
function trie(words: string[]): string {
  type Node = Map<string, Node>;
  const root: Node = new Map();
  for (const w of words) {
    let node = root;
    for (const ch of [...w, '']) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch)!;
    }
  }
  const regex = (node: Node): string => {
    const next = [...node].filter(([ch]) => ch !== '').map(([ch, child]) => `[${latinChars().classes.get(ch) ?? ch}]` + regex(child));
    if (next.length === 0) return '';
    return node.has('') ? `(?:${next.join('|')})?` : next.length === 1 ? next[0]! : `(?:${next.join('|')})`;
  };
  return regex(root);
}
export default defineRule({
  id: 'negative-stem',
  category: 'style',
  severity: 'info',
  description: 'Negative words in a question (NÃO, EXCETO, INCORRETA, NOT, EXCEPT) should be emphasised',
  docs: `A student skimming "Qual alternativa não descreve o procedimento?" answers the positive
question. Write the negative in capitals or bold. Words such as EXCETO, INCORRETA, FALSA, EXCEPT,
INCORRECT count anywhere in the stem; NÃO / NUNCA (pt), NO / NUNCA (es), NOT / NEVER (en, by the
bank's \`lang\`) only in the sentence that asks (the last one ending in "?"), since elsewhere they
usually tell the story.

Bad: "Qual alternativa não é um canal de atendimento?"
Good: "Qual alternativa **NÃO** é um canal de atendimento?"`,
  check(project, report) {
    const stems = stemsOf(project);
    reportNegativeStems(stems.questions, negativeStems(stems), report);
  },
});

/** [question index, index in its stem, word]: a stem's first negative word that needs emphasis. */
export type NegativeHit = [number, number, string];

/** The rule's search over every stem (a worker thread may run it: parallel-lint.ts). */
export function negativeStems({ stems, banks }: Stems): NegativeHit[] {
  const found: NegativeHit[] = [];
  let i = 0;
  for (const bank of banks) {
    const weak = weakFor(bank.lang);
    for (const end = i + bank.questions; i < end; i++) {
      const hit = negativeWord(stems[i]!, weak);
      if (hit) found.push([i, hit.index, hit.word]);
    }
  }
  return found;
}

// The first negative word of a stem that needs emphasis, if any (index into the Markdown).
function negativeWord(md: string, weak: Set<string>): { index: number; word: string } | undefined {
  const words = latinOnly.test(md) ? finder(weak) : word;
  let asking: [number, number] | undefined;
  let emphasised: Set<string> | undefined;
  words.lastIndex = 0;
  for (let m = words.exec(md); m; m = words.exec(md)) {
    const w = m[1] ?? m[0];
    const index = m.index + m[0].length - w.length;
    const n = normalizeText(w);
    if (!strong.has(n)) {
      if (!weak.has(n)) continue;
      asking ??= askingSentence(md);
      if (index < asking[0] || index >= asking[1]) continue;
    }
    if (w.length > 1 && w === w.toUpperCase()) continue;
    emphasised ??= emphasisedWords(md);
    if (emphasised.has(n)) continue;
    return { index, word: w };
  }
  return undefined;
}

/** The search's hits (indexes into questions) as findings. */
export function reportNegativeStems(questions: readonly Question[], hits: readonly NegativeHit[], report: (r: Report) => void): void {
  for (const [i, index, w] of hits) {
    const q = questions[i]!;
    const md = q.stem.markdown;
    const before = md.slice(0, index);
    const nl = before.lastIndexOf('\n');
    const line = q.stem.span.line + (before.split('\n').length - 1);
    const column = nl === -1 ? q.stem.span.column + index : index - nl;
    report({ at: { file: q.stem.span.file, line, column, endLine: line, endColumn: column + w.length }, questionId: q.id, message: messages.plain(q.number, w), hint: `Write it as ${w.toUpperCase()} or **${w}**` });
  }
}

function askingSentence(md: string): [number, number] {
  const q = md.lastIndexOf('?');
  const to = q >= 0 ? q : md.trimEnd().replace(/[:!.]+$/, '').length;
  const body = md.slice(0, to);
  let from = 0;
  const end = /[.!?]\s+/g;
  for (let m = end.exec(body); m; m = end.exec(body)) from = m.index + m[0].length;
  return [from, to];
}

function emphasisedWords(md: string): Set<string> {
  const out = new Set<string>();
  if (!/[*_<]/.test(md)) return out;
  const walk = (node: { type: string; value?: string; children?: unknown[] }, inside: boolean): void => {
    const here = inside || node.type === 'strong' || node.type === 'emphasis';
    if (here && typeof node.value === 'string') for (const w of node.value.match(word) ?? []) out.add(normalizeText(w));
    for (const c of node.children ?? []) walk(c as typeof node, here);
  };
  walk(parseMarkdown(md) as never, false);
  return out;
}

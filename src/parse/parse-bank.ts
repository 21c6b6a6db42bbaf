// One source file (+ its sidecar key) → one Bank of the IR, plus parse diagnostics.
// The parser reports syntax problems and keeps going; lint rules judge content.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Bank, KeyEntry, Option, Question, QuestionType, Span } from '../ir/schema.js';
import { BLANK, splitBlocks, type Blocks, type QuestionBlock } from './blocks.js';
import type { RawKeyEntry } from './key-entries.js';
import { readOptions } from './options.js';
import { questionId } from './ids.js';
import { isPositional } from './pinned.js';
import { leadingSpace, trimmedEnd } from './whitespace.js';

export interface BankInput {
  id: string; // path under the sources root, without extension
  path: string; // relative to project root
  lines: string[];
  endings: Bank['lineEndings'];
  encoding: Bank['encoding'];
  bom: boolean;
  sidecar?: { path: string; entries: RawKeyEntry[] };
  defaults: { lang: string; points: number; shuffle: boolean };
}

export function parseBank(input: BankInput): { bank: Bank; diagnostics: Diagnostic[] } {
  const file = input.path;
  const blocks = splitBlocks(input.lines, file);
  const diagnostics = blocks.diagnostics;
  const meta = readHeader(blocks.header, input, diagnostics);

  // The keys are matched to the blocks first, so that each question is built once with its final
  // keyEntries, key and type (no field replaced afterwards, no placeholder array left for the GC).
  // Their findings still come after the questions' own, as when they were applied afterwards.
  const firstBlock = firstBlockByNumber(blocks.questions);
  const keyed: (KeyEntry[] | undefined)[] = new Array(blocks.questions.length);
  const keyDiagnostics: Diagnostic[] = [];
  matchKeys(blocks.questions, firstBlock, blocks.keyEntries, 'block', file, file, keyed, keyDiagnostics);
  if (input.sidecar) matchKeys(blocks.questions, firstBlock, input.sidecar.entries, 'sidecar', input.sidecar.path, file, keyed, keyDiagnostics);
  const questions: Question[] = new Array(blocks.questions.length);
  for (let i = 0; i < questions.length; i++) questions[i] = buildQuestion(blocks.questions[i]!, blocks, keyed[i], input, meta, diagnostics);
  for (const d of keyDiagnostics) diagnostics.push(d);
  // Ids are `<bank slug>-q<number>` here, so distinct numbers (the usual case) mean distinct ids.
  if (questions.some((q, i) => firstBlock[q.number] !== i)) uniquifyIds(questions);

  if (questions.length === 0) collapseStrayText(diagnostics, file);
  const bank: Bank = {
    id: input.id,
    path: file,
    ...(input.sidecar ? { keyPath: input.sidecar.path } : {}),
    title: meta.title,
    category: meta.category,
    lang: meta.lang,
    points: meta.points,
    tags: meta.tags,
    shuffle: meta.shuffle,
    encoding: input.encoding,
    bom: input.bom,
    lineEndings: input.endings,
    comments: blocks.comments,
    questions,
  };
  return { bank, diagnostics };
}

// A file with no question at all is most likely another format (Aiken, GIFT, Markdown quiz):
// one clear finding says so instead of one error per line.
function collapseStrayText(diagnostics: Diagnostic[], file: string): void {
  const stray = diagnostics.filter((d) => d.ruleId === 'parse/stray-text');
  const rest = diagnostics.filter((d) => d.ruleId !== 'parse/stray-text');
  diagnostics.length = 0;
  for (const d of rest) diagnostics.push(d); // a loop: a spread of 200k+ overflows the stack
  diagnostics.push({
    ruleId: 'parse/no-questions',
    severity: stray.length ? 'error' : 'warning',
    message: stray.length
      ? `No questions found: ${stray.length} line${stray.length === 1 ? '' : 's'} of text but no question number alone on a line (is this another format?)`
      : 'No questions found in this file',
    hint: 'A question starts with its number alone on a line (`1`, `1.`, `Questão 1`), then the stem, then one line per option',
    file,
    line: stray[0]?.line ?? 1,
    column: 1,
  });
}

interface Meta {
  title: string;
  category: string;
  lang: string;
  points: number;
  tags: string[];
  shuffle: boolean;
}

function readHeader(header: Map<string, { value: string; line: number }>, input: BankInput, diagnostics: Diagnostic[]): Meta {
  const get = (k: string) => header.get(k)?.value;
  const bad = (k: string, why: string) =>
    diagnostics.push({
      ruleId: 'parse/header',
      severity: 'error',
      message: `Header field "${k}" ${why}`,
      file: input.path,
      line: header.get(k)!.line,
      column: 1,
    });
  let points = input.defaults.points;
  const p = get('points');
  if (p !== undefined) {
    const v = Number(p.replace(',', '.'));
    if (Number.isFinite(v) && v > 0) points = v;
    else bad('points', `must be a positive number, got "${p}"`);
  }
  let shuffle = input.defaults.shuffle;
  const s = get('shuffle');
  if (s !== undefined) {
    if (/^(true|yes|sim|sí|si|1)$/i.test(s)) shuffle = true;
    else if (/^(false|no|não|nao|0)$/i.test(s)) shuffle = false;
    else bad('shuffle', `must be true or false, got "${s}"`);
  }
  const base = input.id.split('/').pop()!;
  return {
    title: get('title') || base,
    category: get('category') || input.id,
    lang: get('lang') || input.defaults.lang,
    points,
    tags: (get('tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    shuffle,
  };
}

function span(file: string, line: number, column: number, endLine: number, endColumn: number): Span {
  return { file, line, column, endLine, endColumn: Math.max(endColumn, 1) };
}

function buildQuestion(
  b: QuestionBlock,
  blocks: Blocks,
  keyed: KeyEntry[] | undefined,
  input: BankInput,
  meta: Meta,
  diagnostics: Diagnostic[],
): Question {
  const file = input.path;
  const lines = input.lines;
  const body = blocks.bodyLines;
  let end = b.bodyEnd;
  while (end > b.bodyStart && body[end - 1] === BLANK) end--;
  let start = b.bodyStart;
  while (start < end && body[start] === BLANK) start++;
  let firstBlank = -1;
  for (let i = start; i < end; i++)
    if (body[i] === BLANK) {
      firstBlank = i;
      break;
    }
  // Multi-line stem rule: a blank line inside the block ends the stem; otherwise the stem is
  // the first line. The seed (no blank lines) therefore parses line-per-option.
  const stemEnd = firstBlank > start ? firstBlank : Math.min(start + 1, end);
  const optionLines: number[] = [];
  for (let i = stemEnd; i < end; i++) if (body[i] !== BLANK) optionLines.push(body[i]!);

  let stemSpan: Span;
  let stemText = '';
  if (stemEnd > start) {
    const first = body[start]!;
    const last = body[stemEnd - 1]!;
    if (stemEnd - start === 1) stemText = lines[first]!.trim();
    else {
      const parts: string[] = [];
      for (let i = start; i < stemEnd; i++) parts.push(lines[body[i]!]!.trim());
      stemText = parts.join('\n');
    }
    stemSpan = span(file, first + 1, leadingSpace(lines[first]!) + 1, last + 1, trimmedEnd(lines[last]!) + 1);
  } else {
    stemSpan = span(file, b.line, 1, b.line, 1);
  }
  const { options, marked } = readOptions(lines, optionLines, b.number, file, diagnostics);
  let pinned = false;
  for (const option of options) {
    if (isPositional(option.text.markdown)) {
      option.fixed = true;
      pinned = true;
    }
  }
  let keyEntries: KeyEntry[];
  if (marked) {
    const line = options[marked[0]!]!.text.span.line;
    const inline: KeyEntry = { source: 'inline', letters: marked.map(letterOf), span: span(file, line, 1, line, 2) };
    keyEntries = keyed ? [inline].concat(keyed) : [inline];
  } else keyEntries = keyed ?? [];
  const key = keyOf(keyEntries[0], options.length);
  return {
    id: questionId(input.id, b.number),
    number: b.number,
    bank: input.id,
    span: span(file, b.line, 1, b.line, b.lineLength + 1),
    stem: { markdown: stemText, span: stemSpan },
    options,
    key,
    keyEntries,
    type: inferType(key, options),
    points: meta.points,
    category: meta.category,
    tags: meta.tags,
    shuffle: meta.shuffle && !pinned,
  };
}

// Index of the first block with each number. Question numbers have at most 9 digits (the
// number-line grammar) and usually run 1…n, so an array indexed by number is dense, and much
// cheaper than a Map of 100k numbers; V8 itself keeps a sparse one as a dictionary. A key may
// name any number: one that is no array index (over 9 digits) finds no block, as it should.
function firstBlockByNumber(blocks: QuestionBlock[]): (number | undefined)[] {
  const first: (number | undefined)[] = [];
  for (let i = 0; i < blocks.length; i++) first[blocks[i]!.number] ??= i;
  return first;
}

// A repeated number (a lint finding) must still give every question its own id.
function uniquifyIds(questions: Question[]): void {
  const seen = new Map<string, number>();
  for (const q of questions) {
    const n = (seen.get(q.id) ?? 0) + 1;
    seen.set(q.id, n);
    if (n > 1) q.id = `${q.id}-${n}`;
  }
}

export function letterOf(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `#${index + 1}`;
}

// Each entry goes to the first block with its number; keyed[i] collects block i's entries in
// the order the sources are matched (the bank's key block, then the sidecar).
function matchKeys(
  blocks: QuestionBlock[],
  firstBlock: (number | undefined)[],
  entries: RawKeyEntry[],
  source: KeyEntry['source'],
  file: string,
  bankFile: string,
  keyed: (KeyEntry[] | undefined)[],
  diagnostics: Diagnostic[],
): void {
  if (entries.length === 0) return;
  // The entry already read for each number: by block for the numbers of the bank, in a Map for
  // the others (a key naming unknown questions, usually none).
  const seenByBlock: (RawKeyEntry | undefined)[] = new Array(blocks.length);
  let seenUnknown: Map<number, RawKeyEntry> | undefined;
  for (const e of entries) {
    const q = firstBlock[e.number];
    const prev = q === undefined ? seenUnknown?.get(e.number) : seenByBlock[q];
    if (prev) {
      diagnostics.push({
        ruleId: 'parse/key-duplicate',
        severity: 'error',
        message: `Question ${e.number} appears twice in the answer key (first on line ${prev.span.line})`,
        hint: 'Keep one entry per question; list several letters as `3: A,C`',
        file: e.span.file,
        line: e.span.line,
        column: e.span.column,
      });
      continue;
    }
    if (q === undefined) {
      (seenUnknown ??= new Map()).set(e.number, e);
      diagnostics.push({
        ruleId: 'parse/key-unknown-question',
        severity: 'error',
        message: `The answer key names question ${e.number}, which is not in ${blocks.length > 0 && file === bankFile ? 'this file' : 'the bank'}`,
        hint: 'Check the question numbers in the key against the bank',
        file: e.span.file,
        line: e.span.line,
        column: e.span.column,
      });
      continue;
    }
    seenByBlock[q] = e;
    // Arrays of the exact size: push() onto an empty array (or a spread) reserves 17 slots, 150
    // bytes per question kept for the whole run.
    const entry: KeyEntry = { source, letters: e.letters.length === 1 ? [e.letters[0]!] : Array.from(new Set(e.letters)), span: e.span };
    const prevEntries = keyed[q];
    keyed[q] = prevEntries ? prevEntries.concat([entry]) : [entry];
  }
}

const trueFalse: [RegExp, RegExp][] = [
  [/^(verdadeiro|verdadero|true|certo|vrai|v|t)$/i, /^(falso|false|errado|faux|f)$/i],
];

// Key = the first source's letters that name an existing option; disagreements between
// sources and out-of-range letters are left for the lint rules, which can point at both.
function keyOf(entry: KeyEntry | undefined, optionCount: number): number[] {
  if (!entry) return [];
  const one = entry.letters.length === 1 ? entry.letters[0]!.charCodeAt(0) - 65 : -1;
  return one >= 0 && one < optionCount
    ? [one]
    : [...new Set(entry.letters.map((l) => l.charCodeAt(0) - 65))].filter((i) => i >= 0 && i < optionCount).sort((a, b) => a - b);
}

function inferType(key: number[], options: Option[]): QuestionType {
  if (key.length > 1) return 'multiple';
  if (options.length === 2) {
    const [a, b] = options.map((o) => o.text.markdown.trim().replace(/[.!]$/, ''));
    for (const [t, f] of trueFalse) if ((t.test(a!) && f.test(b!)) || (f.test(a!) && t.test(b!))) return 'truefalse';
  }
  return 'single';
}

// Lines → question blocks. This is the grammar of the raw format (README "Bank format"):
//
//   file     := header* question* keyBlock?
//   header   := `name: value` (title, category, points, tags, shuffle, lang) | comment | blank
//   question := number-line stem option+
//   number-line := `7` | `7.` | `7)` | `Questão 7` | `Question 7` (alone on the line)
//   keyBlock := `Gabarito:` | `Answers:` | `Respostas:` line, then key entries to end of file
//   comment  := a whole line `<!-- … -->` (never question text)
//
// A bare number line starts a question only when it is the expected next number or clearly a
// new block (after a blank line); otherwise it is an option ("4" is a fine answer to "2 + 2?").
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Comment } from '../ir/schema.js';
import { parseKeyLine, type RawKeyEntry } from './key-entries.js';
import { trimmedEnd } from './whitespace.js';

export interface QuestionBlock {
  number: number;
  line: number; // of the number line
  lineLength: number;
  // The block's lines are bodyLines[bodyStart … bodyEnd - 1].
  bodyStart: number;
  bodyEnd: number;
}

export interface Blocks {
  header: Map<string, { value: string; line: number }>;
  questions: QuestionBlock[];
  // Every block's lines, one after the other: the index of each in the source lines, BLANK for
  // a blank line. One shared array of small ints instead of an object per line and an array per
  // block, which all lived until the questions were built (and were copied by the GC on the way).
  bodyLines: number[];
  keyEntries: RawKeyEntry[];
  comments: Comment[];
  diagnostics: Diagnostic[];
}

export const BLANK = -1;

const numberLine = /^(?:(quest(?:ão|ao|ion)|pergunta|pregunta)\s*)?(\d{1,9})\s*([.)]?)$/i;
const commentLine = /^<!--([\s\S]*?)-->$/;
export const keyBlockLine = /^(gabarito|answers?|answer key|respostas|respuestas|chave de respostas)\s*:\s*(.*)$/i;
export const headerKeys = ['title', 'category', 'points', 'tags', 'shuffle', 'lang'] as const;
const headerLine = /^([A-Za-z]+)\s*:\s*(.*)$/;

export interface NumberMatch {
  n: number;
  strong: boolean; // "Questão 7": always a question start
}

/** The definition of a number line (`t` is the trimmed line). */
export function matchNumberLine(t: string): NumberMatch | undefined {
  if (t.length > 20) return undefined;
  const m = numberLine.exec(t);
  if (!m) return undefined;
  return { n: Number(m[2]), strong: m[1] !== undefined };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const lower = (c: number): number => c | 0x20; // of an ASCII letter

// Asked of every line, so the usual answers skip the regex: 1–9 digits and an optional `.` or
// `)` is a number line; a line that opens with neither a digit nor the q or p of `Questão` or
// `Pergunta` is not one. A test holds this to matchNumberLine.
export function matchNumber(t: string): NumberMatch | undefined {
  const c = t.charCodeAt(0);
  if (isDigit(c)) {
    let i = 1;
    let n = c - 48;
    while (i < t.length && isDigit(t.charCodeAt(i))) n = n * 10 + t.charCodeAt(i++) - 48;
    const after = t.charCodeAt(i);
    if (i <= 9 && (i === t.length || (i === t.length - 1 && (after === 46 /* . */ || after === 41) /* ) */))) return { n, strong: false };
  } else if (lower(c) !== 0x71 /* q */ && lower(c) !== 0x70 /* p */) return undefined;
  return matchNumberLine(t);
}

// The first letters of the keyBlockLine words: other lines skip the regex.
export function mayOpenKeyBlock(t: string): boolean {
  const c = lower(t.charCodeAt(0));
  return c === 0x67 /* g */ || c === 0x61 /* a */ || c === 0x72 /* r */ || c === 0x63 /* c */;
}

export function splitBlocks(lines: string[], file: string): Blocks {
  const out: Blocks = { header: new Map(), questions: [], bodyLines: [], keyEntries: [], comments: [], diagnostics: [] };
  const body = out.bodyLines;
  let cur: QuestionBlock | undefined;
  let curNonBlank = 0;
  let inKeyBlock = false;
  let prevBlank = true;

  const nextNonBlank = (from: number): string | undefined => {
    for (let j = from; j < lines.length; j++) {
      const t = lines[j]!.trim();
      if (t !== '' && !commentLine.test(t)) return t;
    }
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = i === 0 ? lines[0]!.replace(/^\uFEFF/, '') : lines[i]!;
    const t = text.trim();
    const lineNo = i + 1;
    if (t === '') {
      if (cur) cur.bodyEnd = body.push(BLANK);
      prevBlank = true;
      continue;
    }
    if (t.startsWith('<!--') && commentLine.test(t)) {
      out.comments.push({
        text: t.slice(4, -3).trim(),
        span: { file, line: lineNo, column: text.indexOf('<!--') + 1, endLine: lineNo, endColumn: text.length + 1 },
      });
      continue;
    }
    if (inKeyBlock) {
      parseKeyLine(text, file, lineNo, out.keyEntries, out.diagnostics);
      continue;
    }
    const num = matchNumber(t);
    if (num && startsQuestion(num, cur, curNonBlank, prevBlank, nextNonBlank(i + 1))) {
      cur = { number: num.n, line: lineNo, lineLength: trimmedEnd(text), bodyStart: body.length, bodyEnd: body.length };
      out.questions.push(cur);
      curNonBlank = 0;
      prevBlank = false;
      continue;
    }
    const key = mayOpenKeyBlock(t) ? keyBlockLine.exec(t) : null;
    if (key && (cur ? curNonBlank >= 2 : true) && isKeyText(key[2]!)) {
      inKeyBlock = true;
      const offset = text.indexOf(':') + 1;
      if (key[2] !== '') {
        const entries: RawKeyEntry[] = [];
        parseKeyLine(text.slice(offset), file, lineNo, entries, out.diagnostics);
        for (const e of entries) {
          e.span.column += offset;
          e.span.endColumn += offset;
          out.keyEntries.push(e);
        }
      }
      continue;
    }
    prevBlank = false;
    if (cur) {
      cur.bodyEnd = body.push(i);
      curNonBlank++;
      continue;
    }
    readHeaderLine(out, t, file, lineNo, text);
  }
  return out;
}

function startsQuestion(
  num: NumberMatch,
  cur: QuestionBlock | undefined,
  curNonBlank: number,
  prevBlank: boolean,
  next: string | undefined,
): boolean {
  if (!cur || num.strong) return true;
  // a question needs a stem and an option before the next one can start
  if (curNonBlank < 2) return false;
  // the next question needs a stem that is not itself a number
  if (next === undefined || matchNumber(next)) return false;
  return num.n === cur.number + 1 || prevBlank;
}

// "Gabarito:" starts a key block only when what follows is empty or reads as key entries,
// so a stem such as "Gabarito: o que é?" stays text.
function isKeyText(rest: string): boolean {
  return rest.trim() === '' || /^(?:\d+\s*[:\-–).=]?\s*[A-Za-z](?:\s*[,;/+&]?\s*[A-Za-z](?![\p{L}]))*[\s,;]*)+$/u.test(rest.trim());
}

function readHeaderLine(out: Blocks, t: string, file: string, lineNo: number, text: string): void {
  const h = headerLine.exec(t);
  const name = h?.[1]!.toLowerCase();
  if (h && (headerKeys as readonly string[]).includes(name!)) {
    out.header.set(name!, { value: h[2]!.trim(), line: lineNo });
    return;
  }
  out.diagnostics.push({
    ruleId: 'parse/stray-text',
    severity: 'error',
    message: `Text before the first question is not a question or a header field: "${t.slice(0, 60)}"`,
    hint: 'Start each question with its number alone on a line; header fields are title, category, points, tags, shuffle, lang',
    file,
    line: lineNo,
    column: text.length - text.trimStart().length + 1,
  });
}

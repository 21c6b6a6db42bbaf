// One pass over a bank file's raw lines for every text-hygiene rule. Most lines hold none of
// the characters these rules look for, so one prefilter regex per line decides; only the rare
// matching lines are walked character by character. The result is cached per lines array, so
// six hygiene rules cost one scan.

export type HygieneKind = 'trailing-space' | 'nbsp' | 'control-character' | 'mojibake' | 'smart-quotes';

export interface HygieneFinding {
  kind: HygieneKind;
  line: number; // 1-based
  column: number; // 1-based, UTF-16 units
  endColumn: number;
  char: string; // the first offending character (or sequence, for mojibake)
  count: number; // occurrences of this kind on the line
}

// Anything a rule might care about: C0/C1 controls (not tab), odd spaces, zero-width
// characters, smart quotes, the lead characters of mojibake (Ã Â â). Trailing blanks are
// checked apart, on the last character: a `|[ \t]$` branch in this regex made it a third
// slower (it is tried at every position of every line).
const prefilter = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u00A0\u00C2\u00C3\u00E2\u2007\u202F\u200B-\u200D\u2060\uFEFF\u2018\u2019\u201C\u201D]/;

// UTF-8 read as Windows-1252: a lead byte C2/C3 shows as Â/Ã, E2 80 as â€; continuation bytes
// 80–BF show as U+00A0–U+00BF or as the Windows-1252 punctuation block (€ ‚ ƒ „ … “ ” – — ™ …).
const cont = '\u0080-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178';
const mojibake = new RegExp(`\u00C3[${cont}]|\u00C2[\u00A0-\u00BF]|\u00E2\u20AC[${cont}]`, 'g');

const invisible = new Set([0xa0, 0x2007, 0x202f, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const smart = new Set([0x2018, 0x2019, 0x201c, 0x201d]);

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
}

const cache = new WeakMap<readonly string[], HygieneFinding[]>();

export function scanLines(lines: readonly string[]): HygieneFinding[] {
  const hit = cache.get(lines);
  if (hit) return hit;
  const out: HygieneFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const last = text.length === 0 ? 0 : text.charCodeAt(text.length - 1);
    if (last !== 0x20 && last !== 0x09 && !prefilter.test(text)) continue;
    scanLine(text, i + 1, out);
  }
  cache.set(lines, out);
  return out;
}

function scanLine(text: string, line: number, out: HygieneFinding[]): void {
  const first: Partial<Record<HygieneKind, HygieneFinding>> = {};
  const add = (kind: HygieneKind, index: number, char: string) => {
    const f = first[kind];
    if (f) f.count++;
    else out.push((first[kind] = { kind, line, column: index + 1, endColumn: index + 1 + char.length, char, count: 1 }));
  };
  // Mojibake first: its continuation characters (U+0080–U+009F, U+00A0, “ ”) must not also be
  // reported as controls, odd spaces or smart quotes.
  const inMojibake = new Set<number>();
  if (text.includes('\u00C3') || text.includes('\u00C2') || text.includes('\u00E2\u20AC')) {
    mojibake.lastIndex = 0;
    for (let m = mojibake.exec(text); m; m = mojibake.exec(text)) {
      add('mojibake', m.index, m[0]);
      for (let k = 0; k < m[0].length; k++) inMojibake.add(m.index + k);
    }
  }
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x7f && c >= 0x20) continue;
    if (inMojibake.has(j)) continue;
    if (isControl(c)) add('control-character', j, text[j]!);
    else if (invisible.has(c) && !(line === 1 && j === 0 && c === 0xfeff)) add('nbsp', j, text[j]!);
    else if (smart.has(c)) add('smart-quotes', j, text[j]!);
  }
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  if (end < text.length) out.push({ kind: 'trailing-space', line, column: end + 1, endColumn: text.length + 1, char: text.slice(end), count: 1 });
}

/** Findings of one kind for a file, or none when the loader did not keep its lines. */
export function findingsOf(lines: readonly string[] | undefined, kind: HygieneKind): HygieneFinding[] {
  if (!lines) return [];
  return scanLines(lines).filter((f) => f.kind === kind);
}

export function codePoint(ch: string): string {
  return 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

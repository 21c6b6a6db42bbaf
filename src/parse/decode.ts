// Bytes → text. UTF-8 is the format; a file that is not valid UTF-8 is decoded line by line
// with a Windows-1252 fallback so nothing is lost, and each bad line is reported.
// Lines are split on bytes (LF, CR) before decoding so that a cp1252 0x85 ("…") can never be
// mistaken for a NEL line terminator.
import type { Diagnostic } from '../ir/diagnostic.js';

export type Encoding = 'utf-8' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  diagnostics: Diagnostic[];
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Not TextDecoder('windows-1252'): Node 20 decodes it as Latin-1, so 0x80–0x9F (cp1252's
// “ ” ‘ ’ – — … €) come out as invisible C1 controls (nodejs/node#56542). The table is cp1252's,
// with the five unassigned bytes kept as their C1 code points, as the WHATWG decoder does.
const cp1252High =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const cp1252 = {
  decode(b: Uint8Array): string {
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength)
      .toString('latin1')
      .replace(/[\u0080-\u009F]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]!);
  },
};

export function decodeSource(bytes: Uint8Array, file: string, encoding: Encoding | 'auto' = 'utf-8'): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'windows-1252') {
    return { text: cp1252.decode(body), encoding, bom, diagnostics: [] };
  }
  try {
    return { text: utf8Fatal.decode(body), encoding: 'utf-8', bom, diagnostics: [] };
  } catch {
    return decodeMixed(body, file, bom, encoding === 'auto');
  }
}

function decodeMixed(body: Uint8Array, file: string, bom: boolean, auto: boolean): Decoded {
  const parts: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let line = 1;
  let start = 0;
  const n = body.length;
  while (start <= n) {
    let end = start;
    while (end < n && body[end] !== 0x0a && body[end] !== 0x0d) end++;
    const chunk = body.subarray(start, end);
    try {
      parts.push(utf8Fatal.decode(chunk));
    } catch {
      parts.push(cp1252.decode(chunk));
      const column = firstInvalidUtf8(chunk) + 1;
      diagnostics.push({
        ruleId: 'invalid-encoding',
        severity: auto ? 'info' : 'error',
        message: auto
          ? `Line ${line} is not UTF-8; it was read as Windows-1252`
          : `Line ${line} is not valid UTF-8 (byte 0x${(chunk[column - 1] ?? 0).toString(16).toUpperCase()} at column ${column})`,
        hint: 'Save the file as UTF-8, or run with --encoding windows-1252 (whole file) or --encoding auto (per line)',
        file,
        line,
        column,
      });
    }
    if (end >= n) break;
    // keep the original terminator so line endings are still counted later
    if (body[end] === 0x0d && body[end + 1] === 0x0a) {
      parts.push('\r\n');
      end += 2;
    } else {
      parts.push(body[end] === 0x0d ? '\r' : '\n');
      end += 1;
    }
    line++;
    start = end;
  }
  return { text: parts.join(''), encoding: 'utf-8', bom, diagnostics: summarizeBadLines(diagnostics, auto) };
}

// One finding per file, at the first bad line: a Windows-1252 file would otherwise give one
// error per accented line.
function summarizeBadLines(bad: Diagnostic[], auto: boolean): Diagnostic[] {
  const first = bad[0];
  if (!first || bad.length === 1) return bad;
  const lines = bad.slice(0, 5).map((d) => d.line).join(', ') + (bad.length > 5 ? ', …' : '');
  return [{ ...first, message: auto ? `${bad.length} lines are not UTF-8 (lines ${lines}); they were read as Windows-1252` : `${first.message}; ${bad.length} lines are not valid UTF-8 (lines ${lines})` }];
}

function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    try {
      utf8Fatal.decode(b.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return 0;
}

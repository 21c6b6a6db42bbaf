// Split text into lines and count the line endings (mixed endings are a lint finding).
// Only LF, CRLF and CR end a line: U+0085/U+2028 are text, as editors show them.

export interface Lines {
  lines: string[];
  endings: { lf: number; crlf: number; cr: number };
}

export function splitLines(text: string): Lines {
  const endings = { lf: 0, crlf: 0, cr: 0 };
  if (!text.includes('\r')) {
    const lines = text.split('\n');
    endings.lf = lines.length - 1;
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return { lines, endings };
  }
  const lines: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push(text.slice(start, i));
      endings.lf++;
      start = i + 1;
    } else if (c === 13) {
      lines.push(text.slice(start, i));
      if (text.charCodeAt(i + 1) === 10) {
        endings.crlf++;
        i++;
      } else endings.cr++;
      start = i + 1;
    }
  }
  if (start < n) lines.push(text.slice(start));
  if (lines.length === 0) lines.push('');
  return { lines, endings };
}

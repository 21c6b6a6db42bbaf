// GIFT escaping. Moodle's reader (qformat_gift::escapedchar_pre) knows `\\ \~ \= \# \{ \} \:`
// and `\n`; everything else is literal. Escaping every special (not only the ones Moodle trips
// on) keeps stricter readers such as gift-pegjs happy, and `\n` keeps a multi-line text on one
// physical line, so no blank line or `//` at a line start can split or swallow a question.
const special = /[\\~=#{}:\r\n]/;
const specials = /[\\~=#{}:\r\n]/g;

export function escapeGift(s: string): string {
  if (!special.test(s)) return s;
  return (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s).replace(specials, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

// Answers are read by stricter parsers than Moodle, so three starts/sequences that are plain
// text in HTML get their entity instead (same meaning in [html], nothing for a parser to misread):
// - a leading `[` would be read as a new format marker (`[markdown]…`);
// - a leading `%` would be read as the start of a `%weight%` (gift-pegjs rejects the file);
// - `->` makes gift-pegjs read the answers as a matching question (`=a -> b`).
export function protectFormatMarker(html: string): string {
  let out = html.includes('->') ? html.replace(/->/g, '-&gt;') : html;
  if (out.startsWith('[')) out = `&#x5B;${out.slice(1)}`;
  else if (out.startsWith('%')) out = `&#37;${out.slice(1)}`;
  return out;
}

export function unescapeGift(s: string): string {
  return s.replace(/\\([\\~=#{}:n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

// GIFT escaping. Moodle's reader (qformat_gift::escapedchar_pre) knows `\\ \~ \= \# \{ \} \:`
// and `\n`; everything else is literal. Escaping every special (not only the ones Moodle trips
// on) keeps stricter readers such as gift-pegjs happy, and `\n` keeps a multi-line text on one
// physical line, so no blank line or `//` at a line start can split or swallow a question.
const specials = /[\\~=#{}:\r\n]/g;

export function escapeGift(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(specials, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

// Answers inherit the `[html]` of the question text; an answer that itself starts with `[`
// would be read as a new format marker (`[markdown]…`), so its bracket becomes an entity.
export function protectFormatMarker(html: string): string {
  return html.startsWith('[') ? `&#x5B;${html.slice(1)}` : html;
}

export function unescapeGift(s: string): string {
  return s.replace(/\\([\\~=#{}:n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

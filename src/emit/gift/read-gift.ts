// A GIFT reader that follows how Moodle's importer (qformat_gift, Moodle 4.2) splits and
// reads a file, for the emitter's self-check: blank lines end a question, `//` lines are
// comments (and carry `[id:…]`/`[tag:…]`), only the first `{…}` is read, `[format]` prefixes,
// weights `%n%`, feedback `#`, general feedback `####`. It reads chunk by chunk, so checking a
// million-question file never builds one string. Written from the format's behaviour, not
// copied; the tests also run Moodle's own importer and gift-pegjs on the same files.

export interface GiftText {
  format: string; // 'moodle' when no [marker] was given
  text: string;
}

export interface GiftAnswer {
  text: GiftText;
  fraction: number; // 1 = 100 %
  feedback: GiftText;
}

export type GiftBlock =
  | { kind: 'category'; line: number; category: string }
  | {
      kind: 'question';
      line: number;
      name: string | undefined;
      idnumber: string;
      tags: string[];
      qtype: 'multichoice' | 'truefalse' | 'other';
      stem: GiftText;
      generalFeedback: GiftText;
      single: boolean;
      answers: GiftAnswer[];
      truth: boolean;
      trueFeedback: GiftText;
      falseFeedback: GiftText;
    }
  | { kind: 'error'; line: number; message: string };

// Escapes become private-use placeholders while the structure is split, then turn back into
// their characters, the way Moodle's escapedchar_pre/post work.
const escapes: Record<string, string> = { ':': '\uE001', '#': '\uE002', '=': '\uE003', '{': '\uE004', '}': '\uE005', '~': '\uE006', n: '\uE007' };
const unplace: Record<string, string> = { '\uE001': ':', '\uE002': '#', '\uE003': '=', '\uE004': '{', '\uE005': '}', '\uE006': '~', '\uE007': '\n' };

function pre(s: string): string {
  return s
    .replace(/\\\\/g, '\uE000')
    .replace(/\\([:#={}~n])/g, (_, c: string) => escapes[c]!)
    .replace(/\uE000/g, '\\');
}

function post(s: string): string {
  return s.replace(/[\uE001-\uE007]/g, (c) => unplace[c]!);
}

const formats = new Set(['moodle', 'html', 'plain', 'markdown']);

function withFormat(raw: string, fallback: string): GiftText {
  let format = fallback;
  let text = raw;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    const name = text.slice(1, end);
    if (end > 0 && formats.has(name)) {
      format = name;
      text = text.slice(end + 1);
    }
  }
  return { format, text: post(text).trim() };
}

function splitFeedback(answer: string, format: string): [GiftText, GiftText] {
  const hash = answer.indexOf('#');
  if (hash < 0) return [withFormat(answer.trim(), format), { format, text: '' }];
  return [withFormat(answer.slice(0, hash).trim(), format), withFormat(answer.slice(hash + 1).trim(), format)];
}

const weightRe = /^%-*([0-9]{1,2})\.?([0-9]*)%/;

function readIdAndTags(comments: string): { idnumber: string; tags: string[] } {
  // eslint-disable-next-line no-control-regex
  const id = /\[id:((?:\\]|[^\]\x00-\x1f\x7f])+)\]/.exec(comments);
  const tags: string[] = [];
  // eslint-disable-next-line no-control-regex
  for (const m of comments.matchAll(/\[tag:((?:\\]|[^\]<>`\x00-\x1f\x7f])+)\]/g)) tags.push(m[1]!.trim().replace(/\\]/g, ']'));
  return { idnumber: id ? id[1]!.trim().replace(/\\]/g, ']') : '', tags };
}

export function readGiftBlock(lines: string[], line: number): GiftBlock | undefined {
  let comments = '';
  const body: string[] = [];
  for (const l of lines) {
    if (l.startsWith('//')) comments += l + '\n';
    else body.push(l);
  }
  let text = pre(body.join('\n').trim());
  if (text === '') return undefined;
  if (text.startsWith('$CATEGORY:')) return { kind: 'category', line, category: text.slice(10).trim() };

  let name: string | undefined;
  if (text.startsWith('::')) {
    const end = text.indexOf('::', 2);
    if (end >= 0) {
      name = post(text.slice(2, end)).trim();
      text = text.slice(end + 2).trim();
    }
  }
  const start = text.indexOf('{');
  const finish = text.indexOf('}');
  if (start < 0 || finish < 0 || finish < start) return { kind: 'error', line, message: 'no {…} answer block (or an unescaped brace)' };
  let answerText = text.slice(start + 1, finish).trim();
  const stemRaw = text.endsWith('}') ? text.slice(0, start) + text.slice(finish + 1) : text.slice(0, start) + '_____' + text.slice(finish + 1);
  let generalRaw = '';
  const gf = answerText.lastIndexOf('####');
  if (gf >= 0) {
    generalRaw = answerText.slice(gf + 4);
    answerText = answerText.slice(0, gf).trim();
  }
  const stem = withFormat(stemRaw.trim(), 'moodle');
  const { idnumber, tags } = readIdAndTags(comments);
  const empty: GiftText = { format: stem.format, text: '' };
  const common = { kind: 'question' as const, line, name, idnumber, tags, stem, generalFeedback: withFormat(generalRaw.trim(), stem.format) };

  if (answerText.includes('~')) {
    const parts = answerText.replace(/=/g, '~=').split('~');
    parts[0] = parts[0]!.trim();
    if (parts[0] === '') parts.shift();
    const answers = parts.map((p): GiftAnswer => {
      let a = p.trim();
      let fraction = 0;
      if (a.startsWith('=')) {
        fraction = 1;
        a = a.slice(1);
      } else if (weightRe.test(a)) {
        const end = a.indexOf('%', 1);
        fraction = Number(a.slice(1, end)) / 100;
        a = a.slice(end + 1);
      }
      const [t, feedback] = splitFeedback(a, stem.format);
      return { text: t, fraction, feedback };
    });
    return { ...common, qtype: 'multichoice', single: answerText.includes('='), answers, truth: false, trueFeedback: empty, falseFeedback: empty };
  }
  const bits = answerText.split('#');
  const head = bits[0]!.trim();
  if (['T', 'TRUE', 'F', 'FALSE'].includes(head)) {
    const truth = head.startsWith('T');
    const wrong = withFormat((bits[1] ?? '').trim(), stem.format);
    const right = withFormat(bits.slice(2).join('#').trim(), stem.format);
    return { ...common, qtype: 'truefalse', single: true, answers: [], truth, trueFeedback: truth ? right : wrong, falseFeedback: truth ? wrong : right };
  }
  return { ...common, qtype: 'other', single: true, answers: [], truth: false, trueFeedback: empty, falseFeedback: empty };
}

/** Blocks of a GIFT file in order, read from its chunks. */
export function* readGift(chunks: Iterable<string | Uint8Array>): Generator<GiftBlock> {
  const decoder = new TextDecoder();
  let carry = '';
  let lineNo = 0;
  let block: string[] = [];
  let blockLine = 1;
  function* flush(): Generator<GiftBlock> {
    if (block.length) {
      const b = readGiftBlock(block, blockLine);
      if (b) yield b;
    }
    block = [];
  }
  function* take(l: string): Generator<GiftBlock> {
    lineNo++;
    const t = l.trim();
    if (t === '') yield* flush();
    else {
      if (block.length === 0) blockLine = lineNo;
      block.push(t);
    }
  }
  for (const c of chunks) {
    carry += typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    const parts = carry.split('\n');
    carry = parts.pop()!;
    for (const p of parts) yield* take(p);
  }
  carry += decoder.decode();
  if (carry !== '') yield* take(carry);
  yield* flush();
}

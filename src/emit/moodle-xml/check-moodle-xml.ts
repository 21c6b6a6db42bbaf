// The Moodle XML self-check. The file is checked chunk by chunk (header + footer as one document,
// each question alone), which proves the whole is well-formed without ever building it as one
// string; each question is then read the way Moodle's qformat_xml reads it (texts trimmed,
// fraction / 100, single and shuffleanswers as "false"/"0" = off) and compared with the IR.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atSpan, type Diagnostic } from '../../ir/diagnostic.js';
import type { Bank } from '../../ir/schema.js';
import type { MoodleQuestion } from '../gift/moodle-question.js';
import { clip, moodleLimits } from '../gift/check-gift.js';
import type { FileRenderer } from './html-files.js';
import { xmlSafe } from './xml-text.js';

export type XmlExpected = { kind: 'category'; category: string } | { kind: 'question'; model: MoodleQuestion };

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ['question', 'answer', 'file', 'tag'].includes(name),
});

const maxPerFile = 20;

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node.trim();
  const t = (node as XNode)['#text'];
  return typeof t === 'string' ? t.trim() : '';
}

const child = (n: XNode | undefined, name: string): XNode | undefined => {
  const c = n?.[name];
  return c !== null && typeof c === 'object' && !Array.isArray(c) ? (c as XNode) : undefined;
};
const list = (n: XNode | undefined, name: string): XNode[] => (Array.isArray(n?.[name]) ? (n![name] as XNode[]) : []);
const elemText = (n: XNode | undefined, name: string) => text(child(n, name)?.['text'] ?? (typeof n?.[name] === 'string' ? n[name] : undefined));
// Moodle's trans_single: "false" or anything empty/"0" is off.
const onOff = (s: string) => !(s === 'false' || s === '' || s === '0');

function filesDiff(holder: XNode | undefined, html: string, files: FileRenderer, where: string): string | undefined {
  const got = new Map(list(holder, 'file').map((f) => [String(f['@_name']), f]));
  for (const a of files.filesIn(html)) {
    const f = got.get(a.name);
    if (!f) return `${where} links @@PLUGINFILE@@/${a.name} but has no <file name="${a.name}">`;
    if (f['@_encoding'] !== 'base64' || (f['@_path'] ?? '/') !== '/') return `${where} file ${a.name} must have path="/" encoding="base64"`;
    if (!Buffer.from(text(f), 'base64').equals(Buffer.from(a.data))) return `${where} file ${a.name} does not hold the bytes of ${a.path}`;
  }
  return undefined;
}

function questionDiff(n: XNode, m: MoodleQuestion, files: FileRenderer): string | undefined {
  const q = m.question;
  if (n['@_type'] !== m.kind) return `has type ${clip(String(n['@_type']))}, expected ${m.kind}`;
  if (elemText(n, 'name') !== m.name) return `name reads ${clip(elemText(n, 'name'))}, expected ${clip(m.name)}`;
  const qt = child(n, 'questiontext');
  if (qt?.['@_format'] !== 'html' || text(qt['text']) !== m.stemHtml) return `question text reads ${clip(text(qt?.['text']))}, expected ${clip(m.stemHtml)} (format html)`;
  const fd = filesDiff(qt, m.stemHtml, files, 'question text');
  if (fd) return fd;
  const gf = child(n, 'generalfeedback');
  if (text(gf?.['text']) !== m.generalFeedbackHtml) return `general feedback reads ${clip(text(gf?.['text']))}, expected ${clip(m.generalFeedbackHtml)}`;
  const gfd = filesDiff(gf, m.generalFeedbackHtml, files, 'general feedback');
  if (gfd) return gfd;
  const grade = text(n['defaultgrade']);
  if (Number(grade) !== q.points) return `defaultgrade reads ${clip(grade)}, expected ${q.points}`;
  if (text(n['idnumber']) !== q.id) return `idnumber reads ${clip(text(n['idnumber']))}, expected ${clip(q.id)}`;
  const tags = list(child(n, 'tags'), 'tag').map((t) => text(t['text']));
  if (tags.join('\n') !== m.tags.join('\n')) return `tags read ${clip(tags.join(', '))}, expected ${clip(m.tags.join(', '))}`;
  const answers = list(n, 'answer');
  if (m.kind === 'truefalse') {
    const right = answers.find((a) => Number(a['@_fraction']) === 100);
    if (answers.length !== 2 || !right || text(right['text']) !== String(m.truth)) return `true/false answers do not say ${m.truth}`;
    const fb = (v: string) => text(child(answers.find((a) => text(a['text']) === v), 'feedback')?.['text']);
    if (fb('true') !== m.trueFeedbackHtml || fb('false') !== m.falseFeedbackHtml) return 'true/false feedback differs';
    return undefined;
  }
  if (onOff(text(n['single'] ?? 'true')) === m.multiple) return `<single> reads ${clip(text(n['single']))}, expected ${m.multiple ? 'false' : 'true'}`;
  if (onOff(text(n['shuffleanswers'] ?? 'false')) !== m.shuffle) return `<shuffleanswers> reads ${clip(text(n['shuffleanswers']))}, expected ${m.shuffle ? 1 : 0}`;
  if ((text(n['answernumbering']) || 'abc') !== m.numbering) return `<answernumbering> reads ${clip(text(n['answernumbering']))}, expected ${m.numbering}`;
  if (elemText(n, 'correctfeedback') !== m.correctFeedbackHtml || elemText(n, 'incorrectfeedback') !== m.incorrectFeedbackHtml) return 'combined feedback differs';
  if (answers.length !== m.answers.length) return `has ${answers.length} answers, expected ${m.answers.length}`;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    const want = m.answers[i]!;
    if (text(a['text']) !== want.html || (a['@_format'] ?? 'html') !== 'html') return `answer ${i + 1} reads ${clip(text(a['text']))}, expected ${clip(want.html)}`;
    if (Math.abs(Number(a['@_fraction']) - want.weight) > 1e-6) return `answer ${i + 1} has fraction ${clip(String(a['@_fraction']))}, expected ${want.weight}`;
    const ad = filesDiff(a, want.html, files, `answer ${i + 1}`);
    if (ad) return ad;
    if (text(child(a, 'feedback')?.['text']) !== want.feedbackHtml) return `answer ${i + 1} feedback differs`;
  }
  return undefined;
}

// A model's texts as they can come back: characters XML forbids are dropped on the way out
// (xml-text.ts), and Moodle trims what is left.
function asRead(m: MoodleQuestion): MoodleQuestion {
  const r = (s: string) => xmlSafe(s).trim();
  return {
    ...m,
    name: r(m.name),
    stemHtml: r(m.stemHtml),
    generalFeedbackHtml: r(m.generalFeedbackHtml),
    correctFeedbackHtml: r(m.correctFeedbackHtml),
    incorrectFeedbackHtml: r(m.incorrectFeedbackHtml),
    trueFeedbackHtml: r(m.trueFeedbackHtml),
    falseFeedbackHtml: r(m.falseFeedbackHtml),
    answers: m.answers.map((a) => ({ ...a, html: r(a.html), feedbackHtml: r(a.feedbackHtml) })),
    tags: m.tags.map(r),
  };
}

// A chunk must be exactly one <question> element (comments and whitespace aside).
function parseQuestionChunk(chunk: string): { node?: XNode; error?: string } {
  const wrapped = `<w>${chunk}</w>`;
  const v = XMLValidator.validate(wrapped);
  if (v !== true) return { error: `is not well-formed XML: ${v.err.msg}` };
  const w = (parser.parse(wrapped) as XNode)['w'];
  const node = typeof w === 'object' && w !== null ? (w as XNode) : {};
  const qs = list(node, 'question');
  const other = Object.keys(node).filter((k) => k !== 'question' && !(k === '#text' && text(node[k]) === ''));
  if (qs.length !== 1 || other.length) return { error: `should be one <question> element, found ${qs.length} and ${other.length ? other.map((o) => `<${o}>`).join(', ') : 'nothing else'}` };
  return { node: qs[0] };
}

export function compareMoodleXml(chunks: Iterable<string | Uint8Array>, bank: Bank, expected: Iterable<XmlExpected>, files: FileRenderer, templates: Record<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bankAt = { file: bank.path, line: 1, column: 1 };
  const fail = (at: Pick<Diagnostic, 'file' | 'line' | 'column'>, template: string | undefined, message: string, questionId?: string) => {
    const names = template ?? Object.values(templates).join(', ');
    out.push({
      ruleId: 'emit/moodle-xml-self-check',
      severity: 'error',
      message: `${message} (Moodle XML from template ${names})`,
      hint: `Moodle would reject this file or import it differently from the bank; fix or remove the override ${names}`,
      ...at,
      ...(questionId ? { questionId } : {}),
    });
  };
  const dec = new TextDecoder();
  const str = (c: string | Uint8Array) => (typeof c === 'string' ? c : dec.decode(c));
  try {
    const it = chunks[Symbol.iterator]();
    const first = it.next();
    if (first.done) {
      fail(bankAt, undefined, `${bank.path}: the Moodle XML file is empty`);
      return out;
    }
    const header = str(first.value);
    const want = expected[Symbol.iterator]();
    let pending = it.next();
    for (;;) {
      const next = it.next();
      if (pending.done) {
        fail(bankAt, templates['footer.hbs'], `${bank.path}: the Moodle XML file has no footer`);
        break;
      }
      if (next.done) {
        // pending is the footer
        const footer = str(pending.value);
        const doc = header + footer;
        const v = XMLValidator.validate(doc);
        if (v !== true) fail(bankAt, `${templates['header.hbs']}, ${templates['footer.hbs']}`, `${bank.path}: header and footer do not make a well-formed document: ${v.err.msg}`);
        else if (!doc.startsWith('<?xml') || !('quiz' in (parser.parse(doc) as XNode))) fail(bankAt, `${templates['header.hbs']}, ${templates['footer.hbs']}`, `${bank.path}: the document must start with <?xml …?> and have <quiz> as its root`);
        const rest = want.next();
        if (!rest.done) fail(bankAt, templates['question.hbs'], `${bank.path}: the Moodle XML ends before all questions were written`);
        break;
      }
      if (out.length >= maxPerFile) break;
      const e = want.next();
      if (e.done) {
        fail(bankAt, undefined, `${bank.path}: the Moodle XML has more parts than the bank has questions`);
        break;
      }
      const exp = e.value;
      const where = exp.kind === 'question' ? atSpan(exp.model.question.span) : bankAt;
      const template = exp.kind === 'category' ? templates['category.hbs'] : templates['question.hbs'];
      const qid = exp.kind === 'question' ? exp.model.question.id : undefined;
      const label = exp.kind === 'category' ? `The category ${clip(exp.category)}` : `Question ${exp.model.question.number}`;
      const parsed = parseQuestionChunk(str(pending.value));
      pending = next;
      if (exp.kind === 'question') for (const p of moodleLimits(exp.model)) out.push({ ruleId: 'emit/moodle-limits', severity: 'error', message: p, ...where, questionId: qid });
      if (parsed.error) {
        fail(where, template, `${label} ${parsed.error}`, qid);
        continue;
      }
      const n = parsed.node!;
      if (exp.kind === 'category') {
        if (n['@_type'] !== 'category' || elemText(n, 'category') !== xmlSafe(exp.category).trim()) fail(where, template, `${label} is not written as a category pseudo-question`);
        continue;
      }
      // `files` rendered this question's model, so it knows the files its texts link
      const diff = questionDiff(n, asRead(exp.model), files);
      if (diff) fail(where, template, `${label} ${diff}`, qid);
    }
  } catch (err) {
    fail(bankAt, undefined, `${bank.path}: a Moodle XML template failed: ${(err as Error).message.split('\n')[0]}`);
  }
  return out;
}

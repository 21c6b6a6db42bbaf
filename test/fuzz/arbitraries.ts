// Generators of hostile input: bank-shaped text (so the parser gets past its first line and
// reaches questions, keys, options and Markdown), raw bytes, awkward Unicode and mutations of
// real files. Bank-shaped text matters: purely random strings are rejected on line 1 and never
// exercise the interesting code.
import fc from 'fast-check';

// Text that has broken real tools: Markdown and HTML syntax, injection payloads, the characters
// GIFT and Handlebars treat specially, and Unicode that trips decoders and XML.
export const nasty = [
  '**negrito**', '*ênfase*', '_x_', '`code`', '``', '\\', '\\*', '[link](http://example.com)', '[x](javascript:alert(1))',
  '![img](img/roteador.png)', '![x](../../etc/passwd)', '![y](/etc/passwd)', '![z](data:image/png;base64,AAAA)', '![w](%2e%2e/x.png)',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<!-- c -->', '<!--', '-->',
  ']]>', '<![CDATA[x]]>', '{', '}', '~', '=', '#', ':', '::', '{{x}}', '{{{y}}}', '{{#each a}}', '@@PLUGINFILE@@', '$CATEGORY:',
  '&amp;', '&#0;', '&#xD800;', '&lt;', '&', '<', '>', '"', "'", '%', '%%', '1.', '2)', '- ', '> ', '# ', '---', '===', '|a|b|',
  'Todas as anteriores', 'Nenhuma das anteriores', 'All of the above', 'Verdadeiro', 'Falso', 'True', 'V', 'F',
  'Gabarito:', 'Answers:', 'title:', 'points: 0', 'shuffle: talvez',
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u00A0', '\u200B', '\u200E', '\u202E', '\u2028', '\u2029',
  '\uFEFF', '\uFFFD', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\uD83D\uDE00', 'a\u0301', '\u0130', 'ß', 'ﬁ', '𝔘', 'العربية', '中文', '\t', '    ',
];

const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Qual', 'é', 'a', 'o', 'cliente', 'roteador', 'protocolo', 'atendimento', 'senha', '2', '+', '?', '.', ',') },
  { weight: 4, arbitrary: fc.constantFrom(...nasty) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** A line of text: words joined by spaces (sometimes by nothing, so syntax touches). */
export const textLine = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', ' ', ''))
  .map(([ws, sep]) => ws.join(sep));

const number = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 99, 999999, 1234567) });

const numberLine = fc
  .tuple(number, fc.constantFrom('', '.', ')', 'Q', 'Questão ', 'Question ', 'pergunta'), fc.constantFrom('', ' ', '\t'))
  .map(([n, form, pad]) => (form === '' || form === '.' || form === ')' ? `${pad}${n}${form}` : form === 'Q' ? `${n} ` : `${form}${n}`));

const optionLine = fc
  .tuple(
    fc.constantFrom('', '', '* ', '*', '  '),
    fc.constantFrom('', '', 'a) ', 'B) ', 'c. ', 'D - ', '(e) ', 'f)', 'Z. '),
    textLine,
  )
  .map(([mark, letter, text]) => mark + letter + text);

const headerLine = fc
  .tuple(fc.constantFrom('title', 'category', 'points', 'tags', 'shuffle', 'lang', 'Title', 'autor'), fc.oneof(textLine, fc.constantFrom('2,5', '-1', 'NaN', 'Infinity', '1e309', 'sim', 'no', '')))
  .map(([k, v]) => `${k}: ${v}`);

const keyEntry = fc
  .tuple(number, fc.constantFrom(':', '-', ')', '.', '=', ' ', ''), fc.array(fc.constantFrom('A', 'b', 'C', 'D', 'Z', 'AB', 'Todas', '', '1'), { minLength: 0, maxLength: 3 }), fc.constantFrom(',', ' ', ';', '/'))
  .map(([n, sep, letters, join]) => `${n}${sep} ${letters.join(join)}`);

const keyLine = fc.array(keyEntry, { minLength: 1, maxLength: 3 }).map((es) => es.join(' '));

const oddLine = fc.oneof(
  fc.constantFrom('', '', '', '   ', '\t', '<!-- comentário -->', '<!-- sem fim', 'Gabarito:', 'Gabarito: 1-A 2-B', 'Answers:', 'Respostas: o que é?', '\u00A0', '\u2028', '\uFEFF'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const line = fc.oneof(
  { weight: 3, arbitrary: numberLine },
  { weight: 3, arbitrary: textLine },
  { weight: 5, arbitrary: optionLine },
  { weight: 1, arbitrary: headerLine },
  { weight: 1, arbitrary: keyLine },
  { weight: 3, arbitrary: oddLine },
);

// One well-formed question, so random banks contain valid ones too and emitters get exercised.
const question = fc
  .tuple(fc.integer({ min: 1, max: 30 }), textLine, fc.array(optionLine, { minLength: 2, maxLength: 6 }))
  .map(([n, stem, opts]) => [String(n), stem, ...opts]);

const eol = fc.oneof({ weight: 8, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constant('\r\n') }, { weight: 1, arbitrary: fc.constant('\r') });

/** A whole bank file as text: header, questions, noise, maybe a key block, mixed line endings. */
export const bankText = fc
  .tuple(
    fc.boolean(),
    fc.array(headerLine, { maxLength: 3 }),
    fc.array(fc.oneof({ weight: 2, arbitrary: question }, { weight: 3, arbitrary: fc.array(line, { maxLength: 6 }) }), { maxLength: 8 }),
    fc.option(fc.array(keyLine, { maxLength: 4 }).map((ls) => ['Gabarito:', ...ls])),
    fc.array(eol, { minLength: 1, maxLength: 200 }),
    fc.boolean(),
  )
  .map(([bom, header, blocks, key, eols, finalEol]) => {
    const lines = [...header, '', ...blocks.flatMap((b) => [...b, '']), ...(key ?? [])];
    let s = bom ? '\uFEFF' : '';
    lines.forEach((l, i) => {
      s += l;
      if (i < lines.length - 1 || finalEol) s += eols[i % eols.length];
    });
    return s;
  });

/** An answer-key file as text. */
export const keyFileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: keyLine }, { weight: 1, arbitrary: oddLine }, { weight: 1, arbitrary: fc.constantFrom('# comentário', '// nota', '1: B # x') }), { maxLength: 12 })
  .map((ls) => ls.join('\n'));

/** Lone surrogates, controls, noncharacters, combining marks: what a careless paste can contain. */
export const awkwardUnicode = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\u0085', '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF', '\u0300', '\u202E', '\n', '\r', '1', '.', ' ', '*', 'a)'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 300,
});

const cp1252ish = fc.constantFrom(0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xe9, 0xe3, 0xc7, 0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d);

/** Bytes: bank text with raw bytes spliced in (invalid UTF-8, cp1252, NUL, truncated sequences). */
export const bankBytes = fc
  .tuple(
    bankText,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 8 }),
          fc.array(cp1252ish, { minLength: 1, maxLength: 4 }).map((a) => Uint8Array.from(a)),
          fc.constantFrom(Uint8Array.of(0), Uint8Array.of(0xc3), Uint8Array.of(0xe2, 0x80), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xf4, 0x90, 0x80, 0x80), Uint8Array.of(0xff, 0xfe)),
        ),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([text, inserts]) => {
    let bytes = new TextEncoder().encode(text);
    for (const [at, chunk] of inserts) {
      const i = bytes.length ? at % (bytes.length + 1) : 0;
      const next = new Uint8Array(bytes.length + chunk.length);
      next.set(bytes.subarray(0, i));
      next.set(chunk, i);
      next.set(bytes.subarray(i), i + chunk.length);
      bytes = next;
    }
    return bytes;
  });

/** Completely random bytes, sometimes empty. */
export const randomBytes = fc.uint8Array({ maxLength: 400 });

export type Mutation =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number; to: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'byte'; at: number; byte: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'eol'; to: string }
  | { kind: 'truncate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 400 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(textLine, line.map((l) => `\n${l}\n`), awkwardUnicode) }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('eol' as const), to: fc.constantFrom('\r\n', '\r', '\n') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

const enc = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Applies mutations at the byte level (so a mutation can split a UTF-8 sequence). */
export function mutate(input: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = input;
  for (const m of mutations) {
    const pos = (n: number) => (b.length ? n % (b.length + 1) : 0);
    switch (m.kind) {
      case 'delete': {
        const at = pos(m.at);
        b = concat(b.subarray(0, at), b.subarray(at + m.len));
        break;
      }
      case 'duplicate': {
        const at = pos(m.at);
        const chunk = b.slice(at, at + m.len);
        const to = pos(m.to);
        b = concat(b.subarray(0, to), chunk, b.subarray(to));
        break;
      }
      case 'insert': {
        const at = pos(m.at);
        b = concat(b.subarray(0, at), enc.encode(m.text), b.subarray(at));
        break;
      }
      case 'byte':
        if (b.length) {
          b = b.slice();
          b[m.at % b.length] = m.byte;
        }
        break;
      case 'swap-lines': {
        const text = Buffer.from(b).toString('latin1');
        const lines = text.split('\n');
        if (lines.length > 1) {
          const i = m.a % lines.length;
          const j = m.b % lines.length;
          [lines[i], lines[j]] = [lines[j]!, lines[i]!];
          b = Uint8Array.from(Buffer.from(lines.join('\n'), 'latin1'));
        }
        break;
      }
      case 'eol': {
        const text = Buffer.from(b).toString('latin1').replace(/\r\n|\r|\n/g, m.to);
        b = Uint8Array.from(Buffer.from(text, 'latin1'));
        break;
      }
      case 'truncate':
        b = b.subarray(0, pos(m.at));
        break;
    }
  }
  return b;
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

// Parse a bank from strings, the way the loader does from files.
import { decodeSource } from '../../src/parse/decode.js';
import { splitLines } from '../../src/parse/lines.js';
import { parseKeyFile } from '../../src/parse/key-entries.js';
import { parseBank } from '../../src/parse/parse-bank.js';
import type { Diagnostic } from '../../src/ir/diagnostic.js';

export function parseText(source: string | Uint8Array, opts: { key?: string; id?: string } = {}) {
  const id = opts.id ?? 'bank';
  const path = `sources/${id}.txt`;
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  const decoded = decodeSource(bytes, path);
  const { lines, endings } = splitLines(decoded.text);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  const sidecar =
    opts.key !== undefined
      ? { path: `sources/${id}.key`, entries: parseKeyFile(splitLines(opts.key).lines, `sources/${id}.key`, diagnostics) }
      : undefined;
  const r = parseBank({ id, path, lines, endings, encoding: decoded.encoding, bom: decoded.bom, ...(sidecar ? { sidecar } : {}), defaults: { lang: 'pt-BR', points: 1, shuffle: true } });
  return { bank: r.bank, diagnostics: [...diagnostics, ...r.diagnostics] };
}

export const stems = (src: string, key?: string) => parseText(src, { key }).bank.questions.map((q) => q.stem.markdown);
export const options = (src: string, key?: string) => parseText(src, { key }).bank.questions.map((q) => q.options.map((o) => o.text.markdown));

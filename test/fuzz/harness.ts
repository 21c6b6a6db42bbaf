// The loader's steps for in-memory files (decode → split → key → parse), plus the invariants
// every run must satisfy: a schema-valid IR, and diagnostics that each name a known file, a real
// line and column, and say what is wrong on one line.
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import { ProjectSchema, type Bank, type Project, type Span } from '../../src/ir/schema.js';
import { decodeSource, type Encoding } from '../../src/parse/decode.js';
import { splitLines } from '../../src/parse/lines.js';
import { parseKeyFile } from '../../src/parse/key-entries.js';
import { parseBank } from '../../src/parse/parse-bank.js';

export interface MemFile {
  id: string; // bank id, e.g. 'atendimento' → sources/atendimento.txt
  bytes: Uint8Array;
  key?: Uint8Array;
}

export interface Parsed {
  project: Project;
  diagnostics: Diagnostic[];
  lineCounts: Map<string, number>;
}

export function parseFiles(files: MemFile[], encoding: Encoding | 'auto' = 'utf-8'): Parsed {
  const diagnostics: Diagnostic[] = [];
  const lineCounts = new Map<string, number>();
  const banks: Bank[] = [];
  for (const f of files) {
    const path = `sources/${f.id}.txt`;
    const decoded = decodeSource(f.bytes, path, encoding);
    diagnostics.push(...decoded.diagnostics);
    const { lines, endings } = splitLines(decoded.text);
    lineCounts.set(path, lines.length);
    let sidecar;
    if (f.key) {
      const keyPath = `sources/${f.id}.key`;
      const kd = decodeSource(f.key, keyPath, encoding);
      diagnostics.push(...kd.diagnostics);
      const keyLines = splitLines(kd.text).lines;
      lineCounts.set(keyPath, keyLines.length);
      sidecar = { path: keyPath, entries: parseKeyFile(keyLines, keyPath, diagnostics) };
    }
    const r = parseBank({
      id: f.id,
      path,
      lines,
      endings,
      encoding: decoded.encoding,
      bom: decoded.bom,
      ...(sidecar ? { sidecar } : {}),
      defaults: { lang: 'pt-BR', points: 1, shuffle: true },
    });
    diagnostics.push(...r.diagnostics);
    banks.push(r.bank);
  }
  return { project: { schemaVersion: 1, banks }, diagnostics, lineCounts };
}

export function expectValidIr(project: Project, lineCounts?: Map<string, number>): void {
  const r = ProjectSchema.safeParse(project);
  if (!r.success) throw new Error(`IR does not match its schema: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
  if (!lineCounts) return;
  const inFile = (s: Span, what: string) => {
    const n = lineCounts.get(s.file);
    if (n === undefined) throw new Error(`${what}: span names unknown file ${s.file}`);
    if (s.line > n || s.endLine > n || s.endLine < s.line) throw new Error(`${what}: span ${s.line}-${s.endLine} outside ${s.file} (${n} lines)`);
  };
  for (const b of project.banks) {
    const ids = new Set<string>();
    for (const q of b.questions) {
      if (ids.has(q.id)) throw new Error(`duplicate question id ${q.id}`);
      ids.add(q.id);
      inFile(q.span, `question ${q.number}`);
      inFile(q.stem.span, `stem of ${q.number}`);
      q.options.forEach((o, i) => inFile(o.text.span, `option ${i + 1} of ${q.number}`));
      for (const k of q.key) if (k >= q.options.length) throw new Error(`question ${q.number}: key ${k} out of range`);
    }
  }
}

const severities = new Set(['error', 'warning', 'info']);

/** Every diagnostic points at a real place and reads as one line. */
export function expectCleanDiagnostics(diagnostics: Diagnostic[], lineCounts: Map<string, number>): void {
  for (const d of diagnostics) {
    const where = JSON.stringify(d).slice(0, 300);
    if (typeof d.ruleId !== 'string' || d.ruleId === '') throw new Error(`no rule id: ${where}`);
    if (!severities.has(d.severity)) throw new Error(`bad severity: ${where}`);
    if (typeof d.message !== 'string' || d.message.trim() === '' || /[\r\n]/.test(d.message)) throw new Error(`message is not one line: ${where}`);
    if (d.hint !== undefined && /[\r\n]/.test(d.hint)) throw new Error(`hint is not one line: ${where}`);
    const n = lineCounts.get(d.file);
    if (n === undefined) throw new Error(`unknown file: ${where}`);
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > n) throw new Error(`line out of range (file has ${n}): ${where}`);
    if (!Number.isInteger(d.column) || d.column < 1) throw new Error(`bad column: ${where}`);
  }
}

// Find the bank files, read and decode them, pair each with its sidecar key, parse → Project.
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Bank, Project } from '../ir/schema.js';
import { decodeSource, type Encoding } from '../parse/decode.js';
import { splitLines } from '../parse/lines.js';
import { parseKeyFile } from '../parse/key-entries.js';
import { parseBank } from '../parse/parse-bank.js';
import { UsageError } from './errors.js';

export interface LoadOptions {
  cwd: string;
  inputs: string[]; // globs, files or folders; empty = config sources
  sources: string[]; // config default globs
  ignore?: string[];
  encoding?: Encoding | 'auto';
  lang?: string;
  points?: number;
  shuffle?: boolean;
}

export interface Loaded {
  project: Project;
  diagnostics: Diagnostic[];
  files: string[]; // absolute paths of the bank files read
  lines: Map<string, string[]>; // decoded lines of each bank file (project-relative path), for lint
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function findBankFiles(opts: Pick<LoadOptions, 'cwd' | 'inputs' | 'sources' | 'ignore'>): Promise<string[]> {
  const explicit = opts.inputs.length > 0;
  const patterns: string[] = [];
  for (const input of explicit ? opts.inputs : opts.sources) {
    const abs = path.resolve(opts.cwd, input);
    if (!fg.isDynamicPattern(input) && existsSync(abs)) {
      const st = await stat(abs);
      patterns.push(st.isDirectory() ? `${fg.escapePath(toPosix(path.relative(opts.cwd, abs)) || '.')}/**/*.txt` : fg.escapePath(toPosix(path.relative(opts.cwd, abs))));
    } else if (fg.isDynamicPattern(input)) {
      patterns.push(input);
    } else if (explicit) {
      throw new UsageError(`No such file or folder: ${input}`);
    } else {
      patterns.push(input);
    }
  }
  const found = await fg(patterns, { cwd: opts.cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', ...(opts.ignore ?? [])], followSymbolicLinks: false });
  const files = [...new Set(found.map((f) => path.normalize(f)))].filter((f) => !f.endsWith('.key')).sort();
  if (files.length === 0) {
    const what = explicit ? opts.inputs.join(', ') : opts.sources.join(', ');
    throw new UsageError(`No bank files match ${what}${explicit ? '' : ' (is there a sources/ folder here?)'}`);
  }
  return files;
}

// Bank id: the path under sources/ (or under the working folder) without its extension.
export function bankIdFor(cwd: string, file: string): string {
  let rel = toPosix(path.relative(cwd, file));
  if (rel.startsWith('sources/')) rel = rel.slice('sources/'.length);
  return rel.replace(/\.[^./]+$/, '');
}

export async function loadProject(opts: LoadOptions): Promise<Loaded> {
  const files = await findBankFiles(opts);
  const diagnostics: Diagnostic[] = [];
  const banks: Bank[] = [];
  const sourceLines = new Map<string, string[]>();
  for (const abs of files) {
    const rel = toPosix(path.relative(opts.cwd, abs));
    let bytes: Uint8Array;
    try {
      bytes = await readFile(abs);
    } catch (e) {
      diagnostics.push({ ruleId: 'parse/io', severity: 'error', message: `Cannot read file: ${(e as Error).message}`, file: rel, line: 1, column: 1 });
      continue;
    }
    const decoded = decodeSource(bytes, rel, opts.encoding ?? 'utf-8');
    diagnostics.push(...decoded.diagnostics);
    const { lines, endings } = splitLines(decoded.text);
    sourceLines.set(rel, lines);
    const keyAbs = abs.replace(/\.[^./\\]+$/, '') + '.key';
    let sidecar;
    if (keyAbs !== abs && existsSync(keyAbs)) {
      const keyRel = toPosix(path.relative(opts.cwd, keyAbs));
      try {
        const kd = decodeSource(await readFile(keyAbs), keyRel, opts.encoding ?? 'utf-8');
        diagnostics.push(...kd.diagnostics);
        sidecar = { path: keyRel, entries: parseKeyFile(splitLines(kd.text).lines, keyRel, diagnostics) };
      } catch (e) {
        diagnostics.push({ ruleId: 'parse/io', severity: 'error', message: `Cannot read key file: ${(e as Error).message}`, file: keyRel, line: 1, column: 1 });
      }
    }
    const { bank, diagnostics: pd } = parseBank({
      id: bankIdFor(opts.cwd, abs),
      path: rel,
      lines,
      endings,
      encoding: decoded.encoding,
      bom: decoded.bom,
      ...(sidecar ? { sidecar } : {}),
      defaults: { lang: opts.lang ?? 'pt-BR', points: opts.points ?? 1, shuffle: opts.shuffle ?? true },
    });
    diagnostics.push(...pd);
    banks.push(bank);
  }
  return { project: { schemaVersion: 1, banks }, diagnostics, files, lines: sourceLines };
}

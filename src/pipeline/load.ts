// Find the bank files, read and decode them, pair each with its sidecar key, parse → Project.
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Bank, Project } from '../ir/schema.js';
import { decodeSource, type Decoded, type Encoding } from '../parse/decode.js';
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

/** LoadOptions as a project's config and the command line give them. */
export function loadOptionsFrom(o: { cwd: string; config: Config; inputs: string[]; encoding?: Config['encoding'] }): LoadOptions {
  return {
    cwd: o.cwd,
    inputs: o.inputs,
    sources: o.config.sources,
    ignore: o.config.ignore,
    encoding: o.encoding ?? o.config.encoding,
    lang: o.config.lang,
    points: o.config.points,
    shuffle: o.config.shuffle,
  };
}

export interface Loaded {
  project: Project;
  diagnostics: Diagnostic[];
  files: string[]; // absolute paths of the bank files read
  lines: Map<string, string[]>; // decoded lines of each bank file (project-relative path), for lint
}

const toPosix = (p: string) => p.split(path.sep).join('/');

// Plain paths to existing regular files need no globbing (and fast-glob costs ~35 ms to load):
// only when nothing about them could make fast-glob answer differently.
async function plainFiles(opts: Pick<LoadOptions, 'cwd' | 'inputs' | 'ignore'>): Promise<string[] | undefined> {
  if (opts.inputs.length === 0 || (opts.ignore?.length ?? 0) > 0) return undefined;
  const out: string[] = [];
  for (const input of opts.inputs) {
    if (/[*?[\]{}()!+@\\]/.test(input)) return undefined;
    const abs = path.resolve(opts.cwd, input);
    const rel = toPosix(path.relative(opts.cwd, abs));
    if (rel === '' || rel.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) return undefined;
    try {
      if (!(await lstat(abs)).isFile()) return undefined;
    } catch {
      return undefined;
    }
    out.push(path.normalize(abs));
  }
  return [...new Set(out)].filter((f) => !f.endsWith('.key')).sort();
}

export async function findBankFiles(opts: Pick<LoadOptions, 'cwd' | 'inputs' | 'sources' | 'ignore'>): Promise<string[]> {
  const plain = await plainFiles(opts);
  if (plain?.length) return plain;
  const { default: fg } = await import('fast-glob');
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
  // Relative answers joined here: fast-glob's `absolute` turns a `\` inside a POSIX file name into a
  // separator, so `sources/a\..\..\x.txt` would be read as x.txt two folders up.
  const found = await fg(patterns, { cwd: opts.cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', ...(opts.ignore ?? [])], followSymbolicLinks: false });
  const files = [...new Set(found.map((f) => path.resolve(opts.cwd, f)))].filter((f) => !f.endsWith('.key')).sort();
  if (files.length === 0) {
    const what = explicit ? opts.inputs.join(', ') : opts.sources.join(', ');
    throw new UsageError(`No bank files match ${what}${explicit ? '' : ' (is there a sources/ folder here?)'}`);
  }
  return files;
}

// Bank id: the path under sources/ (or under the working folder) without its extension.
export function bankIdFor(cwd: string, file: string): string {
  // a file named outside the working folder keeps its path without the leading `../` (an id
  // with `..` would lead output paths out of their target's folder)
  let rel = toPosix(path.relative(cwd, file)).replace(/^(?:\.\.\/)+/, '');
  if (rel.startsWith('sources/')) rel = rel.slice('sources/'.length);
  return rel.replace(/\.[^./]+$/, '');
}

// Config globs stay inside the project; a file inside it that is a symlink to a file outside is
// refused (a shared repository must not make a build publish /etc/passwd as questions). A path
// typed on the command line may point anywhere: the user named it.
function refuseOutsideSources(sources: string[]): void {
  for (const s of sources) {
    const norm = path.posix.normalize(s.replace(/\\/g, '/'));
    if (path.isAbsolute(s) || path.win32.isAbsolute(s) || norm === '..' || norm.startsWith('../')) {
      throw new UsageError(`Config "sources" entry "${s}" points outside the project folder; keep the banks inside it`);
    }
  }
}

async function linkedOutside(abs: string, rel: string, realRoot: string): Promise<string | undefined> {
  if (rel.startsWith('../')) return undefined;
  try {
    const real = await realpath(abs);
    return real === realRoot || real.startsWith(realRoot + path.sep) ? undefined : real;
  } catch {
    return undefined; // unreadable: reported when it is read
  }
}

function cannotRead(rel: string, e: unknown): UsageError {
  const err = e as NodeJS.ErrnoException;
  return new UsageError(`Cannot read ${rel}: ${err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'EISDIR' ? 'it is a folder' : err.code ?? err.message}`);
}

// A bank or key file read and decoded (its bytes go when this returns: 400 MB for a million
// questions), or undefined when it links outside the project, which is reported.
async function readSource(abs: string, rel: string, realRoot: string, encoding: Encoding | 'auto', diagnostics: Diagnostic[]): Promise<Decoded | undefined> {
  const outside = await linkedOutside(abs, rel, realRoot);
  if (outside) {
    diagnostics.push({ ruleId: 'parse/link-outside', severity: 'error', message: `${rel} is a link to ${outside}, outside the project folder; it was not read`, hint: 'Copy the file into the project instead of linking to it', file: rel, line: 1, column: 1 });
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(abs);
  } catch (e) {
    throw cannotRead(rel, e);
  }
  const decoded = decodeSource(bytes, rel, encoding);
  for (const d of decoded.diagnostics) diagnostics.push(d); // a loop: a spread of 200k+ overflows the stack
  return decoded;
}

export async function loadProject(opts: LoadOptions): Promise<Loaded> {
  if (opts.inputs.length === 0) refuseOutsideSources(opts.sources);
  const files = await findBankFiles(opts);
  const realRoot = await realpath(opts.cwd).catch(() => path.resolve(opts.cwd));
  const diagnostics: Diagnostic[] = [];
  const banks: Bank[] = [];
  const sourceLines = new Map<string, string[]>();
  for (const abs of files) {
    const rel = toPosix(path.relative(opts.cwd, abs));
    const decoded = await readSource(abs, rel, realRoot, opts.encoding ?? 'utf-8', diagnostics);
    if (!decoded) continue;
    const { lines, endings } = splitLines(decoded.text);
    sourceLines.set(rel, lines);
    const keyAbs = abs.replace(/\.[^./\\]+$/, '') + '.key';
    let sidecar;
    if (keyAbs !== abs && existsSync(keyAbs)) {
      const keyRel = toPosix(path.relative(opts.cwd, keyAbs));
      const kd = await readSource(keyAbs, keyRel, realRoot, opts.encoding ?? 'utf-8', diagnostics);
      if (kd) sidecar = { path: keyRel, entries: parseKeyFile(splitLines(kd.text).lines, keyRel, diagnostics) };
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
    for (const d of pd) diagnostics.push(d);
    banks.push(bank);
  }
  return { project: { schemaVersion: 1, banks }, diagnostics, files, lines: sourceLines };
}

// The shape of an output target. emit() is pure (no fs, no clock): the pipeline writes what it
// returns into a temp folder and renames it into place. check() re-reads the output and
// compares it with the project, so a broken (e.g. user-overridden) template is caught.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Project } from '../ir/schema.js';
import type { TemplateSet } from './templates.js';
import type { AssetLookup } from '../pipeline/assets.js';

// Large outputs are chunks, never one giant string (V8 strings top out near 512 MB). The writer
// batches chunks, so a yielded Uint8Array must not be reused for the next one.
export type Contents = string | Uint8Array | Iterable<string | Uint8Array>;

export interface EmittedFile {
  path: string; // relative to the output folder, with /
  contents: Contents;
}

export interface EmitOptions {
  templates: TemplateSet;
  /** An image referenced from a bank's Markdown, already checked to be a safe, existing file. */
  asset: AssetLookup;
  seed?: number;
  [option: string]: unknown;
}

export interface Emitter {
  target: string;
  description: string;
  emit(project: Project, options: EmitOptions): EmittedFile[] | Promise<EmittedFile[]>;
  check?(files: EmittedFile[], project: Project): Diagnostic[];
}

export function contentsToString(c: Contents): string {
  if (typeof c === 'string') return c;
  const dec = new TextDecoder();
  if (c instanceof Uint8Array) return dec.decode(c);
  let s = '';
  for (const part of c) s += typeof part === 'string' ? part : dec.decode(part);
  return s;
}

// A generator can be read once; the writer and check() both read, so wrap it.
export function reiterable<T>(make: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}

// How much of its output an emitter's check() re-reads. The self-check exists to catch a broken
// template, which in practice means a user's override: the built-in templates are covered by
// the tests (golden files, Moodle's importer, the IMS XSDs), and their output differs from one
// question to the next only through values that were escaped in view code.
//
// Policy:
// - any override template active for the target: everything is re-read, however long it takes
//   (a million Moodle XML questions take minutes; a broken override is worth that);
// - built-in templates only, at most `fullUpTo` (200) questions: everything is re-read;
// - built-in templates only, more questions: the first `head` (10), the first question of every
//   shape (type, shuffle, pinned options, images, option and key counts, feedback) and an
//   evenly spaced sample, `sample` (50) questions in all plus one per shape (11 shapes in the
//   benchmark's banks): a fixed cost whatever the bank's size. Parsing one QTI item back costs
//   0.5-1 ms (fast-xml-parser, validator and parser), so the 2,000 re-read before were most of
//   a 10k- or 100k-question build of that target. Checks that are about the bank rather than the
//   template (Moodle's limits) still cover every question.
// The sample is rendered on its own by the same code as the output, so the check no longer pays
// for producing (and unzipping) the whole output a second time before it is written.
import path from 'node:path';
import type { Question } from '../ir/schema.js';
import { builtinTemplatesDir } from './templates.js';

/** Mutable for tests, which exercise the sampled path on small banks. */
export const selfCheck = { fullUpTo: 200, head: 10, sample: 50 };

export function isBuiltinTemplate(origin: string): boolean {
  return path.resolve(origin).startsWith(builtinTemplatesDir + path.sep);
}

/** True when every template behind a target is a built-in one. */
export function builtinOnly(origins: Iterable<string>): boolean {
  for (const o of origins) if (!isBuiltinTemplate(o)) return false;
  return true;
}

const bit = (b: unknown, at: number): number => (b ? 1 << at : 0);

/**
 * What makes two questions render differently beyond their texts (type, shuffle, pinned options,
 * images, option and key counts, feedback, tags), as one number (no string per question: the
 * shape of every question of a big bank is taken), with one more flag a target may need
 * (Canvas: true/false). Counts above 255 share the last value.
 */
export function questionShapeKey(q: Question, hasImages = false, extra = false): number {
  const f = q.feedback;
  let pinned = false;
  for (const o of q.options) if (o.fixed) pinned = true;
  const type = q.type === 'single' ? 0 : q.type === 'multiple' ? 1 : 2;
  const flags = bit(q.shuffle, 0) | bit(pinned, 1) | bit(hasImages, 2) | bit(f?.general, 3) | bit(f?.correct, 4) | bit(f?.incorrect, 5) | bit(f?.options?.length, 6) | bit(q.tags.length, 7) | bit(extra, 8);
  return ((type * 512 + flags) * 256 + Math.min(q.options.length, 255)) * 256 + Math.min(q.key.length, 255);
}

/**
 * Indexes (ascending) of the items to re-read: all of them when `full` or when there are at most
 * `fullUpTo`, else the deterministic sample described above.
 */
export function sampleIndexes<T>(items: readonly T[], shape: (item: T) => string | number, full: boolean): number[] {
  const n = items.length;
  if (full || n <= selfCheck.fullUpTo) return Array.from({ length: n }, (_, i) => i);
  // A test may lower fullUpTo below the sample size: the sample never exceeds it.
  const size = Math.min(selfCheck.sample, selfCheck.fullUpTo);
  const every = Math.max(1, Math.ceil(n / Math.max(1, size - selfCheck.head)));
  const seen = new Set<string | number>();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = shape(items[i]!);
    const fresh = !seen.has(s);
    if (fresh) seen.add(s);
    if (i < selfCheck.head || i % every === 0 || fresh) out.push(i);
  }
  return out;
}

/** True when a stem or option holds image syntax (the shape's image flag, before assets are resolved). */
export function mentionsImage(q: Question): boolean {
  if (q.stem.markdown.includes('![')) return true;
  for (const o of q.options) if (o.text.markdown.includes('![')) return true;
  return false;
}

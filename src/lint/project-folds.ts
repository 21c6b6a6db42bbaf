// The folded texts of a whole project, for the rules that compare options and stems.
import type { Project, Question } from '../ir/schema.js';
import { foldInto, inTextCache, normalized, normalizeReference, onTextCacheEnd } from './text.js';

// Holding the normalised text of every option and stem of a 100k-question bank as strings cost
// more than the folding itself (half a million strings kept alive through the run: ~0.4 s of
// garbage collection). The rules only need, per question, to compare its options with each
// other (equal? one inside another? how long?) and to find stems that repeat. So one pass
// folds every option into one byte array and keeps, for each stem, its length and a hash;
// strings are made only where a hash repeats. Built once per lint run (withTextCache).
let folds: ProjectFolds | undefined;
onTextCacheEnd(() => (folds = undefined));

/** The folded texts of this project (shared by the rules of one lint run). */
export function projectFolds(project: Project): ProjectFolds {
  if (folds?.project === project) return folds;
  const f = new ProjectFolds(project);
  if (inTextCache()) folds = f;
  return f;
}

/**
 * For each question (in project order) whose normalised stem repeats an earlier one's, calls
 * `found` with the first such earlier question that `alike` accepts; a question with no such
 * twin becomes one for later questions. Stems are found by hash (no string per question) and
 * compared as strings only when a hash repeats. Empty stems, and questions `include` refuses,
 * take no part.
 */
export function eachEarlierTwin(project: Project, opts: { include?: (q: Question) => boolean; alike?: (earlier: Question, q: Question) => boolean }, found: (q: Question, earlier: Question) => void): void {
  const folds = projectFolds(project);
  const firsts = new Map<number, Question | Question[]>();
  folds.questions.forEach((q, qi) => {
    if (folds.stemLength(qi) === 0 || (opts.include && !opts.include(q))) return;
    const hash = folds.stemHash(qi);
    const known = firsts.get(hash);
    if (known === undefined) {
      firsts.set(hash, q);
      return;
    }
    const list = Array.isArray(known) ? known : [known];
    const stem = normalized(q.stem);
    const earlier = list.find((p) => normalized(p.stem) === stem && (!opts.alike || opts.alike(p, q)));
    if (earlier) found(q, earlier);
    else {
      list.push(q);
      if (list.length === 2) firsts.set(hash, list);
    }
  });
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// A stem is folded here, then hashed four bytes at a time (zero-padded).
let stemBytes = new Uint8Array(4096);
let stemWords = new Uint32Array(stemBytes.buffer);

export class ProjectFolds {
  /** Every question of the project in order (banks, then questions): index qi below. */
  readonly questions: Question[] = [];
  /** Option k of the project (k = firstOption[qi] + i) folded is bytes[start[k] … start[k + 1]). */
  private readonly firstOption: Int32Array;
  private readonly start: Int32Array;
  private bytes: Uint8Array;
  /** Options whose fold is not Latin-1 (Greek, CJK …): their normalised text; their byte range is empty. */
  private readonly wide = new Map<number, string>();
  private readonly stemHashes: Int32Array;
  private readonly stemLengths: Int32Array;

  constructor(readonly project: Project) {
    let options = 0;
    for (const b of project.banks)
      for (const q of b.questions) {
        this.questions.push(q);
        options += q.options.length;
      }
    const n = this.questions.length;
    this.firstOption = new Int32Array(n + 1);
    this.start = new Int32Array(options + 1);
    // grown as needed (summing the texts' lengths first cost more than the copies)
    this.bytes = new Uint8Array(options * 64 + 64);
    this.stemHashes = new Int32Array(n);
    this.stemLengths = new Int32Array(n);
    let k = 0;
    let end = 0;
    for (let qi = 0; qi < n; qi++) {
      const q = this.questions[qi]!;
      this.firstOption[qi] = k;
      for (const o of q.options) {
        this.start[k] = end;
        end = this.foldOption(k++, o.text.markdown, end);
      }
      this.foldStem(qi, q.stem.markdown);
    }
    this.firstOption[n] = k;
    this.start[k] = end;
  }

  private foldOption(k: number, s: string, at: number): number {
    if (at + s.length > this.bytes.length) this.grow(at + s.length);
    const end = foldInto(s, this.bytes, at);
    if (end >= 0) return end;
    // ß → ss, ¼ → 1 4, Greek …: the reference, kept as bytes when it is Latin-1
    const r = normalizeReference(s);
    if (!isLatin1(r)) {
      this.wide.set(k, r);
      return at;
    }
    if (at + r.length > this.bytes.length) this.grow(at + r.length);
    for (let i = 0; i < r.length; i++) this.bytes[at + i] = r.charCodeAt(i);
    return at + r.length;
  }

  private grow(min: number): void {
    const bigger = new Uint8Array(Math.max(min, this.bytes.length * 2));
    bigger.set(this.bytes);
    this.bytes = bigger;
  }

  // The hash must depend on the normalised text only, whichever path folded it: Latin-1
  // results are all hashed as bytes, the others (never equal to those) as UTF-16 units.
  private foldStem(qi: number, s: string): void {
    let end = foldInto(s, stemScratch(s.length), 0);
    if (end < 0) {
      const r = normalizeReference(s);
      this.stemLengths[qi] = r.length;
      if (!isLatin1(r)) {
        let h = FNV_OFFSET;
        for (let i = 0; i < r.length; i++) h = Math.imul(h ^ r.charCodeAt(i), FNV_PRIME);
        this.stemHashes[qi] = h;
        return;
      }
      const b = stemScratch(r.length);
      for (let i = 0; i < r.length; i++) b[i] = r.charCodeAt(i);
      end = r.length;
    }
    this.stemLengths[qi] = end;
    const b = stemBytes;
    b[end] = b[end + 1] = b[end + 2] = 0;
    const w = stemWords;
    let h = FNV_OFFSET ^ end;
    for (let i = 0, words = (end + 3) >> 2; i < words; i++) h = Math.imul(h ^ w[i]!, FNV_PRIME);
    this.stemHashes[qi] = h;
  }

  /** Option i of question qi, as an index for the methods below. */
  option(qi: number, i: number): number {
    return this.firstOption[qi]! + i;
  }

  /** normalized(option text).length */
  length(k: number): number {
    const w = this.wide.size === 0 ? undefined : this.wide.get(k);
    return w === undefined ? this.start[k + 1]! - this.start[k]! : w.length;
  }

  /** normalized(a) === normalized(b) */
  same(a: number, b: number): boolean {
    if (this.wide.size && (this.wide.has(a) || this.wide.has(b))) return this.text(a) === this.text(b);
    const sa = this.start[a]!;
    const sb = this.start[b]!;
    const len = this.start[a + 1]! - sa;
    if (this.start[b + 1]! - sb !== len) return false;
    for (let i = 0; i < len; i++) if (this.bytes[sa + i] !== this.bytes[sb + i]) return false;
    return true;
  }

  /** ` ${normalized(outer)} `.includes(` ${normalized(inner)} `): inner's words appear whole, in order, in outer. */
  containsWords(outer: number, inner: number): boolean {
    if (this.wide.size && (this.wide.has(outer) || this.wide.has(inner))) return ` ${this.text(outer)} `.includes(` ${this.text(inner)} `);
    const so = this.start[outer]!;
    const lo = this.start[outer + 1]! - so;
    const si = this.start[inner]!;
    const li = this.start[inner + 1]! - si;
    const b = this.bytes;
    // "  " (an empty text, padded) is only inside another "  "
    if (li === 0) return lo === 0;
    // at each word start of outer: the words of inner, then a word end
    for (let p = 0; p + li <= lo; p++) {
      if (p > 0 && b[so + p - 1] !== 32) continue;
      if (b[so + p] !== b[si] || (p + li < lo && b[so + p + li] !== 32)) continue;
      let i = 1;
      while (i < li && b[so + p + i] === b[si + i]) i++;
      if (i === li) return true;
    }
    return false;
  }

  /** normalized(option text), made on demand. */
  text(k: number): string {
    return this.wide.get(k) ?? Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.start[k]!, this.start[k + 1]! - this.start[k]!).toString('latin1');
  }

  /** normalized(stem).length of question qi. */
  stemLength(qi: number): number {
    return this.stemLengths[qi]!;
  }

  /** A hash of normalized(stem) of question qi: equal stems have equal hashes. */
  stemHash(qi: number): number {
    return this.stemHashes[qi]!;
  }
}

/** The stem scratch, with room for a fold of n units and its padding. */
function stemScratch(n: number): Uint8Array {
  if (n + 4 > stemBytes.length) {
    // a whole number of words, and both views replaced together
    const words = new Uint32Array((n >> 1) + 4);
    stemWords = words;
    stemBytes = new Uint8Array(words.buffer);
  }
  return stemBytes;
}

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

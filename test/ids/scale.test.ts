// 100k questions in 10 files: id matching must follow edits and moves without comparing every
// pair (an O(n²) matcher would not finish here). Timings are printed, not asserted.
import { describe, expect, it } from 'vitest';
import { assignIds, summarizeIds } from '../../src/ids/assign-ids.js';
import { emptyLock, lockToString, parseLock, type Lock } from '../../src/ids/lock-file.js';
import type { Project, Question } from '../../src/ir/schema.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(42);
const vocab = Array.from({ length: 3000 }, (_, i) => `palavra${i.toString(36)}`);
const words = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)]!).join(' ');

interface Spec {
  stem: string;
  options: string[];
}

function project(files: Spec[][]): Project {
  return {
    schemaVersion: 1,
    banks: files.map((qs, f) => ({
      id: `banco${f}`,
      path: `sources/banco${f}.txt`,
      questions: qs.map((s, i) => ({ id: 'x', number: i + 1, bank: `banco${f}`, stem: { markdown: s.stem }, options: s.options.map((o) => ({ text: { markdown: o } })) }) as unknown as Question),
    })) as unknown as Project['banks'],
  };
}

const assign = (p: Project, lock: Lock) => assignIds(p, lock, { lockPath: (x) => x, inScope: () => true });

describe('id matching at 100k questions', () => {
  it('follows 500 edits, 1000 moves, 100 deletions and 100 additions', () => {
    const files: Spec[][] = Array.from({ length: 10 }, () =>
      Array.from({ length: 10_000 }, () => ({ stem: words(12 + Math.floor(rand() * 15)), options: Array.from({ length: 4 }, () => words(3 + Math.floor(rand() * 6))) })),
    );
    let t = performance.now();
    const p1 = project(files);
    const first = assign(p1, emptyLock());
    const firstMs = performance.now() - t;
    const idOf = new Map<Spec, string>();
    files.forEach((qs, f) => qs.forEach((s, i) => idOf.set(s, p1.banks[f]!.questions[i]!.id)));

    const text = lockToString(first.lock);
    t = performance.now();
    const lock = parseLock(text);
    const parseMs = performance.now() - t;

    // edits: two words of the stem replaced in 500 questions of file 1
    const edited = files[1]!.slice(0, 500).map((s) => {
      const w = s.stem.split(' ');
      w[1] = 'editada';
      w[w.length - 2] = 'revisada';
      const e = { stem: w.join(' '), options: s.options };
      idOf.set(e, idOf.get(s)!);
      return e;
    });
    files[1]!.splice(0, 500, ...edited);
    // moves: 1000 questions from file 2 to the end of file 9, 100 of them also edited (the 5000
    // after them in file 2 are renumbered: moved = 6000)
    const moved = files[2]!.splice(4000, 1000).map((s, i) => {
      if (i % 10) return s;
      const e = { stem: s.stem.replace(/^\S+/, 'mudou'), options: s.options };
      idOf.set(e, idOf.get(s)!);
      return e;
    });
    files[9]!.push(...moved);
    // deletions from the end of file 3; additions at the end of file 4
    const deleted = files[3]!.splice(9900, 100).map((s) => idOf.get(s)!);
    const added = Array.from({ length: 100 }, () => ({ stem: words(20), options: [words(4), words(4), words(4)] }));
    files[4]!.push(...added);

    t = performance.now();
    const p2 = project(files);
    const second = assign(p2, lock);
    const secondMs = performance.now() - t;
    console.log(`100k: first assignment ${firstMs.toFixed(0)} ms, lock ${(text.length / 1e6).toFixed(1)} MB parsed in ${parseMs.toFixed(0)} ms, re-assignment after edits ${secondMs.toFixed(0)} ms`);

    let wrong = 0;
    files.forEach((qs, f) =>
      qs.forEach((s, i) => {
        const id = p2.banks[f]!.questions[i]!.id;
        if (idOf.has(s) ? id !== idOf.get(s) : first.lock.entries.some((e) => e.id === id)) wrong++;
      }),
    );
    expect(wrong).toBe(0);
    expect(second.report.retired.map((r) => r.id).sort()).toEqual([...deleted].sort());
    expect(summarizeIds(second.report)).toMatchObject({ new: 100, retired: 100, moved: 6000, edited: 600 });
  }, 120_000);
});

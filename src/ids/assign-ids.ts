// Gives every question of a freshly parsed project its id from the lock file, so the same
// question keeps the same id across edits, option reorders, renumbering and moves between files.
//
// How a question finds its old entry (each step only sees what earlier steps left unmatched):
//   1. same place, same text: same file, same number, same exact-content hash;
//   2. same text elsewhere: same hash in another place (renumbered, moved, file split or
//      renamed); nearest place wins among duplicates; an exact match with a retired entry
//      brings its id back (a deletion that was undone);
//   3. similar text: estimated Jaccard similarity of the shingle sets (see fingerprint.ts) plus a
//      bonus of POSITION_BONUS when the old entry had the same file and number; pairs scoring at
//      least MATCH_THRESHOLD are taken best first. So an edit in place needs similarity ≥ 0.4, an
//      edit that also moved needs ≥ 0.6. Candidates come from LSH buckets over the sketches
//      (21 bands of 3 bytes), never from comparing every pair;
//   4. anything else is new and gets `<bank-slug>-q<number>` (suffixed -2, -3 … when that id was
//      ever used); old entries left over are retired, and retired ids are never given out again.
import type { Project, Question } from '../ir/schema.js';
import { questionId } from '../parse/ids.js';
import { contentHash, decodeSketch, encodeSketch, similarity, sketchOf, SKETCH_BINS, type QuestionText } from './fingerprint.js';
import type { Lock, LockEntry, RetiredEntry } from './lock-file.js';

export const MATCH_THRESHOLD = 0.6;
export const POSITION_BONUS = 0.2;
const BAND_ROWS = 3;
const BANDS = Math.floor(SKETCH_BINS / BAND_ROWS);

export interface Place {
  file: string;
  number: number;
}

export interface IdMatch extends Place {
  id: string;
  /** kept: matched an entry of the lock; restored: matched a retired entry; new: fresh id */
  kind: 'kept' | 'restored' | 'new';
  from?: Place; // where the lock had it, when that differs
  edited?: boolean; // text differs from the locked text
  similarity?: number; // estimated Jaccard, for matches by similar text
}

export interface IdReport {
  matches: IdMatch[]; // one per question in the build, in project order
  retired: (Place & { id: string })[];
  /** old id → new id, for questions whose parser id was replaced */
  renamed: Map<string, string>;
  /** The lock's content changes: anything but every question unchanged in its old place. */
  changed: boolean;
}

export interface AssignOptions {
  /** Path of a bank's source file as the lock file records it (relative to the lock's folder). */
  lockPath(bankPath: string): string;
  /** Whether a locked file takes part in matching; others are carried over untouched (partial builds). */
  inScope(lockFile: string): boolean;
}

interface Item {
  q: Question;
  index: number; // in project order: the tie-breaker that keeps matching deterministic
  file: string;
  here?: LockEntry; // the locked entry at the same file, number (and repeat)
  hash: string;
  sketch?: Uint8Array;
  sketchStr?: string;
  match?: IdMatch;
}

const textOf = (q: Question): QuestionText => ({ stem: q.stem.markdown, options: q.options.map((o) => o.text.markdown) });

/** The exact-content hash the lock records for a question (fingerprint.ts contentHash). */
export const questionHash = (q: Question): string => contentHash(textOf(q));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function assignIds(project: Project, lock: Lock, opts: AssignOptions): { lock: Lock; report: IdReport; hashes: string[] } {
  const candidates: LockEntry[] = [];
  const carried: LockEntry[] = [];
  for (const e of lock.entries) (opts.inScope(e.file) ? candidates : carried).push(e);

  // file → number → entry; a repeated number (a lint error) keeps one place per repeat, in id
  // order. Arrays indexed by number, not Maps: numbers are small and mostly dense, and a Map
  // lookup per question cost ~60 ms at 100k (a cache miss each). The lock file is written in
  // this order, so the sort is usually skipped.
  const byPlace = new Map<string, (LockEntry | LockEntry[] | undefined)[]>();
  const placeOrder = (a: LockEntry, b: LockEntry) => cmp(a.file, b.file) || a.number - b.number || cmp(a.id, b.id);
  let inOrder = true;
  for (let i = 1; i < candidates.length && inOrder; i++) inOrder = placeOrder(candidates[i - 1]!, candidates[i]!) <= 0;
  for (const e of inOrder ? candidates : [...candidates].sort(placeOrder)) {
    let f = byPlace.get(e.file);
    if (!f) byPlace.set(e.file, (f = []));
    const had = f[e.number];
    if (had === undefined) f[e.number] = e;
    else if (Array.isArray(had)) had.push(e);
    else f[e.number] = [had, e];
  }

  const items: Item[] = [];
  for (const bank of project.banks) {
    const file = opts.lockPath(bank.path);
    const locked = byPlace.get(file);
    const repeats: (number | undefined)[] = [];
    for (const q of bank.questions) {
      const k = repeats[q.number] ?? 0;
      repeats[q.number] = k + 1;
      const at = locked?.[q.number];
      const here = at === undefined ? undefined : Array.isArray(at) ? at[k] : k === 0 ? at : undefined;
      items.push({ q, index: items.length, file, here, hash: questionHash(q) });
    }
  }

  const taken = new Set<LockEntry>();

  const keep = (it: Item, e: LockEntry, sim?: number) => {
    taken.add(e);
    const moved = e.file !== it.file || e.number !== it.q.number;
    const m: IdMatch = { id: e.id, kind: 'kept', file: it.file, number: it.q.number };
    if (moved) m.from = { file: e.file, number: e.number };
    if (e.hash !== it.hash) m.edited = true;
    if (sim !== undefined) m.similarity = Math.round(sim * 100) / 100;
    it.match = m;
    if (e.hash === it.hash) it.sketchStr = e.sketch;
  };

  // 1. same place, same text
  let unchanged = 0;
  for (const it of items) {
    if (it.here && it.here.hash === it.hash) {
      keep(it, it.here);
      unchanged++;
    }
  }

  // 2. same text elsewhere; nearest place first (same file, then closest number)
  const byHash = new Map<string, LockEntry[]>();
  for (const e of candidates) {
    if (taken.has(e)) continue;
    let list = byHash.get(e.hash);
    if (!list) byHash.set(e.hash, (list = []));
    list.push(e);
  }
  const retiredByHash = new Map<string, RetiredEntry>();
  for (const r of lock.retired) if (!retiredByHash.has(r.hash)) retiredByHash.set(r.hash, r);
  const restored = new Set<RetiredEntry>();
  for (const it of items) {
    if (it.match) continue;
    const list = byHash.get(it.hash)?.filter((e) => !taken.has(e));
    if (list && list.length) {
      const distance = (e: LockEntry) => (e.file === it.file ? 0 : 1e9) + Math.abs(e.number - it.q.number);
      list.sort((a, b) => distance(a) - distance(b) || cmp(a.id, b.id));
      keep(it, list[0]!);
      continue;
    }
    const r = retiredByHash.get(it.hash);
    if (r && !restored.has(r)) {
      restored.add(r);
      it.match = { id: r.id, kind: 'restored', file: it.file, number: it.q.number };
      it.sketchStr = r.sketch;
    }
  }

  // 3. similar text: candidates from LSH buckets (plus the entry at the same place)
  const open = items.filter((it) => !it.match);
  if (open.length) {
    const left = candidates.filter((e) => !taken.has(e));
    const sketches = new Map<LockEntry, Uint8Array>();
    const buckets = new Map<number, LockEntry[]>();
    for (const e of left) {
      const s = decodeSketch(e.sketch);
      if (!s) continue; // a hand-edited sketch: that entry can still match exactly, not fuzzily
      sketches.set(e, s);
      for (const key of bandKeys(s)) {
        let b = buckets.get(key);
        if (!b) buckets.set(key, (b = []));
        b.push(e);
      }
    }
    const pairs: { it: Item; e: LockEntry; sim: number; score: number; samePlace: boolean }[] = [];
    for (const it of open) {
      it.sketch = sketchOf(textOf(it.q));
      const seen = new Set<LockEntry>();
      const here = it.here;
      const consider = (e: LockEntry) => {
        if (seen.has(e) || taken.has(e)) return;
        seen.add(e);
        const s = sketches.get(e);
        if (!s) return;
        const sim = similarity(it.sketch!, s);
        const samePlace = e === here;
        const score = sim + (samePlace ? POSITION_BONUS : 0);
        if (score >= MATCH_THRESHOLD) pairs.push({ it, e, sim, score, samePlace });
      };
      if (here) consider(here);
      for (const key of bandKeys(it.sketch)) for (const e of buckets.get(key) ?? []) consider(e);
    }
    pairs.sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.samePlace) - Number(a.samePlace) ||
        a.it.index - b.it.index ||
        cmp(a.e.id, b.e.id),
    );
    for (const p of pairs) {
      if (p.it.match || taken.has(p.e)) continue;
      keep(p.it, p.e, p.sim);
    }
  }

  // 4. new ids; never one that was ever used
  let used: Set<string> | undefined;
  for (const it of items) {
    if (it.match) continue;
    used ??= new Set<string>([...lock.entries.map((e) => e.id), ...lock.retired.map((e) => e.id)]);
    const base = questionId(it.q.bank, it.q.number);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    it.match = { id, kind: 'new', file: it.file, number: it.q.number };
  }

  const renamed = new Map<string, string>();
  const entries: LockEntry[] = [...carried];
  for (const it of items) {
    const m = it.match!;
    if (it.q.id !== m.id) renamed.set(it.q.id, m.id);
    it.q.id = m.id;
    const e = it.here;
    if (e && e.id === m.id && e.hash === it.hash) entries.push(e); // unchanged in place: the same entry
    else entries.push({ file: it.file, number: it.q.number, id: m.id, hash: it.hash, sketch: it.sketchStr ?? encodeSketch(it.sketch ?? sketchOf(textOf(it.q))) });
  }
  const retiredNow = candidates.filter((e) => !taken.has(e));
  const retired: RetiredEntry[] = [
    ...lock.retired.filter((r) => !restored.has(r)),
    ...retiredNow.map((e) => ({ id: e.id, hash: e.hash, sketch: e.sketch })),
  ];
  return {
    lock: { entries, retired },
    hashes: items.map((it) => it.hash),
    report: {
      matches: items.map((it) => it.match!),
      retired: retiredNow.map((e) => ({ id: e.id, file: e.file, number: e.number })),
      renamed,
      changed: unchanged !== items.length || unchanged !== candidates.length || restored.size > 0,
    },
  };
}

function bandKeys(s: Uint8Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    const i = b * BAND_ROWS;
    keys.push(b * 0x1000000 + ((s[i]! << 16) | (s[i + 1]! << 8) | s[i + 2]!));
  }
  return keys;
}

export interface IdSummary {
  kept: number;
  moved: number; // includes renumbered
  edited: number;
  restored: number;
  new: number;
  retired: number;
}

export function summarizeIds(report: IdReport): IdSummary {
  const s: IdSummary = { kept: 0, moved: 0, edited: 0, restored: 0, new: 0, retired: report.retired.length };
  for (const m of report.matches) {
    if (m.kind === 'new') s.new++;
    else if (m.kind === 'restored') s.restored++;
    else {
      s.kept++;
      if (m.from) s.moved++;
      if (m.edited) s.edited++;
    }
  }
  return s;
}

/** Lines describing the matches that were not trivial (moved, edited, restored, retired). */
export function describeMatches(report: IdReport): string[] {
  const lines: string[] = [];
  for (const m of report.matches) {
    if (m.kind === 'new') continue;
    if (m.kind === 'restored') {
      lines.push(`${m.id}  ${m.file} #${m.number}  restored (same text as a deleted question)`);
      continue;
    }
    if (!m.from && !m.edited) continue;
    const where = !m.from ? `${m.file} #${m.number}` : m.from.file === m.file ? `${m.file} #${m.from.number} → #${m.number}` : `${m.from.file} #${m.from.number} → ${m.file} #${m.number}`;
    const how = m.edited ? (m.similarity !== undefined ? `edited, similarity ${m.similarity.toFixed(2)}` : 'edited') : 'same text';
    lines.push(`${m.id}  ${where}  (${how})`);
  }
  for (const r of report.retired) lines.push(`${r.id}  ${r.file} #${r.number}  retired (no longer in the sources)`);
  return lines;
}

// Counts that tell a trainer (and a pull-request reviewer) the shape of a bank: how many
// questions per file, category, type and tag, how much of it has an answer key, whether the
// correct answers lean on one letter, and how many options questions have.
import type { Project } from '../ir/schema.js';

export interface BankStats {
  files: number;
  questions: number;
  byFile: { file: string; questions: number; keyed: number }[];
  byCategory: Record<string, number>;
  byType: Record<string, number>;
  byTag: Record<string, number>;
  untagged: number;
  key: { keyed: number; total: number; coverage: number; missing: { file: string; number: number }[] };
  /** Correct options by position (A = first option as written), over all keyed questions. */
  keyLetters: Record<string, number>;
  /** Questions by number of options. */
  optionCounts: Record<string, number>;
}

const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `#${i + 1}`);
const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sorted(r: Record<string, number>, byKey = false): Record<string, number> {
  const entries = Object.entries(r).sort(byKey ? (a, b) => cmp(a[0], b[0]) : (a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  return Object.fromEntries(entries);
}

export function computeStats(project: Project): BankStats {
  const byCategory: Record<string, number> = {};
  const byType: Record<string, number> = { single: 0, multiple: 0, truefalse: 0 };
  const byTag: Record<string, number> = {};
  const keyLetters: Record<string, number> = {};
  const optionCounts: Record<string, number> = {};
  const missing: { file: string; number: number }[] = [];
  const byFile: BankStats['byFile'] = [];
  let questions = 0;
  let keyed = 0;
  let untagged = 0;
  let maxOptions = 0;
  for (const bank of project.banks) {
    let fileKeyed = 0;
    for (const q of bank.questions) {
      questions++;
      bump(byCategory, q.category);
      bump(byType, q.type);
      if (q.tags.length === 0) untagged++;
      for (const t of new Set(q.tags)) bump(byTag, t);
      bump(optionCounts, String(q.options.length));
      maxOptions = Math.max(maxOptions, q.options.length);
      if (q.key.length > 0) {
        keyed++;
        fileKeyed++;
        for (const k of q.key) bump(keyLetters, letter(k));
      } else missing.push({ file: bank.path, number: q.number });
    }
    byFile.push({ file: bank.path, questions: bank.questions.length, keyed: fileKeyed });
  }
  // every letter up to the widest question, so a never-keyed "D" shows as 0
  for (let i = 0; i < Math.min(maxOptions, 26); i++) keyLetters[letter(i)] ??= 0;
  const orderedLetters = Object.fromEntries(
    Object.entries(keyLetters).sort((a, b) => {
      const ia = a[0].startsWith('#') ? Number(a[0].slice(1)) - 1 : a[0].charCodeAt(0) - 65;
      const ib = b[0].startsWith('#') ? Number(b[0].slice(1)) - 1 : b[0].charCodeAt(0) - 65;
      return ia - ib;
    }),
  );
  return {
    files: project.banks.length,
    questions,
    byFile,
    byCategory: sorted(byCategory),
    byType,
    byTag: sorted(byTag),
    untagged,
    key: { keyed, total: questions, coverage: questions ? keyed / questions : 1, missing },
    keyLetters: orderedLetters,
    optionCounts: Object.fromEntries(Object.entries(optionCounts).sort((a, b) => Number(a[0]) - Number(b[0]))),
  };
}

const pct = (n: number, total: number) => (total ? `${Math.round((n / total) * 100)}%` : '–');

function bar(n: number, max: number, width = 20): string {
  return max ? '█'.repeat(Math.round((n / max) * width)) : '';
}

/** Plain-text tables for the terminal. */
export function formatStatsTable(s: BankStats): string {
  const out: string[] = [];
  const table = (title: string, rows: [string, string | number, string?][]) => {
    out.push(title);
    const w0 = Math.max(...rows.map((r) => r[0].length), 4);
    const w1 = Math.max(...rows.map((r) => String(r[1]).length), 1);
    for (const [a, b, c] of rows) out.push(`  ${a.padEnd(w0)}  ${String(b).padStart(w1)}${c ? `  ${c}` : ''}`.trimEnd());
    out.push('');
  };
  out.push(`${s.questions} question${s.questions === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}`, '');
  table('Files', s.byFile.map((f) => [f.file, f.questions, `${f.keyed} keyed`]));
  table('Categories', Object.entries(s.byCategory).map(([k, v]) => [k, v, pct(v, s.questions)]));
  table('Types', Object.entries(s.byType).map(([k, v]) => [k, v, pct(v, s.questions)]));
  const tags = Object.entries(s.byTag);
  table('Tags', [...tags.map(([k, v]): [string, number, string] => [k, v, pct(v, s.questions)]), ['(no tag)', s.untagged, pct(s.untagged, s.questions)]]);
  out.push(`Answer key: ${s.key.keyed} of ${s.key.total} questions keyed (${pct(s.key.keyed, s.key.total)})`);
  for (const m of s.key.missing.slice(0, 10)) out.push(`  no key: ${m.file} question ${m.number}`);
  if (s.key.missing.length > 10) out.push(`  … and ${s.key.missing.length - 10} more`);
  out.push('');
  const letters = Object.entries(s.keyLetters);
  const totalLetters = letters.reduce((n, [, v]) => n + v, 0);
  const maxLetter = Math.max(0, ...letters.map(([, v]) => v));
  table('Correct answer by position', letters.map(([k, v]) => [k, v, `${pct(v, totalLetters).padStart(4)}  ${bar(v, maxLetter)}`]));
  const counts = Object.entries(s.optionCounts);
  const maxCount = Math.max(0, ...counts.map(([, v]) => v));
  table('Options per question', counts.map(([k, v]) => [k, v, `${pct(v, s.questions).padStart(4)}  ${bar(v, maxCount)}`]));
  return out.join('\n').trimEnd() + '\n';
}

const md = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);

/** A short Markdown summary for a pull-request comment or a CI job summary. */
export function formatStatsMarkdown(s: BankStats): string {
  const out: string[] = [];
  out.push(`### Question bank: ${s.questions} question${s.questions === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}`, '');
  const cov = s.key.total ? Math.round(s.key.coverage * 100) : 100;
  out.push(s.key.missing.length ? `⚠️ **Answer key: ${cov}%** (${s.key.missing.length} question${s.key.missing.length === 1 ? '' : 's'} without a key)` : `✅ **Answer key: ${cov}%**`, '');
  out.push('| File | Questions | Keyed |', '| --- | ---: | ---: |');
  for (const f of s.byFile) out.push(`| ${md(f.file)} | ${f.questions} | ${f.keyed} |`);
  out.push('');
  const types = Object.entries(s.byType).filter(([, v]) => v > 0);
  out.push(`**Types:** ${types.map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}  `);
  out.push(`**Categories:** ${Object.entries(s.byCategory).map(([k, v]) => `${md(k)} ${v}`).join(', ') || 'none'}  `);
  const tags = Object.entries(s.byTag);
  out.push(`**Tags:** ${tags.length ? tags.map(([k, v]) => `${md(k)} ${v}`).join(', ') : 'none'}${s.untagged ? ` (${s.untagged} untagged)` : ''}`, '');
  const letters = Object.entries(s.keyLetters);
  const totalLetters = letters.reduce((n, [, v]) => n + v, 0);
  if (letters.length) {
    out.push('<details><summary>Correct answer by position and options per question</summary>', '');
    out.push(`| Position | ${letters.map(([k]) => md(k)).join(' | ')} |`, `| --- |${letters.map(() => ' ---: |').join('')}`);
    out.push(`| Correct answers | ${letters.map(([, v]) => `${v} (${pct(v, totalLetters)})`).join(' | ')} |`, '');
    const counts = Object.entries(s.optionCounts);
    out.push(`| Options | ${counts.map(([k]) => k).join(' | ')} |`, `| --- |${counts.map(() => ' ---: |').join('')}`);
    out.push(`| Questions | ${counts.map(([, v]) => v).join(' | ')} |`, '', '</details>');
  }
  return out.join('\n') + '\n';
}

export function formatStatsJson(s: BankStats): string {
  return JSON.stringify({ version: 1, ...s }, null, 2) + '\n';
}

export const statsFormats: Record<string, (s: BankStats) => string> = {
  table: formatStatsTable,
  json: formatStatsJson,
  markdown: formatStatsMarkdown,
};

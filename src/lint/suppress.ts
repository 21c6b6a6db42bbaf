// Inline suppression in bank files. A disable is a whole-line comment, which the parser never
// reads as question text, so it cannot collide with real content:
//
//   <!-- qbank-disable-next-question near-duplicate, option-overlap -- asked on purpose twice -->
//   <!-- qbank-disable-file smart-quotes -- quotes copied from the official manual -->
//
// It names rules (never "all") and a reason after `--`. run-lint applies it; rules never see it.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Bank, Project, Span } from '../ir/schema.js';

export interface Directive {
  kind: 'next-question' | 'file';
  rules: string[]; // canonical rule ids
  span: Span; // of the comment
  bank: Bank;
  questionId?: string; // next-question: the question it covers
  from: number; // lines it covers (next-question: the question's lines)
  to: number;
  used: Set<string>;
}

export interface Problem {
  span: Span;
  message: string;
  hint?: string;
}

const directiveLine = /^qbank-([a-z-]+)(?:\s+([\s\S]*?))?\s*$/;
const kinds: Record<string, Directive['kind']> = { 'disable-next-question': 'next-question', 'disable-file': 'file' };

/**
 * Reads the directives of every bank. `resolve` maps a rule id or alias to its canonical id
 * (undefined: unknown). `suggest` proposes a near id for a typo.
 */
export function readDirectives(project: Project, resolve: (id: string) => string | undefined, suggest: (id: string) => string): { directives: Directive[]; problems: Problem[] } {
  const directives: Directive[] = [];
  const problems: Problem[] = [];
  for (const bank of project.banks) {
    if (bank.comments.length === 0) continue;
    for (const c of bank.comments) {
      const m = directiveLine.exec(c.text);
      if (!m) continue;
      const kind = kinds[m[1]!];
      if (!kind) {
        problems.push({ span: c.span, message: `Unknown directive "qbank-${m[1]}"`, hint: 'Use qbank-disable-next-question or qbank-disable-file' });
        continue;
      }
      const body = m[2] ?? '';
      const sep = body.search(/(^|\s)--(\s|$)/);
      const list = (sep === -1 ? body : body.slice(0, sep)).trim();
      const reason = sep === -1 ? '' : body.slice(sep).replace(/^\s*--/, '').trim();
      const names = list.split(/[\s,]+/).filter(Boolean);
      if (names.length === 0) {
        problems.push({ span: c.span, message: `qbank-${m[1]} names no rule`, hint: 'Name the rule(s) to disable, e.g. qbank-disable-next-question near-duplicate -- reason' });
        continue;
      }
      const rules: string[] = [];
      for (const n of names) {
        const id = resolve(n);
        if (id) rules.push(id);
        else problems.push({ span: c.span, message: `qbank-${m[1]} names an unknown rule "${n}"${suggest(n)}`, hint: 'Run `qbank rules` for the list of rule ids' });
      }
      if (!reason) problems.push({ span: c.span, message: `qbank-${m[1]} gives no reason`, hint: 'Add the reason after " -- ", e.g. -- the figure differs' });
      if (rules.length === 0) continue;
      if (kind === 'file') {
        directives.push({ kind, rules, span: c.span, bank, from: 1, to: Infinity, used: new Set() });
        continue;
      }
      const qi = bank.questions.findIndex((q) => q.span.line > c.span.line);
      if (qi === -1) {
        problems.push({ span: c.span, message: 'qbank-disable-next-question has no question after it', hint: 'Put it on the line before the question it is about' });
        continue;
      }
      const q = bank.questions[qi]!;
      const next = bank.questions[qi + 1];
      directives.push({ kind, rules, span: c.span, bank, questionId: q.id, from: q.span.line, to: next ? next.span.line - 1 : Infinity, used: new Set() });
    }
  }
  return { directives, problems };
}

// A directive covers a finding in its question (by id, or by line in the bank file), and a
// pairwise finding (near-duplicate …) whose other location is in its question.
function covers(d: Directive, diag: Diagnostic, questionBank: Map<string, string>): boolean {
  const path = d.bank.path;
  if (d.kind === 'file') {
    if (diag.file === path || diag.file === d.bank.keyPath) return true;
    return diag.questionId !== undefined && questionBank.get(diag.questionId) === d.bank.id;
  }
  if (diag.questionId !== undefined && diag.questionId === d.questionId) return true;
  if (diag.file === path && diag.line >= d.from && diag.line <= d.to && diag.questionId === undefined) return true;
  return diag.related?.some((r) => r.span.file === path && r.span.line >= d.from && r.span.line <= d.to) ?? false;
}

/** Drops the findings a directive covers and marks the directive used. */
export function applyDirectives(diags: Diagnostic[], directives: Directive[], project: Project): Diagnostic[] {
  if (directives.length === 0) return diags;
  const byRule = new Map<string, Directive[]>();
  for (const d of directives) for (const r of d.rules) byRule.set(r, [...(byRule.get(r) ?? []), d]);
  const questionBank = new Map<string, string>();
  for (const b of project.banks) if (b.comments.length) for (const q of b.questions) questionBank.set(q.id, b.id);
  return diags.filter((diag) => {
    const ds = byRule.get(diag.ruleId);
    if (!ds) return true;
    let suppressed = false;
    for (const d of ds)
      if (covers(d, diag, questionBank)) {
        d.used.add(diag.ruleId);
        suppressed = true;
      }
    return !suppressed;
  });
}

// One finding, from the parser or a lint rule. Reporters are pure functions over these.
import type { Span } from './schema.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  ruleId: string; // 'missing-answer', or 'parse/<name>' for syntax problems
  severity: Severity;
  message: string; // what is wrong: one sentence, no final period
  hint?: string; // what to do
  file: string; // relative, with /
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  questionId?: string;
  related?: { message: string; span: Span }[];
}

export function atSpan(span: Span): Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

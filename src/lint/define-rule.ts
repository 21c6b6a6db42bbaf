// The shape of a lint rule: metadata for `qbank rules`, SARIF and the docs, plus a check over
// the whole project (so rules can compare across files).
import type { z } from 'zod';
import type { Diagnostic, Severity } from '../ir/diagnostic.js';
import type { Project, Span } from '../ir/schema.js';

export type RuleCategory = 'problem' | 'flaw' | 'style' | 'portability' | 'hygiene';

export interface Report {
  at: Span;
  message: string;
  hint?: string;
  questionId?: string;
  related?: Diagnostic['related'];
}

export interface RuleContext<O> {
  options: O;
  targets: readonly string[]; // formats being built (portability rules warn only for these)
}

export interface Rule<O = Record<string, never>> {
  id: string;
  category: RuleCategory;
  severity: Severity; // default; config may override
  description: string; // one line
  docs: string; // rationale, then a bad and a good example
  /** Reported by the parser rather than by check(); listed so config and docs know it. */
  fromParser?: boolean;
  optionsSchema?: z.ZodType<O>;
  defaultOptions?: O;
  check(project: Project, report: (r: Report) => void, ctx: RuleContext<O>): void;
}

export function defineRule<O = Record<string, never>>(rule: Rule<O>): Rule<O> {
  return rule;
}

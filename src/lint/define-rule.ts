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
  /** The decoded lines of a bank file as read (endings removed), when the loader kept them. */
  sourceLines(file: string): readonly string[] | undefined;
}

export interface Rule<O = Record<string, never>> {
  id: string;
  /** Former ids: config and inline disables naming them still work. */
  aliases?: string[];
  category: RuleCategory;
  severity: Severity; // default; config may override
  description: string; // one line
  docs: string; // rationale, then a bad and a good example
  /** Reported outside check(): by the parser/loader, or by the lint engine itself. */
  fromParser?: boolean;
  reportedBy?: 'parser' | 'loader' | 'engine';
  /** Portability rules: the targets they speak for (they stay silent unless one is built). */
  targets?: string[];
  optionsSchema?: z.ZodType<O>;
  defaultOptions?: O;
  check(project: Project, report: (r: Report) => void, ctx: RuleContext<O>): void;
}

export function defineRule<O = Record<string, never>>(rule: Rule<O>): Rule<O> {
  return rule;
}

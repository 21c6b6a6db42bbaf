// Runs every enabled rule over the project and applies configuration: severities (global and
// per-glob overrides) and rule options. Rules never see config; they report, this decides.
import picomatch from 'picomatch';
import type { Config, RuleSetting, RuleSeverity } from '../config/schema.js';
import { compareDiagnostics, type Diagnostic, type Severity } from '../ir/diagnostic.js';
import type { Project } from '../ir/schema.js';
import { rules as allRules } from './index.js';
import type { Rule } from './define-rule.js';

export interface LintOptions {
  config?: Pick<Config, 'rules' | 'overrides'>;
  targets?: readonly string[];
  rules?: Rule<any>[];
}

const toSeverity: Record<Exclude<RuleSeverity, 'off'>, Severity> = { info: 'info', warn: 'warning', error: 'error' };

function settingLevel(s: RuleSetting): RuleSeverity {
  return typeof s === 'string' ? s : s[0];
}

export function lintProject(project: Project, parseDiagnostics: Diagnostic[], opts: LintOptions = {}): Diagnostic[] {
  const rules = opts.rules ?? allRules;
  const config = opts.config ?? { rules: {}, overrides: [] };
  const overrides = config.overrides.map((o) => ({ match: picomatch(o.files, { dot: true }), rules: o.rules }));

  // severity for a rule in a file; undefined = off
  const levelFor = (ruleId: string, file: string, fallback: Severity): Severity | undefined => {
    let setting: RuleSetting | undefined = config.rules[ruleId];
    for (const o of overrides) if (o.rules[ruleId] !== undefined && o.match(file)) setting = o.rules[ruleId];
    if (setting === undefined) return fallback;
    const level = settingLevel(setting);
    return level === 'off' ? undefined : toSeverity[level];
  };

  const out: Diagnostic[] = [];
  const push = (d: Diagnostic, fallback: Severity) => {
    const severity = levelFor(d.ruleId, d.file, fallback);
    if (severity) out.push({ ...d, severity });
  };
  for (const d of parseDiagnostics) push(d, d.severity);

  for (const rule of rules) {
    if (rule.fromParser) continue;
    const global = config.rules[rule.id];
    const anyOverride = config.overrides.some((o) => o.rules[rule.id] !== undefined && settingLevel(o.rules[rule.id]!) !== 'off');
    if (global !== undefined && settingLevel(global) === 'off' && !anyOverride) continue;
    const raw = global !== undefined && typeof global !== 'string' ? global[1] : undefined;
    const options = rule.optionsSchema ? rule.optionsSchema.parse({ ...(rule.defaultOptions ?? {}), ...(raw ?? {}) }) : (rule.defaultOptions ?? {});
    rule.check(
      project,
      (r) =>
        push(
          {
            ruleId: rule.id,
            severity: rule.severity,
            message: r.message,
            ...(r.hint ? { hint: r.hint } : {}),
            file: r.at.file,
            line: r.at.line,
            column: r.at.column,
            endLine: r.at.endLine,
            endColumn: r.at.endColumn,
            ...(r.questionId ? { questionId: r.questionId } : {}),
            ...(r.related ? { related: r.related } : {}),
          },
          rule.severity,
        ),
      { options, targets: opts.targets ?? [] },
    );
  }
  return out.sort(compareDiagnostics);
}

// Runs every enabled rule over the project and applies, in this order: configuration
// (severities, global and per-glob; rule options), inline disables (and reports the unused or
// malformed ones), then the --changed filter. Rules never see config; they report, this decides.
import { createRequire } from 'node:module';
import type { Config, RuleSetting, RuleSeverity } from '../config/schema.js';
import { compareDiagnostics, type Diagnostic, type Severity } from '../ir/diagnostic.js';
import type { Project, Span } from '../ir/schema.js';
import { resolveRuleId, rules as allRules } from './index.js';
import type { Report, Rule } from './define-rule.js';
import { applyDirectives, readDirectives } from './suppress.js';
import { withTextCache } from './text.js';
import { suggest } from '../util/did-you-mean.js';

// picomatch is needed only for per-glob overrides: required when a config has them, rather than
// compiled and run on every start of `qbank lint` (~5 ms of the sample bank's 150).
const requireHere = createRequire(import.meta.url);
const glob = (patterns: string[]) => (requireHere('picomatch') as typeof import('picomatch'))(patterns, { dot: true });

export interface LintOptions {
  config?: Pick<Config, 'rules' | 'overrides'>;
  targets?: readonly string[];
  rules?: Rule<any>[];
  /** Decoded lines of each bank file (project-relative path), for the text-hygiene rules. */
  sourceLines?: (file: string) => readonly string[] | undefined;
  /** Report only findings in these files (project-relative); rules still see every file. */
  onlyFiles?: ReadonlySet<string>;
  /** Reports of some rules computed elsewhere (a worker thread: see parallel-lint.ts), by rule id. */
  external?: ReadonlyMap<string, Report[]>;
}

type LintConfig = LintOptions['config'];

const toSeverity: Record<Exclude<RuleSeverity, 'off'>, Severity> = { info: 'info', warn: 'warning', error: 'error' };

export function settingLevel(s: RuleSetting): RuleSeverity {
  return typeof s === 'string' ? s : s[0];
}

// Config may name a rule by a former id; settings are looked up by canonical id.
function canonical(map: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [k, v] of Object.entries(map)) out[resolveRuleId(k) ?? k] = v;
  return out;
}

/** The rules that run under this config and these targets, with their options. */
export function enabledRules(rules: Rule<any>[], config: LintConfig, targets: readonly string[] | undefined): { rule: Rule<any>; options: unknown }[] {
  const globalRules = canonical(config?.rules ?? {});
  const overrides = (config?.overrides ?? []).map((o) => canonical(o.rules));
  const out: { rule: Rule<any>; options: unknown }[] = [];
  for (const rule of rules) {
    if (rule.fromParser || rule.reportedBy) continue;
    const global = globalRules[rule.id];
    const anyOverride = overrides.some((o) => o[rule.id] !== undefined && settingLevel(o[rule.id]!) !== 'off');
    if (global !== undefined && settingLevel(global) === 'off' && !anyOverride) continue;
    if (rule.targets && !rule.targets.some((t) => targets?.includes(t))) continue;
    const raw = global !== undefined && typeof global !== 'string' ? global[1] : undefined;
    const options = rule.optionsSchema ? rule.optionsSchema.parse({ ...(rule.defaultOptions ?? {}), ...(raw ?? {}) }) : (rule.defaultOptions ?? {});
    out.push({ rule, options });
  }
  return out;
}

/** Runs these rules' checks alone and returns their raw reports (a worker thread's share of a lint). */
export function ruleReports(project: Project, rules: Rule<any>[], opts: Pick<LintOptions, 'config' | 'targets' | 'sourceLines'>): Map<string, Report[]> {
  const out = new Map<string, Report[]>();
  withTextCache(() => {
    for (const { rule, options } of enabledRules(rules, opts.config, opts.targets)) {
      const reports: Report[] = [];
      rule.check(project, (r) => reports.push(r), { options, targets: opts.targets ?? [], sourceLines: opts.sourceLines ?? (() => undefined) });
      out.set(rule.id, reports);
    }
  });
  return out;
}

export function lintProject(project: Project, parseDiagnostics: Diagnostic[], opts: LintOptions = {}): Diagnostic[] {
  return withTextCache(() => lintWithCache(project, parseDiagnostics, opts));
}

function lintWithCache(project: Project, parseDiagnostics: Diagnostic[], opts: LintOptions): Diagnostic[] {
  const rules = opts.rules ?? allRules;
  const globalRules = canonical(opts.config?.rules ?? {});
  const overrides = (opts.config?.overrides ?? []).map((o) => ({ match: glob(o.files), rules: canonical(o.rules) }));

  // severity for a rule in a file; undefined = off
  const levelFor = (ruleId: string, file: string, fallback: Severity): Severity | undefined => {
    let setting: RuleSetting | undefined = globalRules[ruleId];
    for (const o of overrides) if (o.rules[ruleId] !== undefined && o.match(file)) setting = o.rules[ruleId];
    if (setting === undefined) return fallback;
    const level = settingLevel(setting);
    return level === 'off' ? undefined : toSeverity[level];
  };
  const defaultSeverity = new Map(rules.map((r) => [r.id, r.severity]));

  const out: Diagnostic[] = [];
  const push = (d: Diagnostic, fallback: Severity) => {
    const severity = levelFor(d.ruleId, d.file, fallback);
    if (severity) out.push(severity === d.severity ? d : { ...d, severity });
  };
  for (const d of parseDiagnostics) push(d, d.severity);

  const sourceLines = opts.sourceLines ?? (() => undefined);
  for (const { rule, options } of enabledRules(rules, opts.config, opts.targets)) {
    // A big bank has tens of thousands of findings, mostly of a few rules, in file order: the
    // severity is looked up (picomatch, with overrides) once per run of findings in one file,
    // and each diagnostic is built once, with its keys in the order of the JSON output.
    let lastFile: string | undefined;
    let severity: Severity | undefined;
    const report = (r: Report) => {
      const at = r.at;
      if (at.file !== lastFile) {
        lastFile = at.file;
        severity = levelFor(rule.id, at.file, rule.severity);
      }
      if (!severity) return;
      const d = { ruleId: rule.id, severity, message: r.message } as Diagnostic;
      if (r.hint) d.hint = r.hint;
      d.file = at.file;
      d.line = at.line;
      d.column = at.column;
      d.endLine = at.endLine;
      d.endColumn = at.endColumn;
      if (r.questionId) d.questionId = r.questionId;
      if (r.related) d.related = r.related;
      out.push(d);
    };
    const external = opts.external?.get(rule.id);
    if (external) for (const r of external) report(r);
    else rule.check(project, report, { options, targets: opts.targets ?? [], sourceLines });
  }

  const known = new Set(rules.map((r) => r.id));
  const { directives, problems } = readDirectives(
    project,
    (id) => {
      const c = resolveRuleId(id);
      return c && known.has(c) ? c : id.startsWith('parse/') ? id : undefined;
    },
    (id) => suggest(id, [...known]),
  );
  let kept = applyDirectives(out, directives, project);
  const engine = (ruleId: string, span: Span, message: string, hint?: string) => {
    const severity = levelFor(ruleId, span.file, defaultSeverity.get(ruleId) ?? 'warning');
    if (severity) kept.push({ ruleId, severity, message, ...(hint ? { hint } : {}), file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn });
  };
  for (const p of problems) engine('invalid-suppression', p.span, p.message, p.hint);
  for (const d of directives)
    for (const r of d.rules) {
      if (d.used.has(r)) continue;
      // A rule that is off (or not run for these targets) cannot use its disable: say nothing.
      const rule = rules.find((x) => x.id === r);
      if (!levelFor(r, d.bank.path, rule?.severity ?? 'warning')) continue;
      if (rule?.targets && !rule.targets.some((t) => opts.targets?.includes(t))) continue;
      const where = d.kind === 'file' ? 'this file' : 'the next question';
      engine('unused-suppression', d.span, `Nothing in ${where} is reported by ${r}, so its disable is unused`, 'Remove the disable (or the rule name from it)');
    }

  if (opts.onlyFiles) {
    const files = expandChanged(project, opts.onlyFiles);
    kept = kept.filter((d) => inFiles(d, files));
  }
  return kept.sort(compareDiagnostics);
}

// --changed: a finding belongs to a changed file when it is in it, or (pairwise rules) its
// other location is. A bank and its sidecar key count as one: either changing marks both.
function inFiles(d: Diagnostic, files: ReadonlySet<string>): boolean {
  if (files.has(d.file)) return true;
  return d.related?.some((r) => files.has(r.span.file)) ?? false;
}

export function expandChanged(project: Project, changed: Iterable<string>): Set<string> {
  const set = new Set(changed);
  for (const b of project.banks)
    if (set.has(b.path) || (b.keyPath && set.has(b.keyPath))) {
      set.add(b.path);
      if (b.keyPath) set.add(b.keyPath);
    }
  return set;
}


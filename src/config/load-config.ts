// Finds qbank.config.json by walking up from the working folder (or takes --config) and
// validates it; a bad config is a usage error with a readable message, never a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { UsageError } from '../pipeline/errors.js';
import { resolveRuleId, ruleById } from '../lint/index.js';
import { suggest } from '../util/did-you-mean.js';
import { ConfigSchema, type Config, type RuleSetting } from './schema.js';

export const CONFIG_FILE = 'qbank.config.json';

export interface LoadedConfig {
  config: Config;
  path?: string; // absolute, when a file was read
  root: string; // folder that relative config paths are resolved against
}

export function findConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const f = path.join(dir, CONFIG_FILE);
    if (existsSync(f)) return f;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return { config: ConfigSchema.parse({}), root: path.resolve(cwd) };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    throw new UsageError(`Cannot read config ${path.relative(cwd, file) || file}: ${why}`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsageError(`Invalid config ${path.relative(cwd, file) || file}: ${issues}`);
  }
  const where = path.relative(cwd, file) || file;
  checkRules(parsed.data, where);
  return { config: parsed.data, path: file, root: path.dirname(file) };
}

// Rule settings name real rules (or former ids, or parser findings `parse/…`), and rule
// options pass the rule's own schema: a typo must fail loudly, never switch a check off quietly.
export function checkRules(config: Pick<Config, 'rules' | 'overrides'>, where: string): void {
  const check = (id: string, setting: RuleSetting, at: string, optionsAllowed: boolean) => {
    if (id.startsWith('parse/') || id.startsWith('emit/')) {
      if (typeof setting !== 'string') throw new UsageError(`Invalid config ${where}: ${at}: "${id}" takes no options`);
      return;
    }
    const canonical = resolveRuleId(id);
    if (!canonical) {
      throw new UsageError(`Invalid config ${where}: ${at}: unknown rule "${id}"${suggest(id, [...ruleById.keys()])}; run \`qbank rules\` for the list`);
    }
    if (typeof setting === 'string') return;
    if (!optionsAllowed) throw new UsageError(`Invalid config ${where}: ${at}: rule options can only be set in the top-level "rules" (overrides take a severity)`);
    const rule = ruleById.get(canonical)!;
    if (!rule.optionsSchema) throw new UsageError(`Invalid config ${where}: ${at}: rule "${id}" takes no options`);
    const r = rule.optionsSchema.safeParse({ ...(rule.defaultOptions ?? {}), ...setting[1] });
    if (!r.success) {
      const issues = r.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`).join('; ');
      throw new UsageError(`Invalid config ${where}: ${at}: options of "${id}": ${issues}`);
    }
  };
  for (const [id, s] of Object.entries(config.rules)) check(id, s, `rules.${id}`, true);
  config.overrides.forEach((o, i) => {
    for (const [id, s] of Object.entries(o.rules)) check(id, s, `overrides.${i}.rules.${id}`, false);
  });
}


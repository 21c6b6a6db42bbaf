// Finds qbank.config.json by walking up from the working folder (or takes --config) and
// validates it; a bad config is a usage error with a readable message, never a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { UsageError } from '../pipeline/errors.js';
import { ConfigSchema, type Config } from './schema.js';

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
  return { config: parsed.data, path: file, root: path.dirname(file) };
}


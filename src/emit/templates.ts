// Handlebars templates: built-ins in the package's templates/<target>/, overridable by a file
// of the same name in --templates DIR or the project's own templates/ folder. Templates hold
// layout only; values arrive already escaped for their format, except for HTML, where
// Handlebars' own escaping is on and rendered Markdown is passed as SafeString.
import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { compileFast, fallback } from './template-compiler.js';

export const builtinTemplatesDir = path.join(packageRoot(), 'templates');

export type Render = (context: unknown) => string;

export interface TemplateSet {
  /** Compiled template `templates/<target>/<name>`; `origin` says which file won. */
  get(target: string, name: string, opts?: { escape?: boolean }): Render & { origin: string };
}

export function createTemplateSet(userDirs: string[] = []): TemplateSet {
  const cache = new Map<string, Render & { origin: string }>();
  const hb = Handlebars.create();
  return {
    get(target, name, opts = {}) {
      const key = `${target}/${name}/${opts.escape ? 1 : 0}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const candidates = [...userDirs.map((d) => path.join(d, target, name)), path.join(builtinTemplatesDir, target, name)];
      const file = candidates.find((f) => existsSync(f));
      if (!file) throw new Error(`Template ${target}/${name} not found (looked in ${candidates.join(', ')})`);
      const source = readFileSync(file, 'utf8');
      const compiled = hb.compile(source, { strict: true, noEscape: !opts.escape });
      // Handlebars renders whatever the fast subset does not cover, and every case it would treat
      // differently (see template-compiler.ts).
      const fast = compileFast(hb, source, { escape: !!opts.escape });
      const slow = (ctx: unknown) => compiled(ctx);
      const run = fast
        ? (ctx: unknown) => {
            try {
              return fast(ctx);
            } catch (e) {
              if (e === fallback) return compiled(ctx);
              throw e;
            }
          }
        : slow;
      const render = Object.assign(run, { origin: file });
      cache.set(key, render);
      return render;
    },
  };
}

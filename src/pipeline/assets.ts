// Images referenced from Markdown (`![alt](img/x.png)`), resolved once for every emitter.
// A reference must be a relative path that stays inside the bank's root folder (sources/, or
// the bank file's folder when it lives elsewhere) after following symlinks; anything else is
// an error, so a bank can never pull /etc/passwd or ../secrets into a package.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Project, Text } from '../ir/schema.js';
import { imageUrls } from '../markdown/render.js';
import { nodeCrypto } from '../util/builtins.js';

export interface Asset {
  name: string; // safe, unique file name for packages: <hash>-<basename>
  path: string; // project-relative source path
  data: Uint8Array;
  mime: string;
}

export type AssetLookup = (bankId: string, url: string) => Asset | undefined;

const mimes: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp' };

export function collectAssets(project: Project, cwd: string): { lookup: AssetLookup; diagnostics: Diagnostic[] } {
  const assets = new Map<string, Asset>();
  const diagnostics: Diagnostic[] = [];
  for (const bank of project.banks) {
    const bankFile = path.resolve(cwd, bank.path);
    const sourcesRoot = path.resolve(cwd, 'sources');
    const root = bankFile.startsWith(sourcesRoot + path.sep) ? sourcesRoot : path.dirname(bankFile);
    // only texts that can hold an image are collected (most hold none: no array of every text)
    const texts: Text[] = [];
    const maybe = (t: Text | undefined) => {
      if (t && t.markdown.includes('![')) texts.push(t);
    };
    for (const q of bank.questions) {
      maybe(q.stem);
      for (const o of q.options) maybe(o.text);
      maybe(q.feedback?.general);
    }
    for (const t of texts) {
      for (const url of imageUrls(t.markdown)) {
        const key = `${bank.id}\0${url}`;
        if (assets.has(key)) continue;
        const problem = (message: string, hint: string) =>
          diagnostics.push({ ruleId: 'image-path', severity: 'error', message, hint, file: t.span.file, line: t.span.line, column: t.span.column });
        if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
          if (!/^https?:/i.test(url)) problem(`Image "${url}" is not a file in the bank`, 'Put the image file next to the bank and reference it by a relative path');
          continue; // remote http(s) images stay links; emitters may warn
        }
        let decoded: string;
        try {
          decoded = decodeURIComponent(url.split(/[?#]/)[0]!);
        } catch {
          decoded = url;
        }
        const abs = path.resolve(path.dirname(bankFile), decoded);
        if (path.isAbsolute(decoded) || !abs.startsWith(root + path.sep)) {
          problem(`Image "${url}" points outside the bank folder`, `Keep images inside ${path.relative(cwd, root) || '.'}/ and use a relative path`);
          continue;
        }
        let real: string;
        try {
          real = realpathSync(abs);
          if (!statSync(real).isFile()) throw new Error('not a file');
        } catch {
          problem(`Image "${url}" was not found`, `Expected the file at ${path.relative(cwd, abs)}`);
          continue;
        }
        const realRoot = realpathSync(root);
        if (!real.startsWith(realRoot + path.sep)) {
          problem(`Image "${url}" is a link to a file outside the bank folder`, 'Copy the image into the bank folder instead of linking it');
          continue;
        }
        const data = readFileSync(real);
        const base = path.basename(abs).replace(/[^A-Za-z0-9._-]/g, '_');
        const hash = nodeCrypto().createHash('sha1').update(data).digest('hex').slice(0, 10);
        assets.set(key, { name: `${hash}-${base}`, path: path.relative(cwd, abs).split(path.sep).join('/'), data, mime: mimes[path.extname(abs).toLowerCase()] ?? 'application/octet-stream' });
      }
    }
  }
  return { lookup: (bankId, url) => assets.get(`${bankId}\0${url}`), diagnostics };
}

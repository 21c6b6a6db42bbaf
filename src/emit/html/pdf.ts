// HTML → PDF with the system's Chromium or Chrome, driven by playwright-core. Not part of
// emit(): a browser is neither pure nor always installed, so `qbank print --pdf` calls this
// after the HTML is produced and before the output folder is swapped into place. qbank never
// downloads a browser; without one it says how to install one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { UsageError } from '../../pipeline/errors.js';
import { writeAtomically } from '../../pipeline/write.js';
import type { EmittedFile } from '../emitter.js';

const commands = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const wellKnown = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const installHint =
  'Install Chromium or Google Chrome (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`; macOS/Windows: install Google Chrome), ' +
  'or point --chromium or QBANK_CHROMIUM at the browser executable. qbank never downloads a browser.';

/** The browser to use: the flag, then QBANK_CHROMIUM, then PATH, then the usual install places. */
export function findChromium(flag: string | undefined, env: Record<string, string | undefined>): string {
  const explicit = flag ?? env.QBANK_CHROMIUM;
  if (explicit) {
    const resolved = explicit.includes('/') || explicit.includes('\\') ? explicit : onPath(explicit, env);
    if (!resolved || !existsSync(resolved)) throw new UsageError(`Chromium not found at "${explicit}" (from ${flag ? '--chromium' : 'QBANK_CHROMIUM'}). ${installHint}`);
    return resolved;
  }
  for (const c of commands) {
    const p = onPath(c, env);
    if (p) return p;
  }
  const known = wellKnown.find((p) => existsSync(p));
  if (known) return known;
  throw new UsageError(`--pdf needs Chromium or Chrome, and none was found on PATH (${commands.join(', ')}). ${installHint}`);
}

function onPath(cmd: string, env: Record<string, string | undefined>): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    if (existsSync(p)) return p;
  }
  return undefined;
}

// Flags that keep a headless browser quiet and offline: no sandbox (containers, CI as root),
// no GPU, no background downloads, updates or sync.
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    // playwright-core passes --headless and a fresh --user-data-dir of its own
    return await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  } catch (e) {
    const first = String((e as Error).message).split('\n')[0];
    throw new UsageError(`Could not start ${executablePath}: ${first}. ${installHint}`);
  }
}

/** Test for a usable browser without starting it (`--version` only). */
export function chromiumVersion(executablePath: string): string | undefined {
  const r = spawnSync(executablePath, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * One PDF per HTML file among `files`, same path with .pdf. The HTML (and its images) is
 * written to a private temp folder first so relative image URLs resolve.
 */
export async function renderPdfs(files: EmittedFile[], opts: { executablePath: string }): Promise<EmittedFile[]> {
  const pages = files.filter((f) => f.path.endsWith('.html'));
  if (pages.length === 0) return [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'qbank-pdf-'));
  const site = path.join(tmp, 'site');
  let browser: Browser | undefined;
  try {
    await writeAtomically(site, files);
    browser = await launchChromium(opts.executablePath);
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const out: EmittedFile[] = [];
    for (const f of pages) {
      await page.goto(pathToFileURL(path.join(site, ...f.path.split('/'))).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      out.push({ path: f.path.replace(/\.html$/, '.pdf'), contents: stableDates(new Uint8Array(pdf)) });
    }
    return out;
  } finally {
    await browser?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

// Chromium (Skia) stamps /CreationDate and /ModDate with the clock; nothing else in its PDFs
// varies run to run. Overwrite the digits in place (same length, so the xref offsets stay
// valid) with a fixed date: the same HTML and browser then give the same bytes.
const fixedDate = '19800101000000';
export function stableDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const re = /\/(?:CreationDate|ModDate) ?\(D:(\d{14})/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length - 14;
    for (let i = 0; i < 14; i++) pdf[at + i] = fixedDate.charCodeAt(i);
  }
  return pdf;
}

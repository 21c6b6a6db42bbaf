// The printed exam as a person sees it: every generated HTML opened in headless Chromium,
// screenshotted, checked for content wider than the page, and printed to PDF; the PDF is read
// back with pdf.js to check page numbers, that no question is split across pages and that the
// page count is what the content needs. Needs `chromium` (CI installs Debian's).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchChromium } from '../../../src/emit/html/pdf.js';
import { runCli, tempProject } from '../../support/cli.js';
import { missing, repoRoot } from '../../support/validators.js';
import { all, byTag, dom, hasClass, squash, type Element } from './support.js';

const skip = missing({ commands: ['chromium'] });
const shots = mkdtempSync(path.join(tmpdir(), 'qbank-shots-'));

// A bank long enough for several pages: stems and options of varied length, one very long
// unbroken token (must wrap, not overflow), a multi-answer and a true/false question.
function longBank(): string {
  const words = 'cliente atendimento protocolo fatura reparo agendamento técnico roteador sinal fibra contrato plano cobrança visita suporte'.split(' ');
  const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
  const out = ['title: Avaliação longa', ''];
  for (let i = 1; i <= 36; i++) {
    out.push(String(i), `Questão ${i}: ${sentence(i, 8 + ((i * 13) % 40))}?`);
    if (i === 5) out.push('Verdadeiro', 'Falso');
    else if (i === 9) out.push('* Chat', '* E-mail', 'Fax', '* WhatsApp');
    else for (let k = 0; k < 3 + (i % 3); k++) out.push(k === 1 && i === 12 ? `Valida${'>Token'.repeat(40)}` : `${sentence(i + k, 3 + ((i + k * 5) % 22))}.`);
    out.push('');
  }
  return out.join('\n');
}
const longKey = Array.from({ length: 36 }, (_, i) => `${i + 1}: ${i + 1 === 9 ? 'A, B, D' : 'A'}`).join('\n');

interface PdfText {
  pages: string[]; // whitespace removed, NFKC
}

async function readPdf(file: string): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(norm(content.items.map((it) => ('str' in it ? it.str : '')).join('')));
  }
  await doc.destroy();
  return { pages };
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

// Text as printed (images contribute nothing to a PDF's text layer).
function printedText(n: Element): string {
  if (n.tagName === 'img') return '';
  return (n.childNodes ?? []).map((c) => (c.nodeName === '#text' ? (c as unknown as { value: string }).value : 'tagName' in c ? printedText(c as Element) : '')).join('');
}

/** For each question, the pages its first and last text land on, found in order. */
function questionPages(html: string, pdf: PdfText): { number: number; first: number; last: number }[] {
  const joined = pdf.pages.join('');
  const starts = pdf.pages.reduce<number[]>((acc, p, i) => [...acc, i ? acc[i - 1]! + pdf.pages[i - 1]!.length : 0], []);
  const pageAt = (pos: number) => starts.filter((s) => s <= pos).length;
  let pos = 0;
  return all(dom(html), hasClass('question')).map((q, i) => {
    const needles = [all(q, hasClass('stem'))[0]!, ...all(q, hasClass('option')).map((o) => all(o, hasClass('text'))[0]!)].map((e) => norm(printedText(e))).filter(Boolean);
    let first = -1;
    let last = -1;
    for (const needle of needles) {
      const at = joined.indexOf(needle, pos);
      if (at < 0) throw new Error(`question ${i + 1}: "${needle.slice(0, 40)}" not found in the PDF text after position ${pos}`);
      if (first < 0) first = pageAt(at);
      last = pageAt(at + needle.length - 1);
      pos = at + needle.length;
    }
    return { number: i + 1, first, last };
  });
}

const mm = (n: number) => (n * 96) / 25.4;
const paperWidth = { a4: 210, letter: 215.9 };
const paperHeight = { a4: 297, letter: 279.4 };
const margins = { top: 15, right: 16, bottom: 17, left: 16 }; // templates/html/print.css @page

async function overflowing(page: Page, paper: 'a4' | 'letter'): Promise<string[]> {
  const width = Math.floor(mm(paperWidth[paper] - margins.left - margins.right));
  await page.setViewportSize({ width, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  return page.evaluate((w) => {
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > w + 1) bad.push(`document is ${document.documentElement.scrollWidth}px wide, page ${w}px`);
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width && (r.right > w + 0.5 || r.left < -0.5)) bad.push(`<${el.tagName.toLowerCase()} class="${el.className}"> spans ${Math.round(r.left)}–${Math.round(r.right)}px`);
    }
    return bad;
  }, width);
}

async function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.body.getBoundingClientRect().height);
}

describe.skipIf(skip)('printed exams in Chromium', () => {
  let dir = '';
  let browser: Browser;
  let page: Page;
  const runs = [
    { name: 'sample', out: 'dist/html', args: ['--versions', '3', '--seed', '42'], paper: 'a4' as const },
    { name: 'long-letter', out: 'long', args: ['sources/longa.txt', '--versions', '2', '--seed', '7', '--paper', 'letter'], paper: 'letter' as const },
    { name: 'long-a4', out: 'long-a4', args: ['sources/longa.txt', '--seed', '7'], paper: 'a4' as const },
  ];

  beforeAll(async () => {
    dir = tempProject({ 'sources/longa.txt': longBank(), 'sources/longa.key': longKey }, { 'sources/atendimento.txt': path.join(repoRoot, 'sources/atendimento.txt'), 'sources/atendimento.key': path.join(repoRoot, 'sources/atendimento.key'), 'sources/recursos': path.join(repoRoot, 'sources/recursos') });
    const env = { PATH: process.env.PATH ?? '' };
    for (const r of runs) {
      const args = r.name === 'sample' ? ['sources/atendimento.txt', 'sources/recursos', ...r.args] : r.args;
      const res = await runCli(['print', ...args, '--pdf', '--out', r.out], dir, env);
      expect(res.code, res.stderr).toBe(0);
    }
    browser = await launchChromium(findChromium(undefined, process.env));
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  const files = (out: string, ext: string) => {
    const found: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith(ext)) found.push(path.join(d, e.name));
      }
    };
    walk(path.join(dir, out));
    return found.sort();
  };

  it('every page fits the paper width (screenshots in the temp folder)', async () => {
    for (const r of runs) {
      const htmls = files(r.out, '.html');
      expect(htmls.length).toBeGreaterThan(2);
      for (const f of htmls) {
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 900, height: 1250 });
        await page.goto(pathToFileURL(f).href);
        const png = path.join(shots, `${r.name}-${path.relative(path.join(dir, r.out), f).replace(/[/\\]/g, '_')}.png`);
        await page.screenshot({ path: png, fullPage: true });
        expect(readFileSync(png).length).toBeGreaterThan(10_000);
        expect(await overflowing(page, r.paper), f).toEqual([]);
      }
    }
    console.info(`[screenshots] ${shots}`);
  }, 240_000);

  it('PDF pages are numbered "Página n de N", no question is split, and the page count is what the content needs', async () => {
    let multiPage = 0;
    for (const r of runs) {
      for (const pdfFile of files(r.out, '.pdf')) {
        const htmlFile = pdfFile.replace(/\.pdf$/, '.html');
        const html = readFileSync(htmlFile, 'utf8');
        const pdf = await readPdf(pdfFile);
        const n = pdf.pages.length;
        pdf.pages.forEach((t, i) => expect(t, `${pdfFile} page ${i + 1}`).toContain(norm(`Página ${i + 1} de ${n}`)));
        // lower bound: the content's height in print layout over the page's content height
        await page.goto(pathToFileURL(htmlFile).href);
        await overflowing(page, r.paper);
        const minPages = Math.ceil((await contentHeight(page)) / mm(paperHeight[r.paper] - margins.top - margins.bottom) - 0.02);
        expect(n, pdfFile).toBeGreaterThanOrEqual(minPages);
        if (path.basename(pdfFile).startsWith('exam-')) {
          const qs = questionPages(html, pdf);
          for (const q of qs) expect(q.first, `${pdfFile}: question ${q.number} split across pages ${q.first}–${q.last}`).toBe(q.last);
          // no blank trailing page: the last question ends on the last page
          expect(qs.at(-1)!.last, pdfFile).toBe(n);
          // pages are filled: a question moves to the next page only when it does not fit
          expect(n, pdfFile).toBeLessThanOrEqual(minPages + Math.ceil(minPages / 2));
          if (n > 1) multiPage++;
        } else if (r.name === 'sample') {
          expect(n, `${pdfFile}: a key or answer sheet for a short bank fits one page`).toBe(1);
        }
      }
    }
    expect(multiPage).toBeGreaterThanOrEqual(3);
  }, 240_000);

  it('PDFs are byte-identical run to run', async () => {
    const res = await runCli(['print', 'sources/longa.txt', '--versions', '2', '--seed', '7', '--paper', 'letter', '--pdf', '--out', 'long-again'], dir, { PATH: process.env.PATH ?? '' });
    expect(res.code, res.stderr).toBe(0);
    const a = files('long', '.pdf');
    expect(a.length).toBe(5);
    for (const f of a) expect(readFileSync(f.replace(`${path.sep}long${path.sep}`, `${path.sep}long-again${path.sep}`)).equals(readFileSync(f)), f).toBe(true);
    expect(readFileSync(a[0]!).toString('latin1')).toContain('/CreationDate (D:19800101000000');
  }, 120_000);

  it('keeps the README screenshot current when asked (QBANK_UPDATE_SCREENSHOT=1)', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 900, height: 1270 });
    await page.goto(pathToFileURL(path.join(dir, 'dist/html/atendimento/exam-A.html')).href);
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 900, height: 1270 } });
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env.QBANK_UPDATE_SCREENSHOT === '1') {
      mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      writeFileSync(path.join(repoRoot, 'docs/sample-exam.png'), png);
    }
    const headings = all(dom(readFileSync(path.join(dir, 'dist/html/atendimento/exam-A.html'), 'utf8')), byTag('h1')).map((h) => squash(h.childNodes.map((c) => ('value' in c ? c.value : '')).join('')));
    expect(headings).toEqual(['atendimento']);
  });
});


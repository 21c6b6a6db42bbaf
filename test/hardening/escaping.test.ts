// The attack corpus (test/fixtures/attack/ataque.txt) through every registered emitter, checked by
// parsing each output the way its consumer does (outputs.ts): no executable markup anywhere
// (no <script>, no on* handlers, no javascript:/vbscript:/data: URLs, also inside HTML carried
// in XML or GIFT text), and every payload comes back as literal text. Each payload carries a
// marker (A01 …); wherever a target shows a marker, the whole text must be there verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseFragment } from 'parse5';
import { ConfigSchema } from '../../src/config/schema.js';
import type { Project, Text } from '../../src/ir/schema.js';
import { renderHtml, renderPlain } from '../../src/markdown/render.js';
import { loadAndLint } from '../../src/pipeline/build.js';
import type { AssetLookup } from '../../src/pipeline/assets.js';
import { tempProject } from '../support/cli.js';
import { missing, repoRoot, run } from '../support/validators.js';
import { collapse, visibleText } from './html-safety.js';
import { emitTarget, expandZips, kindOf, readAll, targetNames, type OutFile, type Reading } from './outputs.js';

const attackDir = path.join(repoRoot, 'test/fixtures/attack');
let cwd: string;
let project: Project;
let asset: AssetLookup;

beforeAll(async () => {
  cwd = tempProject({}, { 'sources/ataque.txt': path.join(attackDir, 'ataque.txt'), 'sources/img': path.join(attackDir, 'img') });
  const r = await loadAndLint({ cwd, config: ConfigSchema.parse({}), inputs: [], targets: targetNames() });
  project = r.project;
  asset = r.asset;
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

interface Payload {
  marker: string;
  raw: string; // as authored (what JSON keeps)
  shown: string[]; // acceptable literal renderings: visible HTML text, or plain text
}

function payloads(p: Project): Payload[] {
  const out: Payload[] = [];
  const add = (s: string, isMarkdown: boolean) => {
    for (const m of s.match(/\b[ATCF]\d\d\b/g) ?? []) {
      const shown = isMarkdown ? [visibleText(parseFragment(renderHtml(s))), collapse(renderPlain(s))] : [collapse(s)];
      out.push({ marker: m, raw: collapse(s), shown });
    }
  };
  for (const b of p.banks) {
    add(b.title, false);
    add(b.category, false);
    const texts: Text[] = [];
    for (const q of b.questions) {
      texts.push(q.stem, ...q.options.map((o) => o.text));
      const f = q.feedback;
      if (f) texts.push(...[f.general, f.correct, f.incorrect, ...(f.options ?? [])].filter((t): t is Text => !!t));
    }
    for (const t of texts) add(t.markdown, true);
  }
  return out;
}

// Feedback is not in the raw format yet, but the IR has it and emitters may print it: give every
// question hostile feedback so that path is covered too.
function withFeedback(p: Project): Project {
  let n = 0;
  const fb = (span: Text['span'], payload: string): Text => ({ markdown: `F${String(++n).padStart(2, '0')} ${payload}`, span });
  return {
    ...p,
    banks: p.banks.map((b) => ({
      ...b,
      questions: b.questions.map((q) => ({
        ...q,
        feedback: {
          general: fb(q.stem.span, '<script>alert("geral")</script> geral {x} ~ = ]]>'),
          correct: fb(q.stem.span, '"><img src=x onerror=alert(1)> certo'),
          incorrect: fb(q.stem.span, '[errado](javascript:alert(1)) {{x}}'),
          options: q.options.map((o) => fb(o.text.span, '<svg onload=alert(1)> # : \\')),
        },
      })),
    })),
  };
}

function joined(readings: Reading[]): string {
  return readings.flatMap((r) => r.texts).join(' \u0000 ');
}

function checkLiteral(target: string, readings: Reading[], all: Payload[], mustShow: boolean): string[] {
  const problems: string[] = [];
  const json = readings.every((r) => r.kind === 'json' || r.kind === 'other');
  const text = joined(readings);
  for (const p of all) {
    const present = new RegExp(`${p.marker}(?!\\d)`).test(text);
    if (!present) {
      // stems and options must be shown; a marker only in an image's alt text is not visible
      const visible = p.shown[0]!.includes(p.marker);
      if (mustShow && visible && !p.marker.startsWith('T') && !p.marker.startsWith('C')) problems.push(`${p.marker} is missing`);
      continue;
    }
    const ok = json ? text.includes(p.raw) : p.shown.some((s) => text.includes(s));
    if (!ok) problems.push(`${p.marker} is not literal: expected ${JSON.stringify(json ? p.raw : p.shown[0])}`);
  }
  return problems.map((m) => `${target}: ${m}`);
}

describe('attack corpus', () => {
  it('parses, with its payloads as text', () => {
    expect(project.banks).toHaveLength(1);
    expect(project.banks[0]!.questions.length).toBe(6);
    const markers = payloads(project).map((p) => p.marker);
    expect(markers).toEqual(expect.arrayContaining(['T01', 'C01', 'A01', 'A15', 'A22', 'A32']));
  });

  describe.each(targetNames())('%s', (target) => {
    let files: OutFile[];
    let readings: Reading[];

    beforeAll(async () => {
      const r = await emitTarget(target, project, { asset });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      files = r.files;
      readings = readAll(files);
    });

    it('every output parses in its consumer and holds no executable markup', () => {
      expect(readings.length).toBeGreaterThan(0);
      expect(readings.flatMap((r) => r.findings)).toEqual([]);
    });

    it('every payload comes back literally', () => {
      expect(checkLiteral(target, readings, payloads(project), true)).toEqual([]);
    });

    it('hostile feedback stays inert and literal wherever it is shown', async () => {
      const p = withFeedback(project);
      const r = await emitTarget(target, p, { asset });
      const rs = readAll(r.files);
      expect(rs.flatMap((x) => x.findings)).toEqual([]);
      expect(checkLiteral(target, rs, payloads(p), false)).toEqual([]);
    });

    it('xmllint accepts every XML file (strict XML 1.0)', () => {
      const xml = expandZips(files).filter((f) => kindOf(f.path) === 'xml');
      if (xml.length === 0) return;
      const skip = missing({ commands: ['xmllint'] });
      if (skip) return;
      const dir = tempProject(Object.fromEntries(xml.map((f, i) => [`${i}.xml`, f.bytes])));
      try {
        const names = readdirSync(dir).map((n) => path.join(dir, n));
        const r = run('xmllint', ['--noout', '--nonet', ...names]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

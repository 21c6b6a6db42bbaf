import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bank, Project, Question } from '../../../src/ir/schema.js';
import { renderPlain } from '../../../src/markdown/render.js';
import { parseText } from '../../support/parse.js';
import { all, attr, byTag, dom, emitHtml, hasClass, loadSample, squash, text, textOf } from './support.js';

describe('html target on the sample banks', async () => {
  const { project, asset } = await loadSample();
  const files = await emitHtml(project, { versions: 3, seed: '42' }, { asset });

  it('writes per bank every version\'s exam and key, one answer sheet, and the images', () => {
    const names = [...files.keys()].sort();
    for (const bank of project.banks) {
      for (const v of ['A', 'B', 'C']) {
        expect(names).toContain(`${bank.id}/exam-${v}.html`);
        expect(names).toContain(`${bank.id}/key-${v}.html`);
      }
      expect(names).toContain(`${bank.id}/answer-sheet.html`);
    }
    expect(names.filter((n) => n.includes('/assets/'))).toEqual([expect.stringMatching(/^recursos\/exemplo\/assets\/[0-9a-f]{10}-roteador\.png$/)]);
  });

  it('is byte-identical run to run', async () => {
    const again = await emitHtml(project, { versions: 3, seed: '42' }, { asset });
    for (const [name, f] of files) if (name.endsWith('.html')) expect(text(again.get(name))).toBe(text(f));
  });

  it('the printed key letter names, in the printed exam, an option that is correct in the source', () => {
    const byId = new Map<string, Question>(project.banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)));
    let checked = 0;
    for (const bank of project.banks) {
      for (const v of ['A', 'B', 'C']) {
        const exam = dom(text(files.get(`${bank.id}/exam-${v}.html`)));
        const key = dom(text(files.get(`${bank.id}/key-${v}.html`)));
        const rows = all(key, byTag('tr')).filter((r) => all(r, byTag('td')).length);
        const questions = all(exam, hasClass('question'));
        expect(questions).toHaveLength(bank.questions.length);
        expect(rows).toHaveLength(bank.questions.length);
        questions.forEach((qe, i) => {
          const src = byId.get(attr(qe, 'data-source')!)!;
          const [num, ans, , origin] = all(rows[i]!, byTag('td')).map((td) => squash(textOf(td)));
          expect(num).toBe(String(i + 1));
          expect(origin).toBe(`${bank.path} · questão ${src.number}`);
          const printed = new Map(all(qe, hasClass('option')).map((o) => [squash(textOf(all(o, hasClass('bubble'))[0]!)), squash(textOf(all(o, hasClass('text'))[0]!))]));
          expect(printed.size).toBe(src.options.length);
          const correct = src.key.map((k) => squash(renderPlain(src.options[k]!.text.markdown))).sort();
          expect(ans!.split(', ').map((l) => printed.get(l)).sort()).toEqual(correct);
          checked++;
        });
      }
    }
    expect(checked).toBe(3 * 14);
  });

  it('renders Markdown (bold, code, images) and points images at the copied asset', () => {
    const exam = text(files.get('recursos/exemplo/exam-A.html'));
    expect(exam).toContain('<strong>luz vermelha</strong>');
    expect(exam).toContain('<code>tracert</code>');
    const img = all(dom(exam), byTag('img'))[0]!;
    expect(attr(img, 'src')).toMatch(/^assets\/[0-9a-f]{10}-roteador\.png$/);
    expect(files.has(`recursos/exemplo/${attr(img, 'src')}`)).toBe(true);
  });

  it('prints pt-BR labels for a pt-BR bank, and the answer sheet has a bubble per version and option', () => {
    const sheet = dom(text(files.get('atendimento/answer-sheet.html')));
    expect(squash(textOf(sheet))).toMatch(/Folha de respostas.*Nome.*Matrícula.*Data/);
    const rows = all(sheet, hasClass('sheet-row'));
    expect(rows).toHaveLength(8);
    const maxOptions = Math.max(...project.banks[0]!.questions.map((q) => q.options.length));
    for (const r of rows) expect(all(r, hasClass('bubble')).map(textOf)).toEqual(['A', 'B', 'C', 'D'].slice(0, maxOptions));
    expect(all(all(sheet, hasClass('sheet-version'))[0]!, hasClass('bubble')).map(textOf)).toEqual(['A', 'B', 'C']);
    expect(squash(textOf(dom(text(files.get('atendimento/key-B.html')))))).toContain('Gabarito');
  });
});

describe('html target', () => {
  const hostile = [
    'title: </style><script>alert("t")</script> "Prova"',
    'lang: en',
    '',
    '1',
    'Stem <script>alert(1)</script> **bold** [x](javascript:alert(2))',
    '<img src=x onerror=alert(3)>',
    'Plain & simple',
    '',
  ].join('\n');

  it('escapes everything: no script, no event handler, and the title is safe inside the CSS', async () => {
    const { bank } = parseText(hostile, { key: '1: B' });
    const files = await emitHtml({ schemaVersion: 1, banks: [bank] }, {});
    for (const name of ['bank/exam-A.html', 'bank/key-A.html', 'bank/answer-sheet.html']) {
      const source = text(files.get(name));
      const root = dom(source);
      expect(all(root, byTag('script'))).toEqual([]);
      expect(all(root, (e) => e.attrs.some((a) => a.name.startsWith('on') || /javascript:/i.test(a.value)))).toEqual([]);
      const styles = all(root, byTag('style'));
      expect(styles).toHaveLength(1);
      expect(textOf(styles[0]!)).toContain('\\3c /style\\3e \\3c script\\3e alert(\\22 t\\22 )');
      expect(squash(textOf(all(root, byTag('h1'))[0]!))).toBe('</style><script>alert("t")</script> "Prova"');
    }
    const exam = dom(text(files.get('bank/exam-A.html')));
    // raw HTML in a stem is shown as text, Markdown still works
    const stem = all(exam, hasClass('stem'))[0]!;
    expect(squash(textOf(stem))).toBe('Stem <script>alert(1)</script> bold x');
    expect(all(stem, byTag('strong')).map(textOf)).toEqual(['bold']);
    expect(squash(textOf(exam))).toContain('<img src=x onerror=alert(3)>');
  });

  it('labels follow the bank language, or --lang', async () => {
    const { bank } = parseText('lang: en\n\n1\nQ?\nYes\nNo\n', { key: '1: A' });
    const project: Project = { schemaVersion: 1, banks: [bank] };
    const en = squash(textOf(dom(text((await emitHtml(project)).get('bank/key-A.html')))));
    expect(en).toMatch(/Answer key · For the trainer only/);
    const pt = squash(textOf(dom(text((await emitHtml(project, { lang: 'pt-BR' })).get('bank/exam-A.html')))));
    expect(pt).toMatch(/Prova.*Nome.*Matrícula.*Data.*Turma.*Nota/);
  });

  it('uses a same-named template from a --templates folder (and the built-ins for the rest)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-tpl-'));
    mkdirSync(path.join(dir, 'html'));
    writeFileSync(path.join(dir, 'html', 'option.hbs'), '<li class="mine">{{letter}}) {{text}}</li>');
    writeFileSync(path.join(dir, 'html', 'print.css'), 'body { font-size: 13pt } /* {{paper.size}} */');
    const { bank } = parseText('1\nQ?\nSim **forte**\nNão\n', { key: '1: A' });
    const files = await emitHtml({ schemaVersion: 1, banks: [bank] }, { shuffle: false }, { templateDirs: [dir] });
    const exam = text(files.get('bank/exam-A.html'));
    expect(exam).toContain('<li class="mine">A) Sim <strong>forte</strong></li>');
    expect(exam).toContain('body { font-size: 13pt } /* A4 */');
    expect(all(dom(exam), hasClass('question'))).toHaveLength(1);
  });

  it('A4 by default, Letter on request; points shown only when they differ', async () => {
    const { bank } = parseText('1\nQ?\nSim\nNão\n2\nR?\nSim\nNão\n', { key: '1: A\n2: B' });
    const project: Project = { schemaVersion: 1, banks: [bank] };
    expect(text((await emitHtml(project)).get('bank/exam-A.html'))).toMatch(/size: A4;/);
    expect(text((await emitHtml(project, { paper: 'letter' })).get('bank/exam-A.html'))).toMatch(/size: letter;/);
    expect(text((await emitHtml(project)).get('bank/exam-A.html'))).not.toContain('class="q-points"');
    const weighted: Project = { schemaVersion: 1, banks: [{ ...bank, questions: bank.questions.map((q, i) => ({ ...q, points: i + 1 })) }] };
    const exam = squash(textOf(dom(text((await emitHtml(weighted)).get('bank/exam-A.html')))));
    expect(exam).toContain('3 pontos');
    expect(exam).toContain('2 pontos');
  });

  it('streams a large bank in chunks instead of one giant string', async () => {
    const q0 = parseText('1\nPergunta?\nSim\nNão\nTalvez\n', { key: '1: A' }).bank;
    const n = 30_000;
    const base = q0.questions[0]!;
    const questions: Question[] = Array.from({ length: n }, (_, i) => ({ ...base, id: `bank-q${i + 1}`, number: i + 1, stem: { ...base.stem, markdown: `Pergunta ${i + 1}?` } }));
    const bank: Bank = { ...q0, questions };
    const started = performance.now();
    const files = await emitHtml({ schemaVersion: 1, banks: [bank] }, {});
    const exam = files.get('bank/exam-A.html')!;
    expect(typeof exam.contents).not.toBe('string');
    let chunks = 0;
    let biggest = 0;
    let questionsSeen = 0;
    for (const c of exam.contents as Iterable<string>) {
      chunks++;
      biggest = Math.max(biggest, c.length);
      questionsSeen += c.split('class="question"').length - 1;
    }
    expect(questionsSeen).toBe(n);
    expect(chunks).toBeGreaterThan(100);
    expect(biggest).toBeLessThan(1 << 20);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

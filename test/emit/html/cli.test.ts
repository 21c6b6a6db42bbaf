import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../../support/cli.js';
import { repoRoot } from '../../support/validators.js';

const sample = () => tempProject({}, { sources: path.join(repoRoot, 'sources') });

function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('qbank print', () => {
  it('writes versions, keys and the answer sheet for each bank into dist/html, the same for the same seed', async () => {
    const dir = sample();
    const r = await runCli(['print', '--versions', '3', '--seed', '42'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('qbank: wrote 2 exams × 3 versions (15 files) to dist/html');
    const first = tree(path.join(dir, 'dist/html'));
    expect([...first.keys()].filter((f) => f.startsWith('atendimento/')).sort()).toEqual(
      ['answer-sheet.html', 'exam-A.html', 'exam-B.html', 'exam-C.html', 'key-A.html', 'key-B.html', 'key-C.html'].map((f) => `atendimento/${f}`),
    );
    await runCli(['print', '--versions', '3', '--seed', '42', '--out', 'again'], dir);
    expect(tree(path.join(dir, 'again'))).toEqual(first);
    await runCli(['print', '--versions', '3', '--seed', '43', '--out', 'other'], dir);
    expect(tree(path.join(dir, 'other')).get('atendimento/exam-A.html')).not.toEqual(first.get('atendimento/exam-A.html'));
  });

  it('--pick, --exam and --tag select the questions; --lang and --paper change labels and page size', async () => {
    const dir = sample();
    const r = await runCli(['print', '--exam', 'Prova de Recursos', '--tag', 'formato', '--pick', '4', '--versions', '2', '--lang', 'en', '--paper', 'letter', '--seed', 'x'], dir);
    expect(r.code, r.stderr).toBe(0);
    const exam = readFileSync(path.join(dir, 'dist/html/prova-de-recursos/exam-B.html'), 'utf8');
    expect(exam.match(/class="question"/g)).toHaveLength(4);
    expect(exam).toContain('size: letter;');
    expect(exam).toContain('<h1>Prova de Recursos</h1>');
    expect(exam).toContain('Version');
  });

  it('usage errors exit 2 with one line: bad numbers, too large a pick', async () => {
    const dir = sample();
    for (const [argv, msg] of [
      [['print', '--versions', '0'], /--versions must be a whole number from 1 to 26/],
      [['print', '--versions', 'três'], /--versions must be a whole number/],
      [['print', '--pick', '99'], /--pick 99: sources\/atendimento.txt has only 8 matching questions/],
      [['print', '--category', 'Nada'], /No question to print with category "Nada"/],
      [['print', '--paper', 'a3'], /Allowed choices are a4, letter/],
    ] as const) {
      const r = await runCli([...argv], dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('--pdf without a browser says how to install one, and writes nothing', async () => {
    const dir = sample();
    const none = await runCli(['print', '--pdf'], dir, { PATH: path.join(dir, 'empty-bin') });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--pdf needs Chromium or Chrome, and none was found on PATH/);
    expect(none.stderr).toMatch(/apt-get install chromium/);
    expect(none.stderr).toMatch(/never downloads a browser/);
    const wrong = await runCli(['print', '--pdf', '--chromium', '/no/such/chrome'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Chromium not found at "\/no\/such\/chrome" \(from --chromium\)/);
    const env = await runCli(['print', '--pdf'], dir, { QBANK_CHROMIUM: '/no/such/chromium' });
    expect(env.stderr).toMatch(/from QBANK_CHROMIUM/);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('lint errors stop printing (exit 1) unless --skip-invalid', async () => {
    const dir = tempProject({ 'sources/a.txt': '1\nQ?\nSim\nNão\n2\nSem resposta?\nSim\nNão\n', 'sources/a.key': '1: A\n' });
    const r = await runCli(['print'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    const s = await runCli(['print', '--skip-invalid'], dir);
    expect(s.stderr).toContain('skipped sources/a.txt question 2');
    expect(readFileSync(path.join(dir, 'dist/html/a/exam-A.html'), 'utf8').match(/class="question"/g)).toHaveLength(1);
  });

  it('`qbank build --format html` writes the printable files under dist/html', async () => {
    const dir = sample();
    const r = await runCli(['build', '--format', 'html'], dir);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['atendimento/exam-A.html', 'atendimento/key-A.html', 'atendimento/answer-sheet.html', 'recursos/exemplo/exam-A.html']) {
      expect(existsSync(path.join(dir, 'dist/html', f)), f).toBe(true);
    }
  });
});

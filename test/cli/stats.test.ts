import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';
import { repoRoot } from '../support/validators.js';
import path from 'node:path';

// Two files: 5 questions, one untagged file, one unkeyed question, a multiple-answer and a
// true/false question, answers on A, B, B, A+C.
const project = () =>
  tempProject({
    'sources/redes.txt': 'category: Redes\ntags: técnico, fibra\n\n1\nO que é ONT?\nUm modem óptico\nUm cabo\nUm roteador Wi-Fi\n\n2\nA luz LOS vermelha indica\nSinal normal\nPerda de sinal óptico\nFalta de energia\n\n3\nQuais são meios de transmissão?\nFibra óptica\nSiebel\nCabo coaxial\n',
    'sources/redes.key': '1: A\n2: B\n3: A,C\n',
    'sources/atendimento.txt': '1\nO protocolo é informado ao final da ligação.\nVerdadeiro\nFalso\n\n2\nQual é o prazo de reparo?\n24 horas\n48 horas\n72 horas\n5 dias\n',
    'sources/atendimento.key': '1: B\n',
  });

describe('qbank stats', () => {
  it('counts per file, category, type and tag, key coverage, key letters and option counts (json)', async () => {
    const r = await runCli(['stats', '--format', 'json'], project());
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      version: 1,
      files: 2,
      questions: 5,
      byFile: [
        { file: 'sources/atendimento.txt', questions: 2, keyed: 1 },
        { file: 'sources/redes.txt', questions: 3, keyed: 3 },
      ],
      byCategory: { Redes: 3, atendimento: 2 },
      byType: { single: 3, multiple: 1, truefalse: 1 },
      byTag: { fibra: 3, 'técnico': 3 },
      untagged: 2,
      key: { keyed: 4, total: 5, coverage: 0.8, missing: [{ file: 'sources/atendimento.txt', number: 2 }] },
      keyLetters: { A: 2, B: 2, C: 1, D: 0 },
      optionCounts: { '2': 1, '3': 3, '4': 1 },
    });
  });

  it('prints aligned tables by default', async () => {
    const r = await runCli(['stats'], project());
    expect(r.stdout).toContain('5 questions in 2 files');
    expect(r.stdout).toMatch(/Answer key: 4 of 5 questions keyed \(80%\)/);
    expect(r.stdout).toMatch(/no key: sources\/atendimento\.txt question 2/);
    expect(r.stdout).toMatch(/^ {2}B +2 +40% +█{20}$/m);
  });

  it('writes a Markdown summary for a pull-request comment', async () => {
    const r = await runCli(['stats', '--format', 'markdown'], project());
    expect(r.stdout).toMatch(/^### Question bank: 5 questions in 2 files$/m);
    expect(r.stdout).toContain('⚠️ **Answer key: 80%** (1 question without a key)');
    expect(r.stdout).toContain('| sources/redes.txt | 3 | 3 |');
    expect(r.stdout).toContain('| Correct answers | 2 (40%) | 2 (40%) | 1 (20%) | 0 (0%) |');
  });

  it('reads the sample bank of this repository', async () => {
    const r = await runCli(['stats', '--format', 'json'], repoRoot);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).byFile.map((f: { file: string }) => f.file)).toContain(path.posix.join('sources', 'atendimento.txt'));
  });

  it('suggests the closest format for a typo', async () => {
    const r = await runCli(['stats', '--format', 'markdwn'], project());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown format "markdwn" (did you mean "markdown"?)');
  });
});

// The IR guard validates everything in ordinary projects and a sample (first questions, an even
// stride, every question with feedback) in very large ones.
import { describe, expect, it } from 'vitest';
import { irSample } from '../../src/pipeline/build.js';
import { ProjectSchema, type Project, type Question } from '../../src/ir/schema.js';

const span = { file: 'a.txt', line: 1, column: 1, endLine: 1, endColumn: 2 };
function project(n: number, withFeedback: number[] = []): Project {
  const questions: Question[] = Array.from({ length: n }, (_, i) => ({
    id: `a-q${i + 1}`, number: i + 1, bank: 'a', span, stem: { markdown: `Pergunta ${i + 1}?`, span },
    options: [{ text: { markdown: 'Sim', span } }, { text: { markdown: 'Não', span } }], key: [0], keyEntries: [], type: 'single',
    points: 1, category: 'a', tags: [], shuffle: true,
    ...(withFeedback.includes(i) ? { feedback: { general: { markdown: 'Porque sim', span } } } : {}),
  }));
  return { schemaVersion: 1, banks: [{ id: 'a', path: 'a.txt', title: 'a', category: 'a', lang: 'pt-BR', points: 1, tags: [], shuffle: true, encoding: 'utf-8', bom: false, lineEndings: { lf: 1, crlf: 0, cr: 0 }, comments: [], questions }] };
}

describe('irSample', () => {
  it('keeps every question of an ordinary project', () => {
    const p = project(2_000);
    expect(irSample(p)).toBe(p);
    expect(ProjectSchema.safeParse(p).success).toBe(true);
  });

  it('samples a very large project: the first questions, an even stride and every question with feedback', () => {
    const p = project(100_000, [54_321]);
    const s = irSample(p).banks[0]!.questions;
    expect(s.length).toBeGreaterThan(400);
    expect(s.length).toBeLessThan(1_000);
    expect(s.slice(0, 100).map((q) => q.number)).toEqual(p.banks[0]!.questions.slice(0, 100).map((q) => q.number));
    expect(s.some((q) => q.number === 54_322)).toBe(true);
    expect(s.some((q) => q.number > 99_000)).toBe(true);
    // a broken question with feedback is still caught
    (p.banks[0]!.questions[54_321]!.feedback!.general as { markdown: unknown }).markdown = 42;
    expect(ProjectSchema.safeParse(irSample(p)).success).toBe(false);
  });
});

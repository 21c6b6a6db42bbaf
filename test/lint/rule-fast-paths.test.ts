// Rules with a fast path for the common case (numbers that count up, stems and options that
// start with a letter) must report exactly what their plain definition reports.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Report } from '../../src/lint/define-rule.js';
import type { Project } from '../../src/ir/schema.js';
import duplicateNumber, { messages as numberMessages } from '../../src/lint/rules/duplicate-number.js';
import emptyStem, { messages as stemMessages } from '../../src/lint/rules/empty-stem.js';
import numberingGap, { messages as gapMessages } from '../../src/lint/rules/numbering-gap.js';

const span = (line: number) => ({ file: 'b.txt', line, column: 1, endLine: line, endColumn: 2 });
const text = (markdown: string, line: number) => ({ markdown, span: span(line) });
const projectOf = (qs: { number: number; stem: string; options: string[] }[]): Project =>
  ({
    banks: [{ questions: qs.map((q, i) => ({ id: `q${i}`, number: q.number, span: span(i * 10 + 1), stem: text(q.stem, i * 10 + 2), options: q.options.map((o, k) => ({ text: text(o, i * 10 + 3 + k) })) })) }],
  }) as unknown as Project;
const reports = (rule: { check: (p: Project, r: (x: Report) => void, ctx: never) => void }, p: Project) => {
  const out: Report[] = [];
  rule.check(p, (r) => out.push(r), {} as never);
  return out.map((r) => `${r.at.line} ${r.message}`);
};

// near each other, so that repeats, gaps and going back are all common
const number = fc.integer({ min: 0, max: 12 });
const piece = fc.constantFrom('', ' ', '\t', '\u00A0', '\uFEFF', '7', '12', '3.', '4)', 'x', 'Sim', ' 9 ', '1a');
const textArb = fc.array(piece, { maxLength: 3 }).map((a) => a.join(''));
const questions = fc.array(fc.record({ number, stem: textArb, options: fc.array(textArb, { maxLength: 4 }) }), { maxLength: 12 });

// the rule's reports equal what `plain` (the definition, written plainly) says, on random banks
const agrees = (rule: unknown, plain: (p: Project) => string[], numRuns: number) =>
  fc.assert(
    fc.property(questions, (qs) => {
      const p = projectOf(qs);
      expect(reports(rule as never, p)).toEqual(plain(p));
    }),
    { numRuns },
  );

describe('rule fast paths agree with the plain definitions', () => {
  it('duplicate-number: first line of each number from one Map', () => {
    agrees(
      duplicateNumber,
      (p) => {
        const plain: string[] = [];
        const seen = new Map<number, number>();
        for (const q of p.banks[0]!.questions) {
          const first = seen.get(q.number);
          if (first !== undefined) plain.push(`${q.span.line} ${numberMessages.dup(q.number, first)}`);
          else seen.set(q.number, q.span.line);
        }
        return plain;
      },
      2000,
    );
  });

  it('empty-stem: a stem is empty when trim() leaves nothing', () => {
    agrees(emptyStem, (p) => p.banks[0]!.questions.filter((q) => q.stem.markdown.trim() === '').map((q) => `${q.span.line} ${stemMessages.empty(q.number)}`), 1000);
  });

  it('numbering-gap: an option is a bare number when the regex matches its trimmed text', () => {
    agrees(
      numberingGap,
      (p) => {
        const plain: string[] = [];
        let prev: number | undefined;
        for (const q of p.banks[0]!.questions) {
          if (prev !== undefined && q.number !== prev + 1 && q.number !== prev) plain.push(`${q.span.line} ${gapMessages.gap(prev, q.number)}`);
          prev = q.number;
          q.options.forEach((o, i) => {
            const m = /^(\d{1,9})[.)]?$/.exec(o.text.markdown.trim());
            if (m && Number(m[1]) > q.number + 1 && i < q.options.length - 1) plain.push(`${o.text.span.line} ${gapMessages.numberOption(q.number, o.text.markdown.trim(), q.number + 1)}`);
          });
        }
        return plain;
      },
      1000,
    );
  });
});

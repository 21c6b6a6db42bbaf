// Non-breaking and zero-width spaces look like ordinary spaces (or like nothing) but are not:
// search, duplicate detection and some LMS editors treat them differently.
import { defineRule } from '../define-rule.js';
import { codePoint, findingsOf } from '../source-scan.js';

const names: Record<string, string> = {
  '\u00A0': 'a non-breaking space',
  '\u2007': 'a figure space',
  '\u202F': 'a narrow non-breaking space',
  '\u200B': 'a zero-width space',
  '\u200C': 'a zero-width non-joiner',
  '\u200D': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\uFEFF': 'a byte-order mark inside the text',
};

export const messages = {
  odd: (ch: string, count: number) => `Line contains ${names[ch] ?? 'an invisible character'} (${codePoint(ch)})${count > 1 ? `, ${count} times` : ''}`,
};

export default defineRule({
  id: 'nbsp',
  category: 'hygiene',
  severity: 'warning',
  description: 'Text should use ordinary spaces, not non-breaking or zero-width ones',
  docs: `Text pasted from Word, PDFs or web pages often carries non-breaking spaces (U+00A0, U+202F) and
zero-width characters (U+200B, U+FEFF). They look like a space or like nothing, but two stems that
differ only by them are different strings to search, to LMS question matching and to people
copying text out of an export.

Bad: "Brasília" preceded by U+00A0. Good: an ordinary space.`,
  check(project, report, ctx) {
    for (const bank of project.banks)
      for (const f of findingsOf(ctx.sourceLines(bank.path), 'nbsp'))
        report({ at: { file: bank.path, line: f.line, column: f.column, endLine: f.line, endColumn: f.endColumn }, message: messages.odd(f.char, f.count), hint: 'Replace it with an ordinary space (or delete it if zero-width)' });
  },
});

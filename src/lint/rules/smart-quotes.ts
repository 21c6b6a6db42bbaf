// Curly quotes pasted from a word processor next to straight ones typed in an editor: the same
// text in two spellings, which search and duplicate checks see as different.
import { defineRule } from '../define-rule.js';
import { findingsOf } from '../source-scan.js';

export const messages = {
  smart: (ch: string, count: number) => `Line contains the curly quote ${ch}${count > 1 ? ` (${count} curly quotes)` : ''}`,
};

export default defineRule({
  id: 'smart-quotes',
  category: 'hygiene',
  severity: 'info',
  description: 'Prefer straight quotes (" \') to curly ones (“ ” ‘ ’)',
  docs: `Curly quotes are fine in every output, but a bank that mixes them with straight quotes spells the
same text two ways. Informational; turn it off if the bank uses curly quotes on purpose.

Bad: “Mudar Endereço”. Good: "Mudar Endereço".`,
  check(project, report, ctx) {
    for (const bank of project.banks)
      for (const f of findingsOf(ctx.sourceLines(bank.path), 'smart-quotes'))
        report({ at: { file: bank.path, line: f.line, column: f.column, endLine: f.line, endColumn: f.endColumn }, message: messages.smart(f.char, f.count), hint: 'Replace with a straight quote' });
  },
});

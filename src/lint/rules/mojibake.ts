// UTF-8 text that was once read as Windows-1252 and saved again: "navegaÃ§Ã£o" for
// "navegação". Valid UTF-8, so the decoder cannot see it; every LMS shows the garbage.
import { defineRule } from '../define-rule.js';
import { findingsOf } from '../source-scan.js';

export const messages = {
  mojibake: (seq: string, fixed: string, count: number) => `Line contains "${seq}", which looks like "${fixed}" encoded twice${count > 1 ? ` (${count} places)` : ''}`,
};

const cp1252 = new Map<string, number>(
  [...'\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'].map((c, i) => [c, 0x80 + i]),
);

// Undo one round of "UTF-8 bytes read as Windows-1252", to show the author what was meant.
export function repair(seq: string): string {
  const bytes = [...seq].map((c) => cp1252.get(c) ?? c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return '?';
  }
}

export default defineRule({
  id: 'mojibake',
  category: 'hygiene',
  severity: 'warning',
  description: 'Text must not contain double-encoded UTF-8 such as "Ã§" or "â€™"',
  docs: `When a UTF-8 file is opened as Windows-1252 and saved again, every accented letter becomes two
characters: "ç" → "Ã§", "ã" → "Ã£", "é" → "Ã©", "’" → "â€™". The file is still valid UTF-8, so only
the look of the text gives it away. The message shows the character that was meant.

Bad: "SolicitaÃ§Ã£o". Good: "Solicitação".`,
  check(project, report, ctx) {
    for (const bank of project.banks)
      for (const f of findingsOf(ctx.sourceLines(bank.path), 'mojibake'))
        report({ at: { file: bank.path, line: f.line, column: f.column, endLine: f.line, endColumn: f.endColumn }, message: messages.mojibake(f.char, repair(f.char), f.count), hint: 'Replace the garbled characters (search and replace each pair), then save the file as UTF-8' });
  },
});

// Spaces or tabs at the end of a line: invisible, and noise in every diff of the bank.
import { defineRule } from '../define-rule.js';
import { findingsOf } from '../source-scan.js';

export const messages = {
  trailing: (count: number) => `Line ends with ${count} space${count === 1 ? '' : 's'} or tab${count === 1 ? '' : 's'}`,
};

export default defineRule({
  id: 'trailing-space',
  category: 'hygiene',
  severity: 'info',
  description: 'Lines should not end with spaces or tabs',
  docs: `qbank ignores trailing blanks, but they show up as changes in every review of the bank and hide
real edits. Most editors can strip them on save.

Bad: \`Brasília␠␠\`. Good: \`Brasília\`.`,
  check(project, report, ctx) {
    for (const bank of project.banks)
      for (const f of findingsOf(ctx.sourceLines(bank.path), 'trailing-space'))
        report({ at: { file: bank.path, line: f.line, column: f.column, endLine: f.line, endColumn: f.endColumn }, message: messages.trailing(f.char.length), hint: 'Delete the blanks at the end of the line' });
  },
});

// Control characters (U+0000–U+001F but tab, U+007F–U+009F) are invisible and most are not
// allowed in XML 1.0 at all: Moodle XML and QTI files would not even parse.
import { defineRule } from '../define-rule.js';
import { codePoint, findingsOf } from '../source-scan.js';

export const messages = {
  control: (ch: string, count: number) => `Line contains the control character ${codePoint(ch)}${count > 1 ? ` (${count} times)` : ''}`,
};

export default defineRule({
  id: 'control-character',
  category: 'hygiene',
  severity: 'error',
  description: 'Text must not contain control characters',
  docs: `Control characters come from copy-paste out of old systems and terminals (form feeds, escape
codes, U+0085 from a mis-decoded "…"). They are invisible in editors, and XML 1.0 forbids most of
them, so a Moodle XML or QTI import built from the text would be rejected. Tabs are allowed.

Bad: a line holding U+000C (form feed). Good: the same line without it.`,
  check(project, report, ctx) {
    for (const bank of project.banks)
      for (const f of findingsOf(ctx.sourceLines(bank.path), 'control-character'))
        report({ at: { file: bank.path, line: f.line, column: f.column, endLine: f.line, endColumn: f.endColumn }, message: messages.control(f.char, f.count), hint: 'Delete the character (an editor that shows invisibles helps)' });
  },
});

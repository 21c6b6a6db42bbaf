// A file mixing LF, CRLF and CR line endings: usually two editors on two systems. Some tools
// then see one long line, or an extra blank line, where the author saw none.
import { defineRule } from '../define-rule.js';

export const messages = {
  mixed: (parts: string) => `File mixes line endings: ${parts}`,
};

export default defineRule({
  id: 'mixed-line-endings',
  category: 'hygiene',
  severity: 'warning',
  description: 'A file should use one kind of line ending',
  docs: `qbank reads LF, CRLF and CR alike, but other tools (diff, grep, some editors, older importers) do
not, and a mix is a sign of a file pieced together from several sources. Pick one (LF is the
usual choice for files kept in git; a \`.gitattributes\` line \`*.txt text eol=lf\` enforces it).

Bad: 120 lines ending in CRLF and 3 in LF. Good: all LF.`,
  check(project, report) {
    for (const bank of project.banks) {
      const e = bank.lineEndings;
      const kinds = ([['LF', e.lf], ['CRLF', e.crlf], ['CR', e.cr]] as const).filter(([, n]) => n > 0);
      if (kinds.length < 2) continue;
      report({ at: { file: bank.path, line: 1, column: 1, endLine: 1, endColumn: 1 }, message: messages.mixed(kinds.map(([k, n]) => `${n} ${k}`).join(', ')), hint: 'Convert the file to one line ending (e.g. your editor\'s "LF" setting, or dos2unix)' });
    }
  },
});

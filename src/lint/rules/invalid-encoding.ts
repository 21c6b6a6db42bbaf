// Reported by the decoder; listed here for config and docs.
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'invalid-encoding',
  category: 'hygiene',
  severity: 'error',
  fromParser: true,
  description: 'Bank files must be UTF-8',
  docs: `Files saved by older Windows tools are often Windows-1252: accents then turn into garbage in every
LMS. qbank reads such lines with a Windows-1252 fallback so nothing is lost, and reports each one.

Bad: "Questão" saved as Windows-1252 (the byte 0xE3 for "ã"). Fix: save the file as UTF-8. Or run with \`--encoding windows-1252\` (whole file) or \`--encoding auto\`
(per line, reported as info).`,
  check() {},
});

// Reported while images are resolved (pipeline/assets.ts); listed here for config and docs.
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'image-path',
  category: 'problem',
  severity: 'error',
  fromParser: true,
  description: 'Images must be existing files inside the bank folder',
  docs: `Images are copied into packages (QTI, Moodle XML), so each must be a relative path to a file inside
the bank folder. Absolute paths, \`../\` escapes, symlinks leading outside and non-http URL schemes
are refused, so a bank can never pull other files of the machine into an LMS package.

Bad: \`![](../../secret.png)\`, \`![](/etc/passwd)\`. Good: \`![Mapa](img/mapa.png)\` with sources/img/mapa.png.`,
  check() {},
});

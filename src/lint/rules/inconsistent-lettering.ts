// Reported by the parser (it strips letters while reading options); listed here for config and docs.
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'inconsistent-lettering',
  category: 'style',
  severity: 'warning',
  fromParser: true,
  description: 'Option letters, when written, should run a, b, c … on every option',
  docs: `Letters before options (\`a)\`, \`A.\`, \`(a)\`, \`A -\`) are optional and stripped: keys always follow the
order of the option lines. A skipped or repeated letter, or one unlettered option among lettered
ones, usually means a line was lost or pasted out of order.

Bad: \`a)\`, \`b)\`, \`d)\`. Good: \`a)\`, \`b)\`, \`c)\`, or no letters at all.`,
  check() {},
});

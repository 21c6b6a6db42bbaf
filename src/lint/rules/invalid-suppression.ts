// Reported by the lint engine (suppress.ts); listed here for config and docs.
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'invalid-suppression',
  category: 'style',
  severity: 'warning',
  reportedBy: 'engine',
  description: 'Inline disables must name known rules and give a reason',
  docs: `A disable is a whole-line comment: \`<!-- qbank-disable-next-question rule-id[, rule-id] -- reason -->\`
(covers the next question, its key entries, and pairwise findings pointing at it) or
\`<!-- qbank-disable-file rule-id -- reason -->\` (the whole file and its key file). Reported: an
unknown directive or rule id (with a suggestion), a missing reason, a next-question disable with no
question after it. A disable with an unknown rule does nothing; one without a reason still applies.

Bad: \`<!-- qbank-disable-next-question near-duplicte -->\`.
Good: \`<!-- qbank-disable-next-question near-duplicate -- same case, other product -->\`.`,
  check() {},
});

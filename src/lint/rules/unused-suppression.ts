// Reported by the lint engine (run-lint.ts); listed here for config and docs.
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'unused-suppression',
  category: 'style',
  severity: 'warning',
  reportedBy: 'engine',
  description: 'An inline disable should still be needed',
  docs: `A \`qbank-disable-next-question\` or \`qbank-disable-file\` comment whose rule reports nothing there
is stale: the problem was fixed, or the comment moved away from its question. Stale disables
would silently hide the next real finding, so they are reported. Disables of rules that are off in
the configuration (or not run for the targets being built) are not judged.

Bad: \`<!-- qbank-disable-next-question near-duplicate -- copy of 3 -->\` above a question that is
no longer similar to anything. Good: delete the comment.`,
  check() {},
});

// The rule registry: a new rule is one file in rules/ plus one line here.
import type { Rule } from './define-rule.js';
import duplicateNumber from './rules/duplicate-number.js';
import duplicateOption from './rules/duplicate-option.js';
import duplicateQuestion from './rules/duplicate-question.js';
import emptyStem from './rules/empty-stem.js';
import imagePath from './rules/image-path.js';
import inconsistentLettering from './rules/inconsistent-lettering.js';
import invalidEncoding from './rules/invalid-encoding.js';
import keyConflictSources from './rules/key-conflict-sources.js';
import keyOutOfRange from './rules/key-out-of-range.js';
import missingAnswer from './rules/missing-answer.js';
import numberingGap from './rules/numbering-gap.js';
import tooFewOptions from './rules/too-few-options.js';

// eslint-style: rules take their own options type; the registry only needs the common shape.
export const rules: Rule<any>[] = [
  duplicateNumber,
  duplicateOption,
  duplicateQuestion,
  emptyStem,
  imagePath,
  inconsistentLettering,
  invalidEncoding,
  keyConflictSources,
  keyOutOfRange,
  missingAnswer,
  numberingGap,
  tooFewOptions,
].sort((a, b) => (a.id < b.id ? -1 : 1));

export const ruleById = new Map(rules.map((r) => [r.id, r]));

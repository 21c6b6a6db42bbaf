// The rule registry: a new rule is one file in rules/ plus one line here.
import type { Rule } from './define-rule.js';
import allOfTheAbove from './rules/all-of-the-above.js';
import controlCharacter from './rules/control-character.js';
import duplicateNumber from './rules/duplicate-number.js';
import duplicateOption from './rules/duplicate-option.js';
import duplicateQuestion from './rules/duplicate-question.js';
import emptyStem from './rules/empty-stem.js';
import imagePath from './rules/image-path.js';
import inconsistentLettering from './rules/inconsistent-lettering.js';
import invalidEncoding from './rules/invalid-encoding.js';
import invalidSuppression from './rules/invalid-suppression.js';
import keyConflict from './rules/key-conflict.js';
import keyConflictSources from './rules/key-conflict-sources.js';
import keyOutOfRange from './rules/key-out-of-range.js';
import keyPositionBias from './rules/key-position-bias.js';
import longestOptionIsKey from './rules/longest-option-is-key.js';
import missingAnswer from './rules/missing-answer.js';
import mixedLineEndings from './rules/mixed-line-endings.js';
import mojibake from './rules/mojibake.js';
import moodleGradeList from './rules/moodle-grade-list.js';
import nbsp from './rules/nbsp.js';
import nearDuplicate from './rules/near-duplicate.js';
import negativeStem from './rules/negative-stem.js';
import numberingGap from './rules/numbering-gap.js';
import optionCountOutlier from './rules/option-count-outlier.js';
import optionOverlap from './rules/option-overlap.js';
import smartQuotes from './rules/smart-quotes.js';
import tooFewOptions from './rules/too-few-options.js';
import trailingSpace from './rules/trailing-space.js';
import trueFalseLabels from './rules/true-false-labels.js';
import unsupportedImage from './rules/unsupported-image.js';
import unusedSuppression from './rules/unused-suppression.js';

// eslint-style: rules take their own options type; the registry only needs the common shape.
export const rules: Rule<any>[] = [
  allOfTheAbove,
  controlCharacter,
  duplicateNumber,
  duplicateOption,
  duplicateQuestion,
  emptyStem,
  imagePath,
  inconsistentLettering,
  invalidEncoding,
  invalidSuppression,
  keyConflict,
  keyConflictSources,
  keyOutOfRange,
  keyPositionBias,
  longestOptionIsKey,
  missingAnswer,
  mixedLineEndings,
  mojibake,
  moodleGradeList,
  nbsp,
  nearDuplicate,
  negativeStem,
  numberingGap,
  optionCountOutlier,
  optionOverlap,
  smartQuotes,
  tooFewOptions,
  trailingSpace,
  trueFalseLabels,
  unsupportedImage,
  unusedSuppression,
].sort((a, b) => (a.id < b.id ? -1 : 1));

export const ruleById = new Map(rules.map((r) => [r.id, r]));

const aliasOf = new Map<string, string>();
for (const r of rules) for (const a of r.aliases ?? []) aliasOf.set(a, r.id);

/** The canonical id for a rule id or a former id (alias); undefined when unknown. */
export function resolveRuleId(id: string): string | undefined {
  return ruleById.has(id) ? id : aliasOf.get(id);
}

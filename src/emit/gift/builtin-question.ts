// templates/gift/question.hbs written as code, for when that built-in template is the one in use
// (no override): Handlebars' runtime (lookups, helpers, a frame per #each item) cost more than
// everything else in a GIFT build, and the view object it needs is one more allocation per
// question. Same values (giftView's escaping), same bytes: a test renders every fixture question
// both ways, so an edit to the template that is not made here too fails that test.
import { escapeGift, protectFormatMarker } from './escape.js';
import { formatWeight } from './moodle-grades.js';
import type { MoodleQuestion } from './moodle-question.js';

const keepOrder = '// Keep these options in this order: GIFT cannot say so, so turn off "Shuffle the choices" after import.\n';

const text = (html: string) => escapeGift(protectFormatMarker(html));
const tagSafe = (t: string) => (t.includes(']') ? t.replace(/]/g, '\\]') : t);

export function builtinGiftQuestion(m: MoodleQuestion): string {
  let s = `// [id:${m.question.id}]\n`;
  for (const t of m.tags) s += `// [tag:${tagSafe(t)}]\n`;
  if (!m.shuffle) s += keepOrder;
  s += `::${escapeGift(m.name)}::[html]${escapeGift(m.stemHtml)}{\n`;
  if (m.kind === 'truefalse') {
    s += m.truth ? '\tTRUE' : '\tFALSE';
    if (m.trueFeedbackHtml !== '' || m.falseFeedbackHtml !== '') {
      s += `#${text(m.truth ? m.falseFeedbackHtml : m.trueFeedbackHtml)}#${text(m.truth ? m.trueFeedbackHtml : m.falseFeedbackHtml)}`;
    }
    s += '\n';
  }
  for (const a of m.answers) {
    const prefix = m.multiple ? `~%${formatWeight(a.weight)}%` : a.weight === 100 ? '=' : '~';
    const feedback = a.feedbackHtml === '' ? '' : text(a.feedbackHtml);
    s += `\t${prefix}${text(a.html)}${feedback === '' ? '' : `#${feedback}`}\n`;
  }
  if (m.generalFeedbackHtml !== '') s += `\t####${text(m.generalFeedbackHtml)}\n`;
  return s + '}\n\n';
}

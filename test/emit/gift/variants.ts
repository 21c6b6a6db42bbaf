// Variants of a Moodle question model for the tests that hold builtin-question.ts (GIFT and
// Moodle XML) to the Handlebars templates they replace.
import type { MoodleQuestion } from '../../../src/emit/gift/moodle-question.js';

/** The model as given, and altered so that every optional part of the template is used or left out. */
export function variants(m: MoodleQuestion): MoodleQuestion[] {
  const fb = (s: string) => ({ ...m, generalFeedbackHtml: s, trueFeedbackHtml: s, falseFeedbackHtml: '', answers: m.answers.map((a, i) => ({ ...a, feedbackHtml: i % 2 ? '' : `${s} ${i}` })) });
  return [
    m,
    { ...m, shuffle: !m.shuffle, tags: [...m.tags, 'a]b', '[x]'] },
    { ...m, tags: [] },
    fb('[html] -> {a} ~b =c #d :e \\f\r\ng'),
    fb('%50% <b>x</b>'),
    { ...m, multiple: !m.multiple, truth: !m.truth, trueFeedbackHtml: '', falseFeedbackHtml: 'só falso' },
    { ...m, kind: m.kind === 'truefalse' ? 'multichoice' : 'truefalse', answers: m.kind === 'truefalse' ? [{ html: 'x', weight: 100, feedbackHtml: '' }] : [] },
  ];
}

// templates/moodle-xml/question.hbs written as code, for when that built-in template is the one
// in use (no override): Handlebars' runtime (lookups, helpers, a frame per #each item) cost more
// than everything else in a Moodle XML build. Same values as moodleXmlView (CDATA, entities,
// base64 files), same bytes: a test renders every fixture question both ways, so an edit to the
// template that is not made here too fails that test.
import type { Asset } from '../../pipeline/assets.js';
import { formatWeight } from '../gift/moodle-grades.js';
import type { MoodleQuestion } from '../gift/moodle-question.js';
import type { FileRenderer } from './html-files.js';
import { cdata, escapeXml } from './xml-text.js';

const base64 = new WeakMap<Uint8Array, string>();
export function fileView(a: Asset): { name: string; data: string } {
  let data = base64.get(a.data);
  if (data === undefined) {
    data = Buffer.from(a.data).toString('base64');
    base64.set(a.data, data);
  }
  return { name: escapeXml(a.name), data };
}

const emptyCdata = cdata('');

function filesXml(files: FileRenderer, html: string, indent: string): string {
  let s = '';
  for (const a of files.filesIn(html)) {
    const f = fileView(a);
    s += `${indent}<file name="${f.name}" path="/" encoding="base64">${f.data}</file>\n`;
  }
  return s;
}

function answerXml(fraction: string, format: string, text: string, feedbackHtml: string, files: FileRenderer, html: string): string {
  return (
    `    <answer fraction="${fraction}" format="${format}">\n      <text>${text}</text>\n` +
    (html === '' ? '' : filesXml(files, html, '      ')) +
    `      <feedback format="html">\n        <text>${cdata(feedbackHtml)}</text>\n` +
    (feedbackHtml === '' ? '' : filesXml(files, feedbackHtml, '        ')) +
    '      </feedback>\n    </answer>\n'
  );
}

export function builtinMoodleXmlQuestion(m: MoodleQuestion, files: FileRenderer): string {
  const q = m.question;
  const tf = m.kind === 'truefalse';
  const id = escapeXml(q.id);
  let s =
    `  <question type="${m.kind}">\n    <name><text>${cdata(m.name)}</text></name>\n` +
    `    <questiontext format="html">\n      <text>${cdata(m.stemHtml)}</text>\n${filesXml(files, m.stemHtml, '      ')}    </questiontext>\n` +
    `    <generalfeedback format="html">\n      <text>${cdata(m.generalFeedbackHtml)}</text>\n${m.generalFeedbackHtml === '' ? '' : filesXml(files, m.generalFeedbackHtml, '      ')}    </generalfeedback>\n` +
    `    <defaultgrade>${formatWeight(q.points)}</defaultgrade>\n    <penalty>${tf ? '1' : '0.3333333'}</penalty>\n    <hidden>0</hidden>\n    <idnumber>${id}</idnumber>\n`;
  if (tf) {
    s += answerXml(m.truth ? '100' : '0', 'moodle_auto_format', 'true', m.trueFeedbackHtml, files, '');
    s += answerXml(m.truth ? '0' : '100', 'moodle_auto_format', 'false', m.falseFeedbackHtml, files, '');
  } else {
    s +=
      `    <single>${m.multiple ? 'false' : 'true'}</single>\n    <shuffleanswers>${m.shuffle ? '1' : '0'}</shuffleanswers>\n    <answernumbering>${m.numbering}</answernumbering>\n` +
      '    <showstandardinstruction>0</showstandardinstruction>\n' +
      `    <correctfeedback format="html"><text>${cdata(m.correctFeedbackHtml)}</text></correctfeedback>\n` +
      `    <partiallycorrectfeedback format="html"><text>${emptyCdata}</text></partiallycorrectfeedback>\n` +
      `    <incorrectfeedback format="html"><text>${cdata(m.incorrectFeedbackHtml)}</text></incorrectfeedback>\n` +
      (m.multiple ? '    <shownumcorrect/>\n' : '');
    for (const a of m.answers) s += answerXml(formatWeight(a.weight), 'html', cdata(a.html), a.feedbackHtml, files, a.html);
  }
  if (m.tags.length > 0) {
    s += '    <tags>\n';
    for (const t of m.tags) s += `      <tag><text>${cdata(t)}</text></tag>\n`;
    s += '    </tags>\n';
  }
  return s + '  </question>\n';
}

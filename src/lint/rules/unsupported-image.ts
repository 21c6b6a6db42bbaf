// GIFT is plain text: it can link an image by URL but cannot carry the image file, so a local
// image (![](img/x.png)) is lost on import. Reported only when a GIFT output is being built.
import { imageUrls } from '../../markdown/render.js';
import { defineRule } from '../define-rule.js';

export const messages = {
  gift: (n: number, urls: string) => `Question ${n} shows ${urls}, but a GIFT file cannot carry image files`,
};

export default defineRule({
  id: 'unsupported-image',
  category: 'portability',
  severity: 'warning',
  targets: ['gift'],
  description: 'Local images are lost in targets that cannot carry files (GIFT)',
  docs: `Moodle XML, QTI and Canvas packages embed image files; a GIFT file is text only, so an image
kept next to the bank (\`![Roteador](img/roteador.png)\`) arrives in Moodle as a broken link.
Images given by an https URL stay links and work everywhere. Reported only when \`gift\` is among the
targets being built (\`--target\`, config \`formats\`).

Bad (with GIFT): \`![Roteador](img/roteador.png)\`. Good: import the Moodle XML output for banks
with images, or link the image by https URL.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions) {
        // no image in most questions: looked for without building a list of their texts
        if (!q.stem.markdown.includes('![') && !q.options.some((o) => o.text.markdown.includes('!['))) continue;
        const urls: string[] = [];
        for (const t of [q.stem, ...q.options.map((o) => o.text)])
          if (t.markdown.includes('![')) for (const u of imageUrls(t.markdown)) if (!/^https?:/i.test(u)) urls.push(u);
        if (urls.length)
          report({ at: q.stem.span, questionId: q.id, message: messages.gift(q.number, urls.join(', ')), hint: 'Import the Moodle XML output instead (it embeds images), or link the image by https URL' });
      }
  },
});

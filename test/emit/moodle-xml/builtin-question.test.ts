// The Moodle XML emitter writes questions with builtin-question.ts instead of Handlebars when the
// built-in question.hbs is in use. This test holds the two to the same bytes, for every question
// of the sample and hostile banks (with feedback added, some of it showing the sample's image)
// and for variants that reach each branch of the template.
import { describe, expect, it } from 'vitest';
import { createTemplateSet } from '../../../src/emit/templates.js';
import { isBuiltinTemplate } from '../../../src/emit/self-check.js';
import { expectedMoodleXml, moodleXmlView } from '../../../src/emit/moodle-xml/index.js';
import { fileRenderer } from '../../../src/emit/moodle-xml/html-files.js';
import { builtinMoodleXmlQuestion } from '../../../src/emit/moodle-xml/builtin-question.js';
import { hostileBank, loadBanks, sampleBanks, withFeedback } from '../gift/support.js';
import { variants } from '../gift/variants.js';

describe('built-in Moodle XML question template as code', () => {
  it('is used only for the built-in template', () => {
    expect(isBuiltinTemplate(createTemplateSet().get('moodle-xml', 'question.hbs').origin)).toBe(true);
  });

  it('writes exactly what Handlebars writes from templates/moodle-xml/question.hbs', async () => {
    const { project, asset } = await loadBanks([...sampleBanks, hostileBank]);
    const template = createTemplateSet().get('moodle-xml', 'question.hbs');
    const withImages = withFeedback(project);
    const bank = withImages.banks.find((b) => b.id === 'recursos/exemplo')!;
    const image = bank.questions.find((q) => q.stem.markdown.includes('!['))!.stem.markdown;
    const span = bank.questions[0]!.stem.span;
    bank.questions[1]!.feedback = { general: { markdown: image, span }, correct: { markdown: `Certo ${image}`, span }, options: [{ markdown: image, span }] };
    let compared = 0;
    let withFiles = 0;
    for (const b of withImages.banks) {
      const files = fileRenderer(b.id, asset);
      for (const e of expectedMoodleXml(b, files)) {
        if (e.kind !== 'question') continue;
        for (const m of variants(e.model)) {
          const xml = builtinMoodleXmlQuestion(m, files);
          expect(xml).toBe(template(moodleXmlView(m, files)));
          if (xml.includes('<file ')) withFiles++;
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(withFiles).toBeGreaterThan(3);
  });
});

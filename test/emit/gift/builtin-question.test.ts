// The GIFT emitter writes questions with builtin-question.ts instead of Handlebars when the
// built-in question.hbs is in use. This test holds the two to the same bytes, for every question
// of the sample and hostile banks (with feedback added) and for variants that reach each branch
// of the template (tags, fixed order, feedback, true/false).
import { describe, expect, it } from 'vitest';
import { createTemplateSet } from '../../../src/emit/templates.js';
import { isBuiltinTemplate } from '../../../src/emit/self-check.js';
import { expectedGift, giftView } from '../../../src/emit/gift/index.js';
import { builtinGiftQuestion } from '../../../src/emit/gift/builtin-question.js';
import { hostileBank, loadBanks, sampleBanks, withFeedback } from './support.js';
import { variants } from './variants.js';

describe('built-in GIFT question template as code', () => {
  it('is used only for the built-in template', () => {
    expect(isBuiltinTemplate(createTemplateSet().get('gift', 'question.hbs').origin)).toBe(true);
  });

  it('writes exactly what Handlebars writes from templates/gift/question.hbs', async () => {
    const { project } = await loadBanks([...sampleBanks, hostileBank]);
    const template = createTemplateSet().get('gift', 'question.hbs');
    let compared = 0;
    for (const bank of withFeedback(project).banks) {
      for (const e of expectedGift(bank)) {
        if (e.kind !== 'question') continue;
        for (const m of variants(e.model)) {
          expect(builtinGiftQuestion(m)).toBe(template(giftView(m)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

// --format for lint output: text (people), json (scripts), sarif (code scanning), github
// (workflow annotations). Every reporter is a pure function over sorted diagnostics.
import type { Diagnostic } from '../ir/diagnostic.js';
import { packageJson } from '../util/package-root.js';
import { rules } from '../lint/index.js';
import { formatGithub } from '../report/github.js';
import { formatJson } from '../report/json.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';

export interface ReportContext {
  color: boolean;
  all?: Diagnostic[]; // unfiltered findings, for summary lines
}

export const reporters: Record<string, (diags: Diagnostic[], ctx: ReportContext) => string | Promise<string>> = {
  text: (d, ctx) => formatText(d, { color: ctx.color, ...(ctx.all ? { all: ctx.all } : {}) }),
  json: (d) => formatJson(d),
  sarif: (d) => {
    const { version, homepage } = packageJson();
    return formatSarif(d, { rules, version, ...(homepage ? { informationUri: homepage } : {}) });
  },
  github: (d) => formatGithub(d),
};

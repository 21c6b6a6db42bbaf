// --format for lint output; the registry other reporters (sarif, github) join.
import type { Diagnostic } from '../ir/diagnostic.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';

export interface ReportContext {
  color: boolean;
}

export const reporters: Record<string, (diags: Diagnostic[], ctx: ReportContext) => string | Promise<string>> = {
  text: (d, ctx) => formatText(d, { color: ctx.color }),
  json: (d) => formatJson(d),
};

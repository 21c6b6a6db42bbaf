// Machine output: { version, summary, diagnostics[] }. The shape is documented in the README
// and kept stable; new fields may be added, none removed.
import type { Diagnostic } from '../ir/diagnostic.js';
import { summarize } from './text.js';

export function formatJson(diags: Diagnostic[]): string {
  return JSON.stringify({ version: 1, summary: summarize(diags), diagnostics: diags }, null, 2) + '\n';
}

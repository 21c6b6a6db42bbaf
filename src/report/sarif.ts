// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rule metadata in
// tool.driver.rules (id, name, descriptions, help, default level, category), one result per
// finding with its region and related locations. Pure and deterministic: no clock, no absolute
// paths (URIs are relative to the folder qbank ran in, which is the repository root in CI).
import type { Diagnostic, Severity } from '../ir/diagnostic.js';
import type { Span } from '../ir/schema.js';
import { nodeCrypto } from '../util/builtins.js';

export interface RuleMeta {
  id: string;
  severity: Severity;
  category: string;
  description: string;
  docs: string;
}

export interface SarifOptions {
  rules: RuleMeta[];
  version: string;
  informationUri?: string;
}

const level = { error: 'error', warning: 'warning', info: 'note' } as const;

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(s: Pick<Span, 'line' | 'column'> & { endLine?: number; endColumn?: number }) {
  const r: Record<string, number> = { startLine: s.line, startColumn: s.column };
  if (s.endLine !== undefined && s.endLine >= s.line) r.endLine = s.endLine;
  const endLine = r.endLine ?? s.line;
  if (s.endColumn !== undefined && (endLine > s.line || s.endColumn > s.column)) r.endColumn = s.endColumn;
  return r;
}

function descriptor(r: RuleMeta) {
  const [summary = r.description] = r.docs.split(/\n\s*\n/);
  return {
    id: r.id,
    // SARIF wants a friendly name that differs from the id (case ignored), else none
    ...(pascal(r.id).toLowerCase() !== r.id.toLowerCase() ? { name: pascal(r.id) } : {}),
    shortDescription: { text: sentence(r.description) },
    fullDescription: { text: sentence(summary.replace(/\s*\n\s*/g, ' ')) },
    help: { text: `${sentence(r.description)}\n\n${r.docs}`, markdown: `**${r.id}**: ${sentence(r.description)} (${r.category}, default ${r.severity})\n\n${r.docs}` },
    defaultConfiguration: { level: level[r.severity] },
    properties: { tags: ['qbank', r.category], category: r.category },
  };
}

// Findings that come from no rule module (parse/…, emit/…): described by their id alone.
function adHoc(id: string, severity: Severity): RuleMeta {
  const family = id.split('/')[0];
  const what = family === 'parse' ? 'reading the bank' : family === 'emit' ? 'checking an output' : 'linting';
  return { id, severity, category: family === 'parse' ? 'syntax' : 'problem', description: `Problem found while ${what} (${id})`, docs: `Reported while ${what}; see the message of each result.` };
}

export function formatSarif(diags: Diagnostic[], opts: SarifOptions): string {
  const metas = new Map(opts.rules.map((r) => [r.id, r]));
  for (const d of diags) if (!metas.has(d.ruleId)) metas.set(d.ruleId, adHoc(d.ruleId, d.severity));
  const ids = [...metas.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const results = diags.map((d) => {
    const text = d.hint ? `${sentence(d.message)} ${sentence(d.hint)}` : sentence(d.message);
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId),
      level: level[d.severity],
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(d.file) }, region: region(d) } }],
      // Stable across runs and line moves: the finding's rule, file, question and message.
      partialFingerprints: {
        'qbankFinding/v1': nodeCrypto().createHash('sha256')
          .update([d.ruleId, d.file, d.questionId ?? `${d.line}:${d.column}`, d.message].join('\0'))
          .digest('hex')
          .slice(0, 32),
      },
    };
    if (d.related?.length)
      result.relatedLocations = d.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: { uri: fileUri(r.span.file) }, region: region(r.span) },
        message: { text: sentence(r.message) },
      }));
    if (d.questionId) result.properties = { questionId: d.questionId };
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'qbank',
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            version: opts.version,
            semanticVersion: opts.version,
            rules: ids.map((id) => descriptor(metas.get(id)!)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

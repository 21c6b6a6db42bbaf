// The intermediate representation every pass shares. Zod is the single source of truth:
// types come from z.infer and dist/qbank.schema.json is generated from these schemas.
// Every module imports zod as a namespace (`import * as z`): the CLI bundle then keeps only the
// parts qbank calls. `import { z }` is zod's prebuilt namespace object, which keeps all of zod
// (twice the code to compile on every start); test/cli/startup.test.ts checks the bundle.
import * as z from 'zod';

// zod compiles a fast parser for each object schema on first use; that costs more than it saves
// here (a few hundred questions validated per run, see pipeline/build.ts irSample), and it was
// ~10 ms of every `qbank lint` start.
z.config({ jitless: true });

const pos = z.number().int().min(1);

export const SpanSchema = z.object({
  file: z.string().describe('Path relative to the project root, with /'),
  line: pos,
  column: pos,
  endLine: pos,
  endColumn: pos,
});
export type Span = z.infer<typeof SpanSchema>;

export const TextSchema = z.object({
  markdown: z.string().describe('Inline Markdown exactly as authored (letters and marks stripped)'),
  span: SpanSchema,
});
export type Text = z.infer<typeof TextSchema>;

export const OptionSchema = z.object({
  text: TextSchema,
  letter: z.string().optional().describe('Letter the author wrote before the option, if any'),
  fixed: z.boolean().optional().describe('Keep this option in place when options are shuffled'),
});
export type Option = z.infer<typeof OptionSchema>;

export const KeySourceKind = z.enum(['sidecar', 'block', 'inline', 'header']);
export type KeySourceKindT = z.infer<typeof KeySourceKind>;

export const KeyEntrySchema = z.object({
  source: KeySourceKind,
  letters: z.array(z.string()).describe('As written, upper-cased'),
  span: SpanSchema,
});
export type KeyEntry = z.infer<typeof KeyEntrySchema>;

export const QuestionTypeSchema = z.enum(['single', 'multiple', 'truefalse']);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

export const FeedbackSchema = z.object({
  general: TextSchema.optional(),
  correct: TextSchema.optional(),
  incorrect: TextSchema.optional(),
  options: z.array(TextSchema.nullable()).optional().describe('Per option, same order as options'),
});

export const QuestionSchema = z.object({
  id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/).describe('Stable id (an XML NCName); does not change when text is edited'),
  number: z.number().int().min(0).describe('Number as written in the source'),
  bank: z.string().describe('Id of the bank (source file) the question belongs to'),
  span: SpanSchema.describe('The number line that starts the question'),
  stem: TextSchema,
  options: z.array(OptionSchema),
  key: z.array(z.number().int().min(0)).describe('Indexes of the correct options, ascending'),
  keyEntries: z.array(KeyEntrySchema).describe('Every place that keyed this question'),
  type: QuestionTypeSchema,
  points: z.number().positive(),
  category: z.string(),
  tags: z.array(z.string()),
  shuffle: z.boolean().describe('false: emitters must keep the authored option order'),
  feedback: FeedbackSchema.optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const CommentSchema = z.object({ text: z.string(), span: SpanSchema });
export type Comment = z.infer<typeof CommentSchema>;

export const BankSchema = z.object({
  id: z.string().describe('Path under the sources root without extension, with /'),
  path: z.string().describe('Source file path relative to the project root'),
  keyPath: z.string().optional().describe('Sidecar answer-key file, when one was read'),
  title: z.string(),
  category: z.string(),
  lang: z.string(),
  points: z.number().positive(),
  tags: z.array(z.string()),
  shuffle: z.boolean(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  bom: z.boolean(),
  lineEndings: z.object({ lf: z.number().int(), crlf: z.number().int(), cr: z.number().int() }),
  comments: z.array(CommentSchema),
  questions: z.array(QuestionSchema),
});
export type Bank = z.infer<typeof BankSchema>;

export const ProjectSchema = z.object({
  schemaVersion: z.literal(1),
  banks: z.array(BankSchema),
});
export type Project = z.infer<typeof ProjectSchema>;

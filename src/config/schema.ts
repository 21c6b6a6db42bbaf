// qbank.config.json: where the bank lives, defaults for its questions, and lint settings.
import * as z from 'zod';

export const RuleSeveritySchema = z.enum(['off', 'info', 'warn', 'error']);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

export const RuleSettingSchema = z.union([
  RuleSeveritySchema,
  z.tuple([RuleSeveritySchema, z.record(z.string(), z.unknown())]),
]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const ConfigSchema = z
  .object({
    sources: z.array(z.string()).default(['sources/**/*.txt']).describe('Globs of bank files, relative to the config file'),
    out: z.string().default('dist').describe('Output folder'),
    encoding: z.enum(['utf-8', 'windows-1252', 'auto']).default('utf-8'),
    lang: z.string().default('pt-BR').describe('Default language of the banks (header `lang:` overrides)'),
    points: z.number().positive().default(1),
    shuffle: z.boolean().default(true).describe('Default for shuffling options in LMS outputs'),
    formats: z.array(z.string()).optional().describe('Targets `qbank build` emits by default'),
    rules: z.record(z.string(), RuleSettingSchema).default({}),
    overrides: z
      .array(z.object({ files: z.array(z.string()), rules: z.record(z.string(), RuleSettingSchema) }).strict())
      .default([]),
    ignore: z.array(z.string()).default([]).describe('Globs of files that are neither read nor linted'),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;

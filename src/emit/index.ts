// The target registry: a new target is one folder plus one line here. Emitters load lazily so
// `qbank lint` never pays for Handlebars, zip or Markdown rendering it does not use.
import type { Emitter } from './emitter.js';

export const targets: Record<string, () => Promise<Emitter>> = {
  json: async () => (await import('./json/index.js')).json,
  qti21: async () => (await import('./qti21/index.js')).qti21,
  canvas: async () => (await import('./canvas/index.js')).canvas,
  html: async () => (await import('./html/index.js')).html,
  gift: async () => (await import('./gift/index.js')).gift,
  'moodle-xml': async () => (await import('./moodle-xml/index.js')).moodleXml,
};

export const defaultTargets = (): string[] => Object.keys(targets);

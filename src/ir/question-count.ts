import type { Project } from './schema.js';

/** How many questions a project holds, over all its banks. */
export function questionCount(project: Project): number {
  let n = 0;
  for (const bank of project.banks) n += bank.questions.length;
  return n;
}

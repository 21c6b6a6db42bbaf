// dist/bank.json is the IR itself (validated against dist/qbank.schema.json, generated from the
// zod schemas). Written question by question so a million-question bank never becomes one string.
import * as z from 'zod';
import { ProjectSchema, type Project } from '../../ir/schema.js';
import { reiterable, type Emitter } from '../emitter.js';

export function* jsonChunks(project: Project): Generator<string> {
  yield '{\n  "schemaVersion": 1,\n  "banks": [';
  let firstBank = true;
  for (const bank of project.banks) {
    const { questions, ...meta } = bank;
    const head = JSON.stringify(meta);
    yield `${firstBank ? '' : ','}\n    ${head.slice(0, -1)},"questions":[`;
    firstBank = false;
    let first = true;
    for (const q of questions) {
      yield (first ? '\n      ' : ',\n      ') + JSON.stringify(q);
      first = false;
    }
    yield questions.length ? '\n    ]}' : ']}';
  }
  yield project.banks.length ? '\n  ]\n}\n' : ']\n}\n';
}

export function projectJsonSchema(): unknown {
  return z.toJSONSchema(ProjectSchema, { target: 'draft-2020-12' });
}

export const json: Emitter = {
  target: 'json',
  description: 'The IR as JSON (bank.json) and its JSON Schema (qbank.schema.json)',
  emit(project) {
    return [
      { path: 'bank.json', contents: reiterable(() => jsonChunks(project)) },
      { path: 'qbank.schema.json', contents: JSON.stringify(projectJsonSchema(), null, 2) + '\n' },
    ];
  },
};

// Assigning reviewed messages to intents: finds the YAML file that defines the intent (or `out_of_scope`) and appends.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { Knowledge } from '../../../dialogs';
import { appendExample, type AppendResult } from './append-example';

/** The pseudo-intent for "none of our intents": the text goes under `out_of_scope`. */
export const OUT_OF_SCOPE = 'out_of_scope';

export interface Assignment {
  readonly text: string;
  readonly intent: string;
}

export interface AssignmentResult extends Assignment {
  readonly file: string;
  readonly result: AppendResult;
}

/** `"text=intent"` → an assignment (split at the last "=", so the text may hold one). */
export function parseAssignment(arg: string): Assignment {
  const at = arg.lastIndexOf('=');
  const text = at > 0 ? arg.slice(0, at).trim() : '';
  const intent = at > 0 ? arg.slice(at + 1).trim() : '';
  if (!text || !intent) throw new Error(`expected "<text>=<intent>", got "${arg}"`);
  return { text, intent };
}

/** Sources are "<knowledge dir name>/<path inside it>": resolved against the directory actually used. */
function sourcePath(knowledgeDir: string, sourceFile: string): string {
  return join(resolve(knowledgeDir), sourceFile.split('/').slice(1).join('/'));
}

function outOfScopeFile(knowledgeDir: string, knowledge: Knowledge): string {
  const files = [...new Set(knowledge.intents.map((i) => sourcePath(knowledgeDir, i.source.file)))];
  const holder = files.find((f) => existsSync(f) && parseDocument(readFileSync(f, 'utf8')).has('out_of_scope'));
  const fallback = files.find((f) => f.endsWith('smalltalk.yaml')) ?? files[0];
  if (!holder && !fallback) throw new Error('no intents file to put out_of_scope examples in');
  return (holder ?? fallback) as string;
}

export function assignExamples(knowledgeDir: string, knowledge: Knowledge, assignments: readonly Assignment[]): AssignmentResult[] {
  return assignments.map(({ text, intent }) => {
    let file: string;
    if (intent === OUT_OF_SCOPE) file = outOfScopeFile(knowledgeDir, knowledge);
    else {
      const found = knowledge.intents.find((i) => i.name === intent);
      if (!found) throw new Error(`unknown intent "${intent}" (known: ${knowledge.intents.map((i) => i.name).join(', ')}, ${OUT_OF_SCOPE})`);
      file = sourcePath(knowledgeDir, found.source.file);
    }
    return { text, intent, file, result: appendExample(file, intent === OUT_OF_SCOPE ? null : intent, text) };
  });
}

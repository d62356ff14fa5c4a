// Appends a training example to an intent in its YAML file. yaml's document API finds where the list ends; the new
// line is spliced into the original text there, so every comment, blank line and spacing stays byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export type AppendResult = 'added' | 'duplicate';

/** How the loader compares examples: lower case, punctuation and runs of spaces collapsed. */
const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Adds `text` to `intents.<intent>.examples` (or to `out_of_scope` when `intent` is null) in `file`.
 * Throws when the file has no such intent or list: the caller picks the file from the intent's source.
 */
export function appendExample(file: string, intent: string | null, text: string): AppendResult {
  const source = readFileSync(file, 'utf8');
  const doc = parseDocument(source);
  const path = intent === null ? ['out_of_scope'] : ['intents', intent, 'examples'];
  if (intent !== null && !isMap(doc.getIn(['intents', intent]))) throw new Error(`${file} has no intent "${intent}"`);
  const list = doc.getIn(path, true);
  if (!isSeq(list)) throw new Error(`${file}: ${path.join('.')} is not a list`);
  if (list.items.some((item) => isScalar(item) && comparable(String(item.value)) === comparable(text))) return 'duplicate';
  const last = list.items[list.items.length - 1];
  const range = isScalar(last) ? last.range : undefined;
  if (list.flow || !range) {
    // A flow list (`[a, b]`) or an empty one: let yaml write it (formatting of that one list may change).
    list.add(doc.createNode(text));
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
    return 'added';
  }
  const lineStart = source.lastIndexOf('\n', range[0]) + 1;
  const indent = /^\s*/.exec(source.slice(lineStart, range[0]))?.[0] ?? '';
  const lineEnd = source.indexOf('\n', range[1]);
  const at = lineEnd < 0 ? source.length : lineEnd;
  // JSON string syntax is valid YAML double-quoted syntax, escapes included.
  writeFileSync(file, `${source.slice(0, at)}\n${indent}- ${JSON.stringify(text)}${source.slice(at)}`);
  return 'added';
}

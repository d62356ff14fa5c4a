// Appends a training example to an intent in its YAML file with yaml's document API, so the author's comments,
// ordering and quoting stay exactly as they were; only one line is added.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument, Scalar } from 'yaml';

export type AppendResult = 'added' | 'duplicate';

/** How the loader compares examples: lower case, punctuation and runs of spaces collapsed. */
const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Adds `text` to `intents.<intent>.examples` (or to `out_of_scope` when `intent` is null) in `file`.
 * Throws when the file has no such intent: the caller picks the file from the intent's source.
 */
export function appendExample(file: string, intent: string | null, text: string): AppendResult {
  const doc = parseDocument(readFileSync(file, 'utf8'), { keepSourceTokens: false });
  const path = intent === null ? ['out_of_scope'] : ['intents', intent, 'examples'];
  if (intent !== null && !isMap(doc.getIn(['intents', intent]))) throw new Error(`${file} has no intent "${intent}"`);
  let list = doc.getIn(path);
  if (list === undefined) {
    doc.setIn(path, doc.createNode([]));
    list = doc.getIn(path);
  }
  if (!isSeq(list)) throw new Error(`${file}: ${path.join('.')} is not a list`);
  const existing = list.items.map((item) => comparable(String(item instanceof Scalar ? item.value : item)));
  if (existing.includes(comparable(text))) return 'duplicate';
  // Match the file's habit: if the last example is double-quoted, so is the new one.
  const last = list.items[list.items.length - 1];
  const scalar = new Scalar(text);
  scalar.type = last instanceof Scalar && last.type ? last.type : Scalar.QUOTE_DOUBLE;
  list.items.push(scalar);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return 'added';
}

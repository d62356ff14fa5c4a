// The unrecognized inbox: messages the bot did not understand (the NLU's redacted log in DATA_DIR), grouped by
// similarity with counts; "add to intent" goes through nlu:review's own path (the example appended to the intent's
// YAML, the messages taken off the log); "ignore" takes them off and keeps them ignored when they come again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../../dialogs';
import { assignExamples, type AssignmentResult } from '../nlu/review/assign';
import { groupMessages, type MessageGroup } from '../nlu/review/group';
import { readUnrecognized, removeUnrecognized } from '../nlu/unrecognized-log';

export const IGNORED_FILE = 'unrecognized-ignored.json';

/** As the loader compares examples: lower case, punctuation and runs of spaces collapsed. */
const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function readIgnored(dataDir: string): Set<string> {
  const file = join(dataDir, IGNORED_FILE);
  if (!existsSync(file)) return new Set();
  try {
    const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export interface InboxRange {
  /** Epoch ms, [from, to). */
  readonly from?: number;
  readonly to?: number;
}

/** The groups to review, most frequent first; ignored messages never come back. */
export function listInbox(dataDir: string, range: InboxRange = {}): MessageGroup[] {
  const ignored = readIgnored(dataDir);
  const records = readUnrecognized(dataDir).filter((r) => {
    const at = Date.parse(r.at);
    return !ignored.has(comparable(r.text)) && (range.from === undefined || at >= range.from) && (range.to === undefined || at < range.to);
  });
  return groupMessages(records);
}

/** Ignores the messages for good: off the log now, and left out whenever the same words come again. */
export function ignoreMessages(dataDir: string, texts: readonly string[]): number {
  const ignored = readIgnored(dataDir);
  for (const t of texts) ignored.add(comparable(t));
  writeFileSync(join(dataDir, IGNORED_FILE), `${JSON.stringify([...ignored].sort(), null, 1)}\n`);
  return removeUnrecognized(dataDir, new Set(texts));
}

/** nlu:review's "assign": each text appended to the intent's YAML (or out_of_scope), then taken off the log. */
export function addToIntent(dataDir: string, knowledgeDir: string, knowledge: Knowledge, texts: readonly string[], intent: string): AssignmentResult[] {
  const results = assignExamples(knowledgeDir, knowledge, texts.map((text) => ({ text, intent })));
  removeUnrecognized(dataDir, new Set(texts));
  return results;
}

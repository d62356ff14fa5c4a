// The log of messages the bot did not understand, in DATA_DIR as JSON lines, for `npm run nlu:review`.
// Personal data is redacted before anything is written: emails, phone numbers, card numbers and long digit runs.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntentScore } from '../../dialogs';
import { redactPii } from '../security/redact';

export const UNRECOGNIZED_FILE = 'unrecognized.jsonl';
/** How many intents of the ranking are kept: enough for the reviewer to see what the bot was torn between. */
const KEPT_RANKING = 3;
const MAX_TEXT = 500;
/** Digit runs the shared redactor leaves (account or order numbers written without separators). */
const LONG_DIGITS = /\d{6,}/g;

export interface UnrecognizedRecord {
  readonly text: string;
  readonly ranking: readonly IntentScore[];
  /** ISO time. */
  readonly at: string;
  /** The conversation key, so a user's lines can be exported and erased (bot/nlu/unrecognized-privacy.ts). */
  readonly conversation?: string;
}

export function redactForLog(text: string): string {
  return redactPii(text).replace(LONG_DIGITS, '[number]');
}

export function unrecognizedFile(dataDir: string): string {
  return join(dataDir, UNRECOGNIZED_FILE);
}

/** Appends one redacted record (synchronously: one short line, and the order of lines is the order of messages). */
export function recordUnrecognized(dataDir: string, record: UnrecognizedRecord): void {
  mkdirSync(dataDir, { recursive: true });
  const line: UnrecognizedRecord = {
    text: redactForLog(record.text.slice(0, MAX_TEXT)),
    ranking: record.ranking.slice(0, KEPT_RANKING).map((s) => ({ intent: s.intent, confidence: Math.round(s.confidence * 1000) / 1000 })),
    at: record.at,
    ...(record.conversation ? { conversation: record.conversation } : {}),
  };
  appendFileSync(unrecognizedFile(dataDir), `${JSON.stringify(line)}\n`);
}

/** Every readable record, oldest first; a torn or foreign line is skipped rather than failing the review. */
export function readUnrecognized(dataDir: string): UnrecognizedRecord[] {
  const file = unrecognizedFile(dataDir);
  if (!existsSync(file)) return [];
  const records: UnrecognizedRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<UnrecognizedRecord>;
      if (typeof value.text === 'string' && typeof value.at === 'string') {
        const conversation = typeof value.conversation === 'string' ? { conversation: value.conversation } : {};
        records.push({ text: value.text, at: value.at, ranking: Array.isArray(value.ranking) ? value.ranking : [], ...conversation });
      }
    } catch {
      // A line cut short by a crash: skipped.
    }
  }
  return records;
}

/** Rewrites the log with only the records `keep` accepts (a new file renamed over the old); returns how many went. */
export function filterUnrecognized(dataDir: string, keep: (record: UnrecognizedRecord) => boolean): number {
  const records = readUnrecognized(dataDir);
  const kept = records.filter(keep);
  if (kept.length === records.length) return 0;
  const file = unrecognizedFile(dataDir);
  writeFileSync(`${file}.tmp`, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
  renameSync(`${file}.tmp`, file);
  return records.length - kept.length;
}

/** Rewrites the log without the given texts (after an author has assigned them to intents). */
export function removeUnrecognized(dataDir: string, texts: ReadonlySet<string>): number {
  return filterUnrecognized(dataDir, (r) => !texts.has(r.text));
}

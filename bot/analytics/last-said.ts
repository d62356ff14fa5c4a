// "The last thing the bot said", for abandoned sessions: a step's title when the turn showed one, else the first line
// of the last reply. Bot words from knowledge; the summary of what was tried (it can hold the user's facts) is named, not
// copied, and anything that looks like personal data is redacted.
import type { Reply } from '../../dialogs';
import { redactPii } from '../security/redact';

const MAX = 120;
/** Digits or an @ are where personal data could hide in a bot line (a filled-in placeholder); plain text skips the redactor. */
const MAYBE_PERSONAL = /[\d@]/;

export function lastSaid(replies: readonly Reply[]): string | undefined {
  if (replies.length === 0) return undefined;
  for (let i = replies.length - 1; i >= 0; i -= 1) {
    const r = replies[i] as Reply;
    if (r.kind === 'step' && r.title) return `Step: ${r.title}`.slice(0, MAX);
  }
  const last = replies[replies.length - 1] as Reply;
  if (last.kind === 'summary') return 'Summary of what was tried';
  const line = (last.text.split('\n').find((l) => l.trim() !== '') ?? last.title ?? '').replace(/\*\*/g, '').trim().slice(0, MAX);
  if (line === '') return undefined;
  return MAYBE_PERSONAL.test(line) ? redactPii(line) : line;
}

// The conversation's transcript (`transcript/<conversationKey>` in BotStore.logs): who said what, for the help desk.
import type { Reply, TurnInput } from '../../dialogs';
import type { Logs, TranscriptEntry, UserRef } from '../ports';

export const transcriptKey = (conversationKey: string): string => `transcript/${conversationKey}`;

/** How many of the latest lines a handoff packet carries: enough context, bounded size. */
export const PACKET_TRANSCRIPT_LINES = 200;

export type Redact = (text: string) => string;

/** What the user "said" in a turn: their words, or the button they pressed (and the boxes ticked) when they typed nothing. */
export function userLine(input: TurnInput, user: UserRef, redact: Redact): TranscriptEntry | undefined {
  if (input.kind !== 'message' && input.kind !== 'pick_up') return undefined;
  const picked = input.action?.picked?.length ? `: ${input.action.picked.join(', ')}` : '';
  const text = input.text?.trim() ? input.text : input.action ? `[${input.action.value}${picked}]` : '';
  return { from: 'user', text: redact(text), at: input.now, ...(user.name ? { name: user.name } : {}) };
}

/** A reply as one transcript line: title, text, copyable lines, then the choices offered in brackets. */
export function botLine(reply: Reply, at: string): TranscriptEntry {
  const parts = [reply.title, reply.text, ...(reply.lines ?? [])].filter((p): p is string => Boolean(p && p.trim()));
  const choices = reply.choices?.length ? ` [${reply.choices.map((c) => c.label).join(' | ')}]` : '';
  return { from: 'bot', text: `${parts.join('\n')}${choices}`, at };
}

/** Appends the lines in order (one log, so their sequence numbers are the conversation's order), in one go if it can. */
export async function appendLines(logs: Logs, conversationKey: string, lines: readonly TranscriptEntry[]): Promise<void> {
  const key = transcriptKey(conversationKey);
  if (lines.length === 0) return;
  if (logs.appendMany && lines.length > 1) {
    await logs.appendMany(key, lines);
    return;
  }
  for (const line of lines) await logs.append(key, line);
}

const isEntry = (x: unknown): x is TranscriptEntry =>
  typeof x === 'object' && x !== null && typeof (x as TranscriptEntry).text === 'string' && typeof (x as TranscriptEntry).from === 'string';

/** The latest lines of the transcript, oldest first. */
export async function readTranscript(logs: Logs, conversationKey: string, limit = PACKET_TRANSCRIPT_LINES): Promise<TranscriptEntry[]> {
  const key = transcriptKey(conversationKey);
  const length = await logs.length(key);
  const rows = await logs.read(key, Math.max(0, length - limit), limit);
  return rows.map((r) => r.entry).filter(isEntry);
}

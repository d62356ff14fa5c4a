// Reads what a conversation left in the shared store (its session record and transcript), so the scale tests assert
// on durable state, whichever instance wrote it; and posts one activity to one instance's /api/messages.
import type { Activity } from 'botbuilder';
import type { Session } from '../../dialogs';
import type { BotStore, TranscriptEntry } from '../../bot/ports';

export interface ConversationState {
  readonly session?: Session;
  readonly transcript: readonly TranscriptEntry[];
}

export async function conversationState(store: Pick<BotStore, 'storage' | 'logs'>, conversationKey: string): Promise<ConversationState> {
  const key = `session/${conversationKey}`;
  const record = (await store.storage.read([key]))[key] as { session?: Session } | undefined;
  const lines = await store.logs.read(`transcript/${conversationKey}`, 0);
  return { session: record?.session, transcript: lines.map((line) => line.entry as TranscriptEntry) };
}

/** The user's lines of a transcript, in order. */
export const userLines = (state: ConversationState): string[] => state.transcript.filter((e) => e.from === 'user').map((e) => e.text);

/** POSTs an activity to an instance's Bot Framework endpoint; resolves with the HTTP status. */
export async function postActivity(baseUrl: string, activity: Partial<Activity>): Promise<number> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await response.text();
  return response.status;
}

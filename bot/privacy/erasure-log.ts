// The record of erasures: one line per erasure in the store's log `privacy/erasures`, with an id, the time, who asked
// (the CLI or the API), the channel if one was named and how many items of each kind went. It names no user: it
// proves that erasures happened without keeping what was erased. Kept (no personal data); not swept.
import type { ChannelId, Logs } from '../ports';

export const ERASURE_LOG_KEY = 'privacy/erasures';

export interface ErasureRecord {
  readonly id: string;
  /** ISO time. */
  readonly at: string;
  readonly requestedBy: 'cli' | 'api';
  readonly channel?: ChannelId;
  /** Items erased, per participant (sessions, transcripts, …), and the number of conversations. */
  readonly counts: Readonly<Record<string, number>>;
}

export async function appendErasure(logs: Logs, record: ErasureRecord): Promise<void> {
  await logs.append(ERASURE_LOG_KEY, record);
}

/** Every erasure, oldest first. */
export async function readErasures(logs: Logs): Promise<ErasureRecord[]> {
  return (await logs.read(ERASURE_LOG_KEY, 0)).map((row) => row.entry as ErasureRecord);
}

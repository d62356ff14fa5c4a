// What the inbox pages hear about, over the store's Bus (in-process for SQLite, pub/sub for Redis): the queue changed,
// or a line was said in a handed-over conversation. Each event names its tenant, so a stream can filter without a read.
import type { Bus, TranscriptEntry } from '../ports';

export const INBOX_TOPIC = 'handoff/inbox';

export type InboxEvent =
  | { readonly type: 'queue'; readonly conversationKey: string; readonly tenant?: string }
  | { readonly type: 'message'; readonly conversationKey: string; readonly tenant?: string; readonly entry: TranscriptEntry };

export function publishInboxEvent(bus: Bus, event: InboxEvent): Promise<void> {
  return bus.publish(INBOX_TOPIC, JSON.stringify(event));
}

/** An event from the bus, or undefined for anything malformed (another version, a stray publisher). */
export function parseInboxEvent(message: string): InboxEvent | undefined {
  try {
    const event = JSON.parse(message) as Partial<InboxEvent>;
    if (typeof event.conversationKey !== 'string') return undefined;
    if (event.type === 'queue') return event as InboxEvent;
    if (event.type === 'message' && typeof event.entry?.text === 'string') return event as InboxEvent;
    return undefined;
  } catch {
    return undefined;
  }
}

/** Who may see what: an agent bound to a tenant sees only that tenant's conversations; others see every one. */
export function canSee(agentTenant: string | undefined, recordTenant: string | undefined): boolean {
  return agentTenant === undefined || agentTenant === recordTenant;
}

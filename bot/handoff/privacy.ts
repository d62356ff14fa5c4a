// The handoff's privacy participant (bot/ports.ts): a user's handoff records (the packet with its transcript, as the
// inbox shows it) and what the outbox holds about their conversations (tickets, hub events, notices). Erasure closes
// an open handoff first (queued or with an agent: the inbox hears it), deletes the records and outbox items, and
// tells the help desk which handoffs' tickets held the user's data (`user.erased`, through the outbox).
import { deskEventItem } from '../helpdesk/event-handler';
import type { DeskEvent } from '../helpdesk/types';
import type { Storage } from 'botbuilder';
import type { Logger } from '../logger';
import type { Bus, Outbox, OutboxItem, PrivacyParticipant, PrivacySubject } from '../ports';
import { OUTBOX_KINDS } from './desk';
import { publishInboxEvent } from './events';
import { recordKey, type HandoffRecord, type HandoffRecords } from './records';

export interface HandoffPrivacyDeps {
  readonly records: HandoffRecords;
  readonly storage: Storage;
  readonly outbox: Outbox;
  readonly bus: Bus;
  /** A help desk is configured: it hears of the erasure. */
  readonly tickets: boolean;
  readonly now: () => number;
  readonly logger: Logger;
  /** New outbox work (the worker, when this runs in the bot). */
  readonly kick?: () => void;
}

type Payload = { packet?: { conversation?: unknown }; conversationKey?: unknown; address?: { conversationKey?: unknown }; event?: { conversation?: unknown } };

/** The conversation an outbox item is about, whatever its kind. */
export function conversationOf(item: OutboxItem): string | undefined {
  const p = item.payload as Payload;
  const key = p.packet?.conversation ?? p.conversationKey ?? p.address?.conversationKey ?? p.event?.conversation;
  return typeof key === 'string' ? key : undefined;
}

export function createHandoffPrivacy(deps: HandoffPrivacyDeps): PrivacyParticipant {
  const { records, outbox } = deps;
  const recordsOf = async ({ conversations }: PrivacySubject): Promise<HandoffRecord[]> =>
    (await Promise.all(conversations.map((key) => records.get(key)))).filter((r): r is HandoffRecord => r !== undefined);
  const itemsOf = async ({ conversations }: PrivacySubject): Promise<OutboxItem[]> => {
    if (conversations.length === 0) return [];
    const wanted = new Set(conversations);
    return (await outbox.list()).filter((item) => wanted.has(conversationOf(item) ?? '\0'));
  };

  /** Closes an open handoff (queued or taken) so no agent keeps talking to a user who is being erased. */
  async function close(record: HandoffRecord): Promise<void> {
    if (record.state === 'closed') return;
    const at = deps.now();
    await records.update(record.conversationKey, (r) => (r && r.state !== 'closed' ? { ...r, state: 'closed', closedAt: at, closedBy: 'erased' } : undefined));
    await publishInboxEvent(deps.bus, { type: 'queue', conversationKey: record.conversationKey, ...(record.tenant ? { tenant: record.tenant } : {}) });
    deps.logger.info({ conversation: record.conversationKey, handoff: record.id }, 'handoff closed: the user is being erased');
  }

  return {
    name: 'handoffs',
    async export(subject) {
      const items = await itemsOf(subject);
      return {
        records: await recordsOf(subject),
        outbox: items.map(({ id, kind, state, createdAt, payload }) => ({ id, kind, state, createdAt: new Date(createdAt).toISOString(), payload })),
      };
    },
    async erase(subject) {
      const found = await recordsOf(subject);
      for (const record of found) await close(record);
      const items = await itemsOf(subject);
      const tickets = items.filter((i) => i.kind === OUTBOX_KINDS.ticket).map((i) => i.id.slice('ticket:'.length));
      const handoffIds = [...new Set([...found.map((r) => r.id), ...tickets])];
      await deps.storage.delete(found.map((r) => recordKey(r.conversationKey)));
      await outbox.remove(items.map((i) => i.id));
      if (deps.tickets && handoffIds.length > 0 && subject.erasureId) {
        const event: DeskEvent = { type: 'user.erased', id: `erased:${subject.erasureId}`, erasureId: subject.erasureId, handoffIds, at: new Date(deps.now()).toISOString() };
        await outbox.enqueue(deskEventItem(event));
        deps.kick?.();
      }
      return found.length + items.length;
    },
  };
}

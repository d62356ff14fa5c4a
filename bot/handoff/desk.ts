// The HandoffDesk (bot/ports.ts) the ConversationService calls: open a handoff (queue it for the inbox, enqueue the
// ticket, the hub event and the user's notice in the durable outbox), say whether an agent has the conversation,
// and pass on what the user says while one has.
import type { HelpdeskHours } from '../../dialogs';
import { DESK_EVENT_KIND, deskEventItem } from '../helpdesk/event-handler';
import type { Logger } from '../logger';
import type { Bus, ConversationAddress, HandoffDesk, HandoffPacket, Outbox } from '../ports';
import { tenantOf } from './addresses';
import { isDeskOpen } from './business-hours';
import { publishInboxEvent } from './events';
import type { Presence } from './presence';
import type { HandoffRecord, HandoffRecords } from './records';
import { redactPacket, type Redactor } from './redact';

/** Outbox item kinds, each with its handler in the worker. */
export const OUTBOX_KINDS = { ticket: 'helpdesk.ticket', hub: 'bf.handoff', notice: 'handoff.notice', event: DESK_EVENT_KIND } as const;

export type NoticeStatus = 'queued' | 'unavailable' | 'agent_joined' | 'agent_left' | 'completed';

/** What a notice item carries: the status turn to run for the user (the words come from knowledge). */
export interface NoticePayload {
  readonly conversationKey: string;
  readonly status: NoticeStatus;
  readonly agentName?: string;
  readonly resumeAtStep?: string;
  /** Items with one order key are delivered one after another (see the outbox worker). */
  readonly orderKey: string;
}

export interface DeskDeps {
  readonly records: HandoffRecords;
  readonly outbox: Outbox;
  readonly bus: Bus;
  readonly presence: Presence;
  readonly logger: Logger;
  readonly now: () => number;
  readonly hours?: HelpdeskHours;
  /** Applied to the packet before it is stored or sent anywhere (REDACT_PII); none when undefined. */
  readonly redact?: Redactor;
  /** A help-desk connector is configured: every handoff becomes a ticket. */
  readonly tickets: boolean;
  /** The agent inbox is on (AGENT_TOKEN or AGENT_USERS_FILE). */
  readonly inbox: boolean;
  /** Whether this conversation gets the Bot Framework handoff protocol's `handoff.initiate` event. */
  readonly hubEvents: (address: ConversationAddress) => boolean;
  /** New outbox work: ask the worker for a pass now. */
  readonly kick: () => void;
}

export function noticeItem(record: Pick<HandoffRecord, 'id' | 'conversationKey'>, status: NoticeStatus, suffix: string, extra: Partial<NoticePayload> = {}) {
  const payload: NoticePayload = { conversationKey: record.conversationKey, status, orderKey: record.conversationKey, ...extra };
  return { id: `notice:${record.id}:${suffix}`, kind: OUTBOX_KINDS.notice, payload: { ...payload } };
}

export function createHandoffDesk(deps: DeskDeps): HandoffDesk {
  const { records, outbox, logger } = deps;

  async function available(tenant: string | undefined): Promise<boolean> {
    if (!deps.inbox || !isDeskOpen(deps.hours, new Date(deps.now()))) return false;
    return deps.presence.anyoneFor(tenant);
  }

  return {
    async isWithAgent(conversationKey) {
      // Only an agent at the inbox takes a conversation. Without the inbox nobody can answer the user, so the bot
      // does (also for a conversation left taken when the inbox was switched off) and no turn reads the record.
      if (!deps.inbox) return false;
      return (await records.get(conversationKey))?.state === 'active';
    },

    async relayFromUser(conversationKey, entry) {
      const record = await records.get(conversationKey);
      const said = deps.redact ? { ...entry, text: deps.redact(entry.text) } : entry;
      await publishInboxEvent(deps.bus, { type: 'message', conversationKey, ...(record?.tenant ? { tenant: record.tenant } : {}), entry: said });
    },

    async cancel(conversationKey) {
      const at = deps.now();
      let cancelled = false;
      const record = await records.update(conversationKey, (current) => {
        cancelled = current?.state === 'queued';
        return cancelled && current ? { ...current, state: 'closed', closedAt: at, closedBy: 'user' } : undefined;
      });
      if (!cancelled || !record) return;
      await publishInboxEvent(deps.bus, { type: 'queue', conversationKey, ...(record.tenant ? { tenant: record.tenant } : {}) });
      // The help desk hears it too (after its ticket: same order key), so the ticket does not stay open for nobody.
      if (deps.tickets) {
        const event = { type: 'handoff.cancelled' as const, id: `cancelled:${record.id}`, handoffId: record.id, conversation: conversationKey, at: new Date(at).toISOString() };
        await outbox.enqueue(deskEventItem(event, conversationKey));
        deps.kick();
      }
      logger.info({ conversation: conversationKey, handoff: record.id, tickets: deps.tickets }, 'handoff cancelled by the user');
    },

    async open(packet: HandoffPacket, address: ConversationAddress) {
      const key = address.conversationKey;
      const safe = deps.redact ? redactPacket(packet, deps.redact) : packet;
      const tenant = tenantOf(address);
      const open = await available(tenant);
      const record = await records.update(key, (current) => {
        if (current?.id === packet.id) return undefined; // the same story again (a retried turn): nothing new
        // A newer story for a handoff still open keeps its place in the queue.
        if (current && current.state !== 'closed') return { ...current, id: packet.id, packet: safe, address };
        return { id: packet.id, conversationKey: key, address, packet: safe, state: 'queued', openedAt: deps.now(), ...(tenant ? { tenant } : {}), ...(open ? {} : { unavailable: true }) };
      });
      if (!record) return;
      // Enqueueing is idempotent by id, so re-running open() after a crash half-way completes what was missing.
      // The conversation as order key: a later desk event (handoff.cancelled) goes after its ticket.
      // The items refer to the packet in the record (packet-ref.ts): it is stored once.
      const ref = { handoffId: packet.id, conversationKey: key, orderKey: key };
      if (deps.tickets) await outbox.enqueue({ id: `ticket:${packet.id}`, kind: OUTBOX_KINDS.ticket, payload: ref });
      const hub = deps.hubEvents(address);
      if (hub) await outbox.enqueue({ id: `hub:${packet.id}`, kind: OUTBOX_KINDS.hub, payload: { ...ref, address } });
      // Without the inbox, a hub (when there is one) tells the user what happens; otherwise we say nobody is here.
      if (deps.inbox || !hub) await outbox.enqueue(noticeItem(record, record.unavailable || !open ? 'unavailable' : 'queued', 'opened'));
      await publishInboxEvent(deps.bus, { type: 'queue', conversationKey: key, ...(tenant ? { tenant } : {}) });
      logger.info({ conversation: key, handoff: packet.id, reason: packet.reason, available: open, tickets: deps.tickets, hub }, 'handoff opened');
      deps.kick();
    },
  };
}

// What an agent can do with handoffs: see the queue (their tenant's, never closed ones), take a conversation, write
// to the user, hand the user back to the bot (at a chosen step) or close it. Each change notifies the user through a
// notice in the outbox and the other inbox pages through the bus.
import type { Reply } from '../../dialogs';
import type { Bus, Outbox, TranscriptEntry } from '../ports';
import { canSee, publishInboxEvent } from './events';
import { noticeItem } from './desk';
import type { AgentRef, HandoffRecord, HandoffRecords } from './records';
import { queuePosition } from './records';

export interface InboxAgent extends AgentRef {
  readonly tenant?: string;
}

export type InboxErrorCode = 'not_found' | 'taken' | 'not_taken' | 'delivery_failed';

export class InboxError extends Error {
  constructor(readonly code: InboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InboxError';
  }
}

export interface QueueEntry {
  readonly record: HandoffRecord;
  /** Place in the queue while waiting for an agent. */
  readonly position?: number;
}

export interface Inbox {
  list(agent: InboxAgent): Promise<readonly QueueEntry[]>;
  /** The record if this agent may see it (right tenant, not closed); throws InboxError('not_found') otherwise. */
  get(agent: InboxAgent, conversationKey: string): Promise<QueueEntry>;
  take(agent: InboxAgent, conversationKey: string): Promise<HandoffRecord>;
  say(agent: InboxAgent, conversationKey: string, text: string): Promise<TranscriptEntry>;
  handBack(agent: InboxAgent, conversationKey: string, stepId?: string): Promise<HandoffRecord>;
  close(agent: InboxAgent, conversationKey: string): Promise<HandoffRecord>;
}

export interface InboxDeps {
  readonly records: HandoffRecords;
  readonly outbox: Outbox;
  readonly bus: Bus;
  readonly now: () => number;
  /** Sends an agent's words to the user now, through the channel's Delivery. */
  readonly deliver: (record: HandoffRecord, replies: readonly Reply[]) => Promise<void>;
  readonly appendTranscript: (conversationKey: string, entry: TranscriptEntry) => Promise<void>;
  readonly kick: () => void;
}

export function createInbox(deps: InboxDeps): Inbox {
  const { records } = deps;
  const visible = (agent: InboxAgent, record: HandoffRecord | undefined): record is HandoffRecord =>
    record !== undefined && record.state !== 'closed' && canSee(agent.tenant, record.tenant);
  const announce = (record: HandoffRecord) =>
    publishInboxEvent(deps.bus, { type: 'queue', conversationKey: record.conversationKey, ...(record.tenant ? { tenant: record.tenant } : {}) });

  /** Changes a record this agent may act on: visible, and not another agent's conversation. */
  async function act(agent: InboxAgent, key: string, change: (r: HandoffRecord) => HandoffRecord | undefined): Promise<HandoffRecord> {
    let failure: InboxError | undefined;
    const result = await records.update(key, (current) => {
      failure = undefined;
      if (!visible(agent, current)) failure = new InboxError('not_found', 'no such open handoff');
      else if (current.state === 'active' && current.agent?.id !== agent.id) failure = new InboxError('taken', `${current.agent?.name ?? 'another agent'} has this conversation`);
      return failure || !current ? undefined : change(current);
    });
    if (failure) throw failure;
    if (!result) throw new InboxError('not_found', 'no such open handoff');
    return result;
  }

  async function finish(agent: InboxAgent, key: string, closedBy: 'agent' | 'hand_back', stepId?: string): Promise<HandoffRecord> {
    const at = deps.now();
    const record = await act(agent, key, (r) => ({ ...r, state: 'closed', closedAt: at, closedBy }));
    // Closed first, so the bot answers the user's next message; then the user hears it from the bot.
    const notice = closedBy === 'agent' ? noticeItem(record, 'completed', `closed:${at}`) : noticeItem(record, 'agent_left', `back:${at}`, stepId ? { resumeAtStep: stepId } : {});
    await deps.outbox.enqueue(notice);
    await announce(record);
    deps.kick();
    return record;
  }

  return {
    async list(agent) {
      const open = await records.listOpen();
      return open.filter((r) => visible(agent, r)).map((record) => ({ record, position: queuePosition(open, record.conversationKey) }));
    },
    async get(agent, key) {
      const record = await records.get(key);
      if (!visible(agent, record)) throw new InboxError('not_found', 'no such open handoff');
      return { record, position: queuePosition(await records.listOpen(), key) };
    },
    async take(agent, key) {
      const at = deps.now();
      const record = await act(agent, key, (r) => (r.state === 'active' ? undefined : { ...r, state: 'active', agent: { id: agent.id, name: agent.name }, takenAt: at }));
      if (record.takenAt === at) {
        await deps.outbox.enqueue(noticeItem(record, 'agent_joined', `joined:${at}`, { agentName: agent.name }));
        deps.kick();
      }
      await announce(record);
      return record;
    },
    async say(agent, key, text) {
      const record = await records.get(key);
      if (!visible(agent, record)) throw new InboxError('not_found', 'no such open handoff');
      if (record.state !== 'active' || record.agent?.id !== agent.id) throw new InboxError('not_taken', 'take the conversation before writing to the user');
      const entry: TranscriptEntry = { from: 'agent', text, at: new Date(deps.now()).toISOString(), name: agent.name };
      try {
        await deps.deliver(record, [{ kind: 'text', text }]);
      } catch (err) {
        throw new InboxError('delivery_failed', 'the message could not be delivered to the user; try again', { cause: err });
      }
      await deps.appendTranscript(key, entry);
      await publishInboxEvent(deps.bus, { type: 'message', conversationKey: key, ...(record.tenant ? { tenant: record.tenant } : {}), entry });
      return entry;
    },
    handBack: (agent, key, stepId) => finish(agent, key, 'hand_back', stepId),
    close: (agent, key) => finish(agent, key, 'agent'),
  };
}

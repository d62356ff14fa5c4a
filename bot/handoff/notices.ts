// Delivers a notice to the user: runs a `handoff_status` turn through the ConversationService (the engine picks the
// words from knowledge and moves the session: queued, agent joined, handed back at a step, closed) and sends its
// replies through the channel's Delivery. A notice overtaken by events (queued, but already taken) is dropped.
import type { TurnInput } from '../../dialogs';
import type { OutboxHandler } from '../outbox/worker';
import { PermanentDeliveryError } from '../outbox/errors';
import type { ConversationService } from '../ports';
import type { Deliveries } from './deliveries';
import type { NoticePayload } from './desk';
import { queuePosition, type HandoffRecords } from './records';
import type { TurnTracker } from './turn-tracker';

export interface NoticeDeps {
  readonly records: HandoffRecords;
  readonly conversations: ConversationService;
  readonly deliveries: Deliveries;
  readonly tracker?: TurnTracker;
  readonly now: () => number;
}

const STATUSES: ReadonlySet<string> = new Set(['queued', 'unavailable', 'agent_joined', 'agent_left', 'completed']);

function payloadOf(raw: Readonly<Record<string, unknown>>): NoticePayload {
  const p = raw as Partial<NoticePayload>;
  if (typeof p.conversationKey !== 'string' || typeof p.status !== 'string' || !STATUSES.has(p.status)) {
    throw new PermanentDeliveryError('malformed handoff notice');
  }
  return p as NoticePayload;
}

export function createNoticeHandler(deps: NoticeDeps): OutboxHandler {
  return async (item) => {
    const notice = payloadOf(item.payload);
    const key = notice.conversationKey;
    const record = await deps.records.get(key);
    if (!record) throw new PermanentDeliveryError(`no handoff for ${key}`);
    // Overtaken by events (an agent took it; the agent already left): a later notice says what is true now.
    if (notice.status === 'queued' && record.state !== 'queued') return;
    if (notice.status === 'agent_joined' && record.state !== 'active') return;
    // The user went back to the bot before this was sent: news of a handoff they left would only confuse.
    if (record.closedBy === 'user') return;
    const position = notice.status === 'queued' ? queuePosition(await deps.records.listOpen(), key) : undefined;
    // The user's own turn (which asked for a person) is answered first.
    await deps.tracker?.idle(key);
    const input: TurnInput = {
      kind: 'handoff_status',
      handoffStatus: notice.status,
      now: new Date(deps.now()).toISOString(),
      ...(record.packet.locale ? { locale: record.packet.locale } : {}),
      ...(position !== undefined ? { queuePosition: position } : {}),
      ...(notice.agentName ? { agentName: notice.agentName } : {}),
      ...(notice.resumeAtStep ? { resumeAtStep: notice.resumeAtStep } : {}),
    };
    const outcome = await deps.conversations.handle({ address: record.address, user: record.packet.user, input });
    if (outcome.replies.length > 0) await deps.deliveries.send(record.address, outcome.replies);
  };
}

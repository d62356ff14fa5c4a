// What the inbox API shows of a handoff: a queue row (who, why, where, how long waiting, place in the queue) and the
// whole story for the one an agent opens (the packet, the live transcript, the steps the user can be handed back to).
import type { Flow } from '../../dialogs';
import type { QueueEntry } from '../handoff';
import type { TranscriptEntry } from '../ports';

export function rowView(entry: QueueEntry, now: number) {
  const { record, position } = entry;
  const { packet } = record;
  return {
    conversationKey: record.conversationKey,
    state: record.state,
    ...(position !== undefined ? { position } : {}),
    reason: packet.reason,
    channel: record.address.channel,
    ...(packet.locale ? { locale: packet.locale } : {}),
    ...(packet.language ? { language: packet.language } : {}),
    user: { id: packet.user.id, ...(packet.user.name ? { name: packet.user.name } : {}) },
    openedAt: new Date(record.openedAt).toISOString(),
    waitingSeconds: Math.max(0, Math.round(((record.takenAt ?? now) - record.openedAt) / 1000)),
    ...(record.agent ? { agent: record.agent } : {}),
    ...(record.unavailable ? { openedWhileUnavailable: true } : {}),
    ...(record.hub ? { hub: record.hub } : {}),
    ...(record.tenant ? { tenant: record.tenant } : {}),
  };
}

/** Steps an agent may hand the user back to: the conversation's flow, else every flow's. */
export function handBackSteps(flows: readonly Flow[], flowId: string | undefined): { id: string; title: string }[] {
  const own = flows.filter((f) => f.id === flowId);
  return (own.length > 0 ? own : flows).flatMap((f) => f.steps.map((s) => ({ id: s.id, title: s.title })));
}

export function detailView(entry: QueueEntry, now: number, transcript: readonly TranscriptEntry[], flows: readonly Flow[]) {
  const { packet } = entry.record;
  return {
    ...rowView(entry, now),
    packet: {
      id: packet.id,
      ...(packet.pack ? { pack: packet.pack } : {}),
      summary: packet.summary,
      facts: packet.facts,
      steps: packet.steps,
      ...(packet.lastUserWords ? { lastUserWords: packet.lastUserWords } : {}),
      createdAt: packet.createdAt,
    },
    transcript,
    handBackSteps: handBackSteps(flows, packet.pack),
  };
}

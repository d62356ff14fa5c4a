// Builds the HandoffPacket (the whole story for a human) from the engine's story and the transcript.
import type { HandoffStory, TurnInput } from '../../dialogs';
import type { ConversationAddress, HandoffPacket, TranscriptEntry, UserRef } from '../ports';

export interface PacketParts {
  readonly story: HandoffStory;
  readonly address: ConversationAddress;
  readonly user: UserRef;
  readonly input: TurnInput;
  /** The session's turn count after this turn: with the key, it makes the packet id idempotent across retries. */
  readonly turn: number;
  readonly transcript: readonly TranscriptEntry[];
}

/** The packet id is stable for one turn, so a retried or replayed turn opens the same handoff, not a second one. */
export function handoffPacketId(conversationKey: string, turn: number): string {
  return `handoff:${conversationKey}:${turn}`;
}

export function buildHandoffPacket(parts: PacketParts): HandoffPacket {
  const { story, address, user, input } = parts;
  return {
    id: handoffPacketId(address.conversationKey, parts.turn),
    conversation: address.conversationKey,
    user,
    channel: address.channel,
    ...(input.locale ? { locale: input.locale } : {}),
    ...(story.language ? { language: story.language } : {}),
    ...(story.flowId ? { pack: story.flowId } : {}),
    steps: story.steps,
    facts: story.facts,
    ...(story.lastUserWords ? { lastUserWords: story.lastUserWords } : {}),
    summary: story.summary,
    transcript: parts.transcript,
    reason: story.reason,
    createdAt: input.now,
    ...(story.contact ? { contact: { email: story.contact.email } } : {}),
  };
}

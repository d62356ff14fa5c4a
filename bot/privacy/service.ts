// The privacy service: export everything held about a user (GDPR art. 15) and erase it (art. 17), through the
// participants each feature registers (bot/ports.ts, composed in bot/boot.ts). The user index says which
// conversations are the user's; an erasure leaves a record that holds no personal data (erasure-log.ts).
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { BotStore, ChannelId, PrivacyParticipant, PrivacySubject, UserIndex } from '../ports';
import { appendErasure, type ErasureRecord } from './erasure-log';

export interface PrivacyRequest {
  readonly userId: string;
  readonly channel?: ChannelId;
}

export interface PrivacyExport {
  readonly user: string;
  readonly channel?: ChannelId;
  readonly exportedAt: string;
  readonly conversations: readonly string[];
  /** One section per participant: sessions, transcripts, directLine, handoffs, unrecognized, … */
  readonly data: Readonly<Record<string, unknown>>;
}

export interface PrivacyService {
  export(request: PrivacyRequest): Promise<PrivacyExport>;
  /** Deletes everything about the user, then leaves the erasure's record (returned). */
  erase(request: PrivacyRequest & { readonly requestedBy: ErasureRecord['requestedBy'] }): Promise<ErasureRecord>;
}

export interface PrivacyServiceDeps {
  readonly index: UserIndex;
  readonly participants: readonly PrivacyParticipant[];
  readonly store: Pick<BotStore, 'logs' | 'scrub'>;
  readonly logger: Logger;
  readonly now?: () => number;
}

export function createPrivacyService(deps: PrivacyServiceDeps): PrivacyService {
  const now = deps.now ?? Date.now;
  const subjectOf = async ({ userId, channel }: PrivacyRequest): Promise<PrivacySubject> => ({
    userId,
    ...(channel ? { channel } : {}),
    conversations: await deps.index.conversations(userId, channel),
  });

  return {
    async export(request) {
      const subject = await subjectOf(request);
      const data: Record<string, unknown> = {};
      for (const participant of deps.participants) data[participant.name] = await participant.export(subject);
      return { user: request.userId, ...(request.channel ? { channel: request.channel } : {}), exportedAt: new Date(now()).toISOString(), conversations: subject.conversations, data };
    },
    async erase(request) {
      const id = randomUUID();
      const subject = { ...(await subjectOf(request)), erasureId: id };
      const counts: Record<string, number> = {};
      // In registration order: the handoff closes an open handoff before the rest of the conversation goes.
      for (const participant of deps.participants) counts[participant.name] = await participant.erase(subject);
      await deps.index.remove(request.userId, subject.conversations);
      counts.conversations = subject.conversations.length;
      const record: ErasureRecord = { id, at: new Date(now()).toISOString(), requestedBy: request.requestedBy, ...(request.channel ? { channel: request.channel } : {}), counts };
      await appendErasure(deps.store.logs, record);
      // SQLite: the WAL's old page images still hold what was deleted; Redis: nothing to do.
      await deps.store.scrub?.();
      deps.logger.info({ erasure: id, requestedBy: request.requestedBy, counts }, 'privacy: user data erased');
      return record;
    },
  };
}

// Every feature that holds personal data, for export and erasure (`npm run privacy`, /privacy/api): a feature adds
// its participant here. Erasure runs them in this order: the handoff first, so an open handoff is closed before the
// rest of the conversation goes; analytics last (its sessions keep counting, unlinked from the person).
import { createAnalyticsPrivacy } from '../analytics';
import type { Config } from '../config';
import { createSessionPrivacy, createTranscriptPrivacy } from '../conversation/privacy';
import { createDirectLinePrivacy } from '../directline/privacy';
import { createHandoffPrivacy } from '../handoff/privacy';
import type { HandoffRecords } from '../handoff/records';
import type { Logger } from '../logger';
import { createUnrecognizedPrivacy } from '../nlu/unrecognized-privacy';
import type { BotStore, PrivacyParticipant } from '../ports';

export interface ParticipantParts {
  readonly config: Pick<Config, 'dataDir'>;
  readonly store: BotStore;
  readonly logger: Logger;
  readonly records: HandoffRecords;
  /** A help desk is configured: it hears of erasures. */
  readonly tickets: boolean;
  readonly kick?: () => void;
  readonly now?: () => number;
}

/** Analytics as a participant: per conversation of the subject, its sessions exported, then unlinked on erasure. */
function analyticsParticipant(analytics: NonNullable<BotStore['analytics']>): PrivacyParticipant {
  const unlinking = createAnalyticsPrivacy(analytics);
  return {
    name: 'analytics',
    export: async (subject) => Promise.all(subject.conversations.map(async (key) => ({ conversation: key, ...(await unlinking.export(key) as object) }))),
    erase: async (subject) => (await Promise.all(subject.conversations.map((key) => unlinking.erase(key)))).reduce((a, b) => a + b, 0),
  };
}

export function privacyParticipants(parts: ParticipantParts): PrivacyParticipant[] {
  const { store, logger, records, tickets, kick } = parts;
  return [
    createHandoffPrivacy({ records, storage: store.storage, outbox: store.outbox, bus: store.bus, tickets, now: parts.now ?? Date.now, logger, kick }),
    createSessionPrivacy(store.storage),
    createTranscriptPrivacy(store.logs),
    createDirectLinePrivacy(store),
    createUnrecognizedPrivacy(parts.config.dataDir),
    ...(store.analytics ? [analyticsParticipant(store.analytics)] : []),
  ];
}

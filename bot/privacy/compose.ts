// Builds the privacy side of the bot from the configuration and the store: the user index (with its lifetime) and the
// service over the participants bot/boot.ts lists. The bot and `npm run privacy` build it the same way.
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { BotStore, PrivacyParticipant, UserIndex } from '../ports';
import { userIndexLifetime } from './lifetimes';
import { createPrivacyService, type PrivacyService } from './service';
import { createUserIndex } from './user-index';

export interface PrivacyParts {
  readonly config: Pick<Config, 'sessionRetentionDays' | 'transcriptRetentionDays' | 'handoffRetentionDays'>;
  readonly store: BotStore;
  readonly logger: Logger;
  readonly participants: readonly PrivacyParticipant[];
  readonly now?: () => number;
}

export interface Privacy {
  readonly index: UserIndex;
  readonly service: PrivacyService;
}

export function createPrivacy(parts: PrivacyParts): Privacy {
  const { store, logger, now } = parts;
  const index = createUserIndex({ storage: store.storage, lifetimeMs: userIndexLifetime(parts.config), ...(now ? { now } : {}) });
  return { index, service: createPrivacyService({ index, participants: parts.participants, store, logger, ...(now ? { now } : {}) }) };
}

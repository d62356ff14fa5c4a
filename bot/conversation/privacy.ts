// The conversation layer's privacy participants (bot/ports.ts): a user's session records (facts, the last words, the
// flow) and their transcripts, by conversation key, for export and erasure.
import type { BotStore, PrivacyParticipant } from '../ports';
import { sessionKey } from './session-record';
import { transcriptKey } from './transcript';

/** Session records are read whole: they are a few KB each. */
export function createSessionPrivacy(storage: BotStore['storage']): PrivacyParticipant {
  return {
    name: 'sessions',
    async export({ conversations }) {
      if (conversations.length === 0) return [];
      const items = await storage.read(conversations.map(sessionKey));
      return conversations.flatMap((conversation) => {
        const item = items[sessionKey(conversation)] as Record<string, unknown> | undefined;
        if (!item) return [];
        const { eTag: _eTag, ...record } = item;
        return [{ conversation, record }];
      });
    },
    async erase({ conversations }) {
      if (conversations.length === 0) return 0;
      const keys = conversations.map(sessionKey);
      const found = Object.keys(await storage.read(keys)).length;
      await storage.delete(keys);
      return found;
    },
  };
}

/** Transcripts are logs: every line of each, oldest first. */
export function createTranscriptPrivacy(logs: BotStore['logs']): PrivacyParticipant {
  return {
    name: 'transcripts',
    async export({ conversations }) {
      const all = await Promise.all(conversations.map(async (conversation) => {
        const lines = await logs.read(transcriptKey(conversation), 0);
        return { conversation, lines: lines.map((row) => row.entry) };
      }));
      return all.filter((t) => t.lines.length > 0);
    },
    async erase({ conversations }) {
      let erased = 0;
      for (const conversation of conversations) {
        if ((await logs.length(transcriptKey(conversation))) > 0) erased += 1;
        await logs.delete(transcriptKey(conversation));
      }
      return erased;
    },
  };
}

// Our Direct Line's privacy participant (bot/ports.ts): a web chat user's conversation records (user name, locale)
// and activity logs (everything said both ways), found from the user's `webchat:` / `directline:` conversation keys.
import type { BotStore, PrivacyParticipant } from '../ports';
import { logKey, recordKey } from './conversation-log';

const DIRECT_LINE_CHANNELS: ReadonlySet<string> = new Set(['webchat', 'directline']);

/** The Direct Line conversation ids among conversation keys (`webchat:<id>`). */
export function directLineIds(conversations: readonly string[]): string[] {
  return conversations.flatMap((key) => {
    const colon = key.indexOf(':');
    return colon > 0 && DIRECT_LINE_CHANNELS.has(key.slice(0, colon)) ? [key.slice(colon + 1)] : [];
  });
}

export function createDirectLinePrivacy(store: Pick<BotStore, 'storage' | 'logs'>): PrivacyParticipant {
  return {
    name: 'directLine',
    async export({ conversations }) {
      const ids = directLineIds(conversations);
      if (ids.length === 0) return [];
      const records = await store.storage.read(ids.map(recordKey));
      const all = await Promise.all(ids.map(async (id) => {
        const item = records[recordKey(id)] as Record<string, unknown> | undefined;
        const { eTag: _eTag, ...record } = item ?? {};
        const activities = (await store.logs.read(logKey(id), 0)).map((row) => row.entry);
        return { conversationId: id, ...(item ? { record } : {}), activities };
      }));
      return all.filter((c) => c.record !== undefined || c.activities.length > 0);
    },
    async erase({ conversations }) {
      const ids = directLineIds(conversations);
      if (ids.length === 0) return 0;
      const found = Object.keys(await store.storage.read(ids.map(recordKey))).length;
      let logs = 0;
      for (const id of ids) {
        if ((await store.logs.length(logKey(id))) > 0) logs += 1;
        await store.logs.delete(logKey(id));
      }
      await store.storage.delete(ids.map(recordKey));
      return found + logs;
    },
  };
}

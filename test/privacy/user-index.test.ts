// The user index: who took part in which conversation. The conversation service notes a user once per conversation
// (not a write per turn), notes a second user, renews a note before it would expire, never notes a hub's status
// event; the index filters by channel and forgets conversations (its item goes with the last one).
import type { TurnInput } from '../../dialogs';
import { createConversationService } from '../../bot/conversation';
import type { TurnRequest, UserIndex } from '../../bot/ports';
import { loadConfig } from '../../bot/config';
import { itemLifetimes } from '../../bot/privacy/lifetimes';
import { createUserIndex, userIndexKey } from '../../bot/privacy/user-index';
import { createMemoryStore } from '../../bot/storage';
import { createFakeEngine } from '../support/fake-engine';

const DAY = 24 * 60 * 60 * 1000;

function setup() {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const store = createMemoryStore({ now: () => now, itemTtlMs: itemLifetimes(loadConfig({})) });
  const index = createUserIndex({ storage: store.storage, lifetimeMs: 30 * DAY, now: () => now });
  const adds: string[] = [];
  const counting: UserIndex = { ...index, add: async (user, channel, key) => { adds.push(`${user}@${key}`); await index.add(user, channel, key); } };
  const service = createConversationService({ engine: createFakeEngine(), store, userIndex: counting, now: () => now });
  const turn = (user: string, input: Partial<TurnInput> = {}, conversation = 'emulator:c1'): Promise<unknown> => {
    const request: TurnRequest = {
      address: { channel: 'emulator', conversationKey: conversation, reference: {} },
      user: { id: user },
      input: { kind: 'message', text: 'count', now: new Date(now).toISOString(), ...input },
    };
    return service.handle(request);
  };
  return { store, index, adds, turn, advance: (ms: number) => (now += ms) };
}

describe('the user index, noted by the conversation service', () => {
  it('notes a user once per conversation, however many turns', async () => {
    const { adds, turn, index } = setup();
    for (let i = 0; i < 5; i += 1) await turn('ann');
    expect(adds).toEqual(['ann@emulator:c1']);
    expect(await index.conversations('ann')).toEqual(['emulator:c1']);
  });

  it('notes a second user of the same conversation, and each conversation of a user', async () => {
    const { adds, turn, index } = setup();
    await turn('ann');
    await turn('bob');
    await turn('ann');
    await turn('ann', {}, 'slack:c2');
    expect(adds).toEqual(['ann@emulator:c1', 'bob@emulator:c1', 'ann@slack:c2']);
    expect(await index.conversations('ann')).toEqual(['emulator:c1', 'slack:c2']);
    expect(await index.conversations('bob')).toEqual(['emulator:c1']);
  });

  it('renews a note at half its lifetime, so a conversation still in use stays findable', async () => {
    const { adds, turn, index, advance } = setup();
    await turn('ann');
    advance(14 * DAY);
    await turn('ann');
    expect(adds).toHaveLength(1);
    advance(2 * DAY);
    await turn('ann');
    expect(adds).toHaveLength(2);
    advance(29 * DAY); // 45 days after the first note, 29 after the renewal
    expect(await index.conversations('ann')).toEqual(['emulator:c1']);
    advance(2 * DAY);
    expect(await index.conversations('ann')).toEqual([]);
  });

  it('does not note the sender of a handoff status event (a hub, not the user)', async () => {
    const { adds, turn } = setup();
    await turn('hub-bot', { kind: 'handoff_status', handoffStatus: 'accepted', text: undefined });
    expect(adds).toEqual([]);
  });
});

describe('createUserIndex', () => {
  it('filters by channel, forgets conversations, and deletes the item with the last one', async () => {
    const { store, index } = setup();
    await index.add('ann', 'emulator', 'emulator:c1');
    await index.add('ann', 'webchat', 'webchat:dl_1');
    await index.add('ann', 'webchat', 'webchat:dl_1');
    expect(await index.conversations('ann', 'webchat')).toEqual(['webchat:dl_1']);
    await index.remove('ann', ['emulator:c1']);
    expect(await index.conversations('ann')).toEqual(['webchat:dl_1']);
    await index.remove('ann', ['webchat:dl_1']);
    expect(await store.storage.read([userIndexKey('ann')])).toEqual({});
    expect(await index.conversations('nobody')).toEqual([]);
  });
});
